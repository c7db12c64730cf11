/**
 * The search dialog's behaviour, loaded on first open: queries Pagefind (from the site's own /pagefind/) the
 * forgiving way (query.ts), shows results grouped by page as a listbox, and moves through them from the
 * input with the arrow keys (combobox pattern: focus stays in the input, aria-activedescendant follows).
 */
import { exactTitlesFirst, type Group, groupResults, type ResultData } from "../../lib/search/group.ts";
import { forgivingSearch, type WordList } from "../../lib/search/query.ts";

interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<ResultData>;
}
interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Results whose text is fetched and shown; Pagefind fetches one small fragment per result. */
const SHOWN = 10;

/**
 * Ranking: a match in a step's or question's own title counts double Pagefind's default, so "Negotiation" opens
 * the Negotiation step before pages that mention it; the flowchart a step belongs to (`page`) and the result
 * kind are labels, not text to match. Tried against tests/search/queries.ts: a lower `pageLength` (favouring
 * long pages) lost two queries, `termSimilarity` changed none, so both stay at Pagefind's defaults.
 */
const PAGEFIND_OPTIONS = {
	excerptLength: 24,
	ranking: { metaWeights: { title: 10, page: 0, kind: 0 } },
};

const withSlash = (base: string) => (base.endsWith("/") ? base : `${base}/`);

export function startSearch(dialog: HTMLDialogElement): { run: () => void } {
	const part = <T extends Element>(selector: string): T => {
		const element = dialog.querySelector<T>(selector);
		if (!element) throw new Error(`search dialog without ${selector}`);
		return element;
	};
	const input = part<HTMLInputElement>("[data-search-input]");
	const form = part<HTMLFormElement>("[data-search-form]");
	const status = part<HTMLElement>("[data-search-status]");
	const list = part<HTMLElement>("[data-search-results]");
	const text = dialog.dataset;
	const base = withSlash(text.base ?? "/");
	const kindLabels = JSON.parse(text.kindLabels ?? "{}") as Record<string, string>;
	let runId = 0;
	let active = -1;

	let pagefind: Promise<Pagefind> | undefined;
	const load = () => {
		pagefind ??= (async () => {
			const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
			await module.options({ baseUrl: base, ...PAGEFIND_OPTIONS });
			return module;
		})();
		return pagefind;
	};
	let wordList: Promise<WordList> | undefined;
	const loadWords = () => {
		wordList ??= fetch(`${base}pagefind/words.${text.lang ?? "en"}.json`).then((r) => {
			if (!r.ok) throw new Error(String(r.status));
			return r.json() as Promise<WordList>;
		});
		return wordList;
	};

	const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
	const select = (index: number) => {
		const all = options();
		active = all.length === 0 ? -1 : (index + all.length) % all.length;
		all.forEach((option, i) => {
			option.setAttribute("aria-selected", String(i === active));
		});
		const current = all[active];
		if (current) {
			input.setAttribute("aria-activedescendant", current.id);
			current.scrollIntoView({ block: "nearest" });
		} else input.removeAttribute("aria-activedescendant");
	};

	const optionElement = (option: Group["options"][number], id: string) => {
		const a = document.createElement("a");
		a.id = id;
		a.href = option.url;
		a.setAttribute("role", "option");
		a.setAttribute("aria-selected", "false");
		a.tabIndex = -1;
		if (option.sub) a.className = "search-sub";
		const title = document.createElement("span");
		title.className = "search-result-title";
		title.textContent = option.title;
		a.append(title);
		const kind = kindLabels[option.kind];
		if (kind && !option.sub) {
			const badge = document.createElement("span");
			badge.className = "badge";
			badge.textContent = kind;
			a.append(" ", badge);
		}
		const excerpt = document.createElement("span");
		excerpt.className = "search-excerpt";
		// Pagefind escapes the indexed text and adds only <mark> around matches.
		excerpt.innerHTML = option.excerpt;
		a.append(excerpt);
		a.addEventListener("click", () => dialog.close());
		return a;
	};

	const show = (groups: Group[]) => {
		let n = 0;
		list.replaceChildren(
			...groups.map((group, g) => {
				const element = document.createElement("div");
				element.className = "search-group";
				element.setAttribute("role", "group");
				const heading = document.createElement("div");
				heading.className = "search-group-title";
				heading.id = `search-group-${g}`;
				heading.textContent = group.title;
				element.setAttribute("aria-labelledby", heading.id);
				element.append(heading, ...group.options.map((option) => optionElement(option, `search-option-${n++}`)));
				return element;
			}),
		);
		input.setAttribute("aria-expanded", String(n > 0));
		select(0);
	};

	const finish = (term: string, message: string) => {
		status.textContent = message;
		// Tests and the benchmark wait for this: the results on screen are those of `term`.
		dialog.dataset.searchDone = term;
	};

	const run = async () => {
		const id = ++runId;
		const term = input.value.trim();
		delete dialog.dataset.searchDone;
		const data = new FormData(form);
		const filters: Record<string, string> = {};
		for (const key of ["kind", "flowchart"]) {
			const value = String(data.get(key) ?? "");
			if (value) filters[key] = value;
		}
		if (!term) {
			show([]);
			finish(term, "");
			return;
		}
		status.textContent = text.textLoading ?? "";
		let found: Awaited<ReturnType<typeof forgivingSearch<PagefindResult>>>;
		let items: ResultData[];
		try {
			const pf = await load();
			const search = async (q: string) => (await pf.search(q, { filters }))?.results ?? [];
			found = await forgivingSearch(term, search, loadWords);
			items = await Promise.all(found.hits.slice(0, SHOWN).map((r) => r.data()));
		} catch {
			if (id === runId) finish(term, text.textUnavailable ?? "");
			return;
		}
		if (id !== runId) return;
		show(groupResults(exactTitlesFirst(items, found.corrected ?? term)));
		const fill = (template = "") =>
			template
				.replace("{term}", term)
				.replace("{corrected}", found.corrected ?? "")
				.replace("{count}", String(found.hits.length));
		if (found.hits.length === 0) finish(term, fill(text.textNone));
		else if (found.corrected) finish(term, fill(text.textCorrected));
		else if (found.partial) finish(term, fill(text.textPartial));
		else finish(term, fill(text.textCount));
	};

	input.addEventListener("input", () => void run());
	form.addEventListener("change", () => void run());
	form.addEventListener("submit", (event) => {
		event.preventDefault();
		options()[Math.max(active, 0)]?.click();
	});
	input.addEventListener("keydown", (event) => {
		if (event.key === "ArrowDown" || event.key === "ArrowUp") {
			event.preventDefault();
			select(active + (event.key === "ArrowDown" ? 1 : -1));
		}
	});
	// Combobox pattern: focus stays in the input. A mouse press on an option would otherwise focus (and scroll)
	// it between mousedown and mouseup, so the click could land beside it and open nothing.
	list.addEventListener("mousedown", (event) => {
		if (event.target instanceof Element && event.target.closest('[role="option"]')) event.preventDefault();
	});
	dialog.querySelector("[data-search-close]")?.addEventListener("click", () => dialog.close());
	dialog.addEventListener("click", (event) => {
		if (event.target === dialog) dialog.close();
	});
	return { run: () => void run() };
}
