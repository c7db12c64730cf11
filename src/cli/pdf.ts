/**
 * `npm run pdf [-- --dist dist] [--out DIR]`: the built site as one PDF per language
 * (`dist/playbook.en.pdf`, `dist/playbook.id.pdf`). Run after `npm run build`.
 * Exit 1 when there is nothing to print, 2 on bad usage or an unexpected failure.
 */
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../lib/diagnostics/diagnostic.ts";
import { buildPlaybookPdfs } from "../lib/pdf/build-pdf.ts";

const USAGE = "usage: pdf [--dist dist] [--out DIR]   (default --out: the --dist folder)";

async function main(): Promise<number> {
	let values: { dist?: string; out?: string; help?: boolean };
	try {
		({ values } = parseArgs({
			options: { dist: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
			strict: true,
			allowPositionals: false,
		}));
	} catch (error) {
		process.stderr.write(`pdf: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
		return 2;
	}
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	const distName = values.dist ?? "dist";
	const started = performance.now();
	const result = await buildPlaybookPdfs({
		distDir: resolve(distName),
		distName,
		...(values.out ? { outDir: resolve(values.out) } : {}),
	});
	for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
	for (const pdf of result.pdfs) {
		const shown = relative(process.cwd(), pdf.file);
		process.stdout.write(
			`wrote ${shown.startsWith("..") ? pdf.file : shown} (${pdf.pages} pages, ${Math.round(pdf.bytes / 1024)} kB)\n`,
		);
	}
	if (result.pdfs.length > 0) process.stdout.write(`in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
	return result.pdfs.length > 0 ? 0 : 1;
}

try {
	process.exitCode = await main();
} catch (error) {
	process.stderr.write(`pdf: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
}
