/**
 * `npm run export:crm -- <flowchart-id> --format salesforce|hubspot [--out DIR]`: the flowchart as CRM
 * guidance (Salesforce Path metadata, HubSpot pipeline JSON), stage names from the metrics mapping.yaml.
 */
import { runExportCrm } from "../lib/interchange/run-export-crm.ts";

try {
	process.exitCode = await runExportCrm(process.argv.slice(2), {
		cwd: process.cwd(),
		stdout: (line) => process.stdout.write(`${line}\n`),
		stderr: (line) => process.stderr.write(`${line}\n`),
	});
} catch (error) {
	process.stderr.write(`export:crm: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
}
