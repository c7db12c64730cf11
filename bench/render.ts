// Diagram rendering benchmark: node_modules/.bin/node bench/render.ts [N]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderDiagrams } from "../src/lib/render/cache.ts";
import { postprocessSvg } from "../src/lib/render/postprocess.ts";
import { createMermaidRenderer } from "../src/lib/render/renderer.ts";

const N = Number(process.argv[2] ?? 20);

function flowchart(seed: number, nodes = 30): string {
	const lines = ["flowchart LR", `accTitle: Synthetic ${seed}`];
	for (let i = 0; i < nodes; i++) lines.push(`n${i}["Step ${i} of playbook ${seed}"]`);
	for (let i = 1; i < nodes; i++) lines.push(`n${(i * 7 + seed) % i} -->|"${i % 3 === 0 ? "yes" : "next"}"| n${i}`);
	lines.push(`click n1 href "#step-1" "Open step 1"`);
	return lines.join("\n");
}

function stats(samples: number[]): { median: number; p95: number } {
	const s = [...samples].sort((a, b) => a - b);
	const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
	return { median: at(0.5), p95: at(0.95) };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const renderer = createMermaidRenderer();
try {
	let t = performance.now();
	await renderer.render([{ id: "warmup", source: "flowchart LR\nA --> B" }]);
	console.log(`browser start + first render: ${ms(performance.now() - t)}`);

	const render: number[] = [];
	const post: number[] = [];
	let rawBytes = 0;
	let outBytes = 0;
	for (let i = 0; i < N; i++) {
		t = performance.now();
		const [result] = await renderer.render([{ id: String(i), source: flowchart(i) }]);
		render.push(performance.now() - t);
		if (!result || !("svg" in result)) throw new Error(`render ${i} failed: ${JSON.stringify(result)}`);
		t = performance.now();
		const out = postprocessSvg(result.svg);
		post.push(performance.now() - t);
		rawBytes += result.svg.length;
		outBytes += out.length;
	}
	const r = stats(render);
	const p = stats(post);
	console.log(`warm render, ${N} x 30-node flowcharts: median ${ms(r.median)}, p95 ${ms(r.p95)}`);
	console.log(`postprocess (SVGO etc.): median ${ms(p.median)}, p95 ${ms(p.p95)}`);
	console.log(
		`size: ${Math.round(rawBytes / N)} B raw -> ${Math.round(outBytes / N)} B (${((1 - outBytes / rawBytes) * 100).toFixed(0)}% smaller)`,
	);

	const cacheDir = mkdtempSync(join(tmpdir(), "fb-bench-"));
	const jobs = Array.from({ length: N }, (_, i) => ({ id: String(i), source: flowchart(i) }));
	t = performance.now();
	await renderDiagrams(jobs, { cacheDir, renderer: () => renderer });
	console.log(`renderDiagrams cold (${N}, one batch): ${ms(performance.now() - t)}`);
	t = performance.now();
	await renderDiagrams(jobs, {
		cacheDir,
		renderer: () => {
			throw new Error("cache miss");
		},
	});
	const hit = performance.now() - t;
	console.log(`renderDiagrams all cache hits (${N}): ${ms(hit)} total, ${ms(hit / N)} per diagram`);
	rmSync(cacheDir, { recursive: true, force: true });
} finally {
	await renderer.close();
}
