// `npm run setup`: install and build, printing what a first-time user needs to see.
// Plain JavaScript on purpose: on a fresh checkout there is no node_modules yet, so this runs on the
// machine's own Node (which may be 20); everything after `npm ci` runs on the pinned Node 24.
import { spawn } from "node:child_process";

/** Runs a command; its stdout passes through, its stderr goes through `filter` line by line. */
function run(command, args, filter) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: ["inherit", "inherit", "pipe"] });
		let rest = "";
		child.stderr.setEncoding("utf8");
		child.stderr.on("data", (chunk) => {
			const lines = (rest + chunk).split("\n");
			rest = lines.pop() ?? "";
			for (const line of lines) filter(line);
		});
		child.on("close", (code) => {
			if (rest) filter(rest);
			resolve(code ?? 1);
		});
	});
}

/**
 * npm on a machine Node older than 22 lists every dependency that asks for a newer Node (EBADENGINE,
 * five lines each). Those packages never run on the machine's Node: npm scripts put the pinned `node`
 * devDependency first on the PATH. So the list is summed up in one line; every other line is kept.
 */
const engineWants = new Set();
const enginePackages = new Set();
let inEngineBlock = false;
function npmLine(line) {
	if (line.includes("EBADENGINE")) {
		const wanted = /required: \{ node: '([^']+)'/.exec(line);
		if (wanted) engineWants.add(wanted[1]);
		const name = /package: '([^']+)'/.exec(line);
		if (name) enginePackages.add(name[1]);
		inEngineBlock = !/EBADENGINE }$/.test(line.trimEnd());
		return;
	}
	if (inEngineBlock) return;
	process.stderr.write(`${line}\n`);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
console.log(`flowbook setup: installing dependencies (npm ci) with Node ${process.versions.node} …`);
const installed = await run(npm, ["ci", "--no-audit", "--no-fund"], npmLine);
if (installed !== 0) process.exit(installed);
if (enginePackages.size > 0) {
	const major = Math.min(...[...engineWants].map((range) => Number(/\d+/.exec(range)?.[0] ?? 22)));
	const names = [...enginePackages]
		.map((p) => p.replace(/@[^@/]+$/, ""))
		.sort((a, b) => (a[0] === "@") - (b[0] === "@"));
	const some = `${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}`;
	console.log(
		`flowbook setup: npm warned that ${names.length} dependencies (${some}) need Node ${major} or newer; ` +
			`that is expected: Node ${process.versions.node} here only ran the install, every npm script runs on the Node 24 just installed.`,
	);
}
console.log("flowbook setup: building the site (npm run build) …");
const built = await run(npm, ["run", "build", "--silent"], (line) => process.stderr.write(`${line}\n`));
process.exit(built);
