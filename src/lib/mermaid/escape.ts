/**
 * Escaping for Mermaid flowchart source, so that whatever an author writes comes out as exactly that text.
 *
 * How Mermaid 12 reads a double-quoted label (htmlLabels, securityLevel strict):
 * 1. before parsing, every `#name;` / `#123;` in the whole source becomes an internal marker;
 * 2. the label is parsed, DOMPurify-sanitised, markers become `&name;` / `&#123;`, and the result is
 *    inserted as HTML (node labels are decoded and sanitised once more before that).
 * So text must be written as entity-encoded HTML text: `<` as `#lt;` (renders as `<`), `&` as `#amp;`.
 * `<`, `>` and `&` survive the repeated decode/sanitise round trips because the serialiser re-escapes them;
 * other characters are decoded early, which is why a few sequences Mermaid treats specially after decoding
 * (`\n` line breaks, `$$…$$` KaTeX, `fa:fa-…` icons) get an empty `<span></span>` inside them.
 */

/** Characters written as Mermaid entities; everything else (letters, emoji, Indonesian text) stays as is. */
const entities: Record<string, string> = {
	'"': "#quot;",
	"&": "#amp;",
	"<": "#lt;",
	">": "#gt;",
	"#": "#35;",
	"%": "#37;",
	"(": "#40;",
	")": "#41;",
	":": "#58;",
	";": "#59;",
	"[": "#91;",
	"]": "#93;",
	"`": "#96;",
	"{": "#123;",
	"|": "#124;",
	"}": "#125;",
	// Mermaid's own entity markers: a literal one in the text would be decoded as `&` or `;`.
	"\uFB02": "#64258;",
	"\u00B6": "#182;",
};

/**
 * For a quoted label that people read as source (`npm run diff` prints it in a pull-request comment, which
 * GitHub renders): only what would end the string or be read as markup is encoded. The quote; `<` before a
 * tag-like character; `&` and `#` before an entity-like `name;`; Mermaid's own markers. `(`, `:`, `;`, a lone
 * `&` or `#` stay as they are.
 */
function sourceEntity(chars: string[], i: number): string | undefined {
	const ch = chars[i];
	const next = chars.slice(i + 1, i + 34).join("");
	if (ch === '"') return "#quot;";
	if (ch === "<" && /^[a-z/!?]/i.test(next)) return "#lt;";
	if ((ch === "&" || ch === "#") && /^#?[a-z0-9]+;/i.test(next)) return ch === "&" ? "#amp;" : "#35;";
	if (ch === "\uFB02" || ch === "\u00B6") return entities[ch];
	return undefined;
}

const tableEntity = (chars: string[], i: number): string | undefined => entities[chars[i] as string];

const breaker = "<span></span>";
const newline = /\r\n|[\r\n\u0085\u2028\u2029]/;

/** Where Mermaid would read a `\n` break, a `$$` KaTeX fence or a `fa:fa-` icon: after this character. */
function needsBreak(chars: string[], i: number): boolean {
	const ch = chars[i];
	const next = chars[i + 1];
	if (ch === "\\") return next === "n";
	if (ch === "$") return next === "$";
	if (ch !== ":") return false;
	return (
		/fa[bklrs]?$/.test(chars.slice(Math.max(0, i - 3), i).join("")) && chars.slice(i + 1, i + 4).join("") === "fa-"
	);
}

function escapeChars(
	text: string,
	lineBreak: string | undefined,
	encode: (chars: string[], i: number) => string | undefined = tableEntity,
): string {
	let out = "";
	const chars = Array.from(text.replace(/\r\n/g, "\n"));
	for (let i = 0; i < chars.length; i++) {
		const ch = chars[i] as string;
		if (newline.test(ch)) {
			out += lineBreak ?? " ";
			continue;
		}
		out += encode(chars, i) ?? ch;
		if (lineBreak === undefined) continue;
		// Sequences Mermaid interprets after its entities are decoded: break them with an empty element.
		if (needsBreak(chars, i)) out += breaker;
	}
	// Mermaid's lexer matches `.*direction\s+LR` anywhere on a line, even inside a quoted label.
	return out.replace(
		/(d)(i)(rection)/gi,
		(_m, d: string, i: string, rest: string) => `${d}#${i.charCodeAt(0)};${rest}`,
	);
}

/**
 * Text for a double-quoted node, edge or subgraph label: `["…"]`, `{"…"}`, `-->|"…"|`.
 * Line breaks in the text become `<br>`.
 */
export function escapeLabel(text: string): string {
	return escapeChars(text, "<br>");
}

/** Like `escapeLabel`, for Mermaid that people read as source: only what Mermaid needs is encoded. */
export function escapeSourceLabel(text: string): string {
	return escapeChars(text, "<br>", sourceEntity);
}

/** Like `escapeLine`, for Mermaid that people read as source. */
export function escapeSourceLine(text: string): string {
	return escapeChars(text.replace(/\s+/g, " ").trim(), undefined, sourceEntity);
}

/**
 * Text for a single-line position: a quoted `click` tooltip, `accTitle:` or `accDescr:`.
 * Line breaks become spaces and runs of whitespace collapse.
 */
export function escapeLine(text: string): string {
	return escapeChars(text.replace(/\s+/g, " ").trim(), undefined);
}

/**
 * Text for a quoted `click` tooltip. Mermaid's DOMPurify drops a whole `title` attribute whose value looks like
 * markup breaking out (`-->`, `]>`, `</script`…), so those get an invisible word joiner (U+2060) inside.
 */
export function escapeTooltip(text: string): string {
	const defused = text
		.replace(/(--!?|\])>/g, "$1\u2060>")
		.replace(/<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/gi, "<\u2060/$1");
	return escapeLine(defused);
}

/** A URL for a quoted `click … href "…"`: characters that would end the string or form an entity are %-encoded. */
export function escapeHref(url: string): string {
	return url.replace(/[\s"'<>`;\\{}|^]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function encodeId(id: string): string {
	let out = "";
	for (const ch of id) {
		if (/[A-Za-z0-9]/.test(ch)) out += ch;
		else if (ch === "_") out += "__";
		else if (ch === "-") out += "_h";
		else out += `_u${(ch.codePointAt(0) as number).toString(16)}_`;
	}
	return out;
}

/**
 * The Mermaid node id of a step: `s_` + the id with `_` → `__`, `-` → `_h`, anything else → `_u<hex>_`.
 * Injective, only `[A-Za-z0-9_]`, and never a Mermaid keyword (`end`, `graph`, `class`, `click`, …).
 */
export function escapeMermaidId(stepId: string): string {
	return `s_${encodeId(stepId)}`;
}

/** The Mermaid subgraph id of a role's swimlane; a different prefix, so it never collides with a step. */
export function escapeMermaidLaneId(roleId: string): string {
	return `r_${encodeId(roleId)}`;
}

/** A CSS class name usable in `classDef` / `class` statements. */
export const classNamePattern = /^[A-Za-z][A-Za-z0-9_-]*$/;
