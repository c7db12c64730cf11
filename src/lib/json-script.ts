/**
 * JSON for an inline `<script type="application/ld+json">`: escaped so that no
 * content (a question containing `</script>`, an HTML comment opener, a line
 * separator) can end the script element or change how the page is parsed.
 */
export function jsonForScript(value: unknown): string {
	return (JSON.stringify(value) ?? "null")
		.replace(/</g, "\\u003c")
		.replace(/>/g, "\\u003e")
		.replace(/&/g, "\\u0026")
		.replace(/\u2028/g, "\\u2028")
		.replace(/\u2029/g, "\\u2029");
}
