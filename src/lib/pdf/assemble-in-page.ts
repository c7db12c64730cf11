/**
 * Runs INSIDE the browser (passed to `page.evaluate`), so it must not use anything from outside its own
 * body. Fetches each page of the playbook from the same site, keeps its `<main>`, gives every id a per-page
 * prefix and turns links between included pages into links inside the document, then replaces the current
 * page's body with a cover, a table of contents and the pages. The site's own stylesheets (and their print
 * rules) stay in `<head>`, so the PDF looks like the site printed.
 */

export interface AssembleInput {
	pages: { path: string; group: string; title: string }[];
	/** Cover title (the site's title) and the table of contents' heading, in the page's language. */
	title: string;
	contents: string;
}

export interface AssembleResult {
	/** Links that pointed at a page of the site not in the PDF; they are kept as plain text. */
	droppedLinks: number;
	internalLinks: number;
}

export async function assembleInPage(input: AssembleInput): Promise<AssembleResult> {
	const pageIndex = new Map(input.pages.map((p, i) => [p.path, i]));
	let droppedLinks = 0;
	let internalLinks = 0;
	const sections: HTMLElement[] = [];

	const rewriteLink = (a: HTMLAnchorElement, from: number, pageUrl: URL) => {
		const raw = a.getAttribute("href");
		if (raw === null) return;
		const url = new URL(raw, pageUrl);
		if (url.origin !== location.origin) return;
		const target = pageIndex.get(url.pathname);
		if (target === undefined) {
			a.removeAttribute("href");
			droppedLinks++;
			return;
		}
		const frag = decodeURIComponent(url.hash.slice(1));
		a.setAttribute("href", frag ? `#p${target}-${frag}` : `#p${target}`);
		if (target !== from || frag) internalLinks++;
	};

	const responses = await Promise.all(input.pages.map((p) => fetch(p.path).then((r) => r.text())));
	responses.forEach((html, i) => {
		const pageUrl = new URL(input.pages[i]?.path ?? "/", location.href);
		const doc = new DOMParser().parseFromString(html, "text/html");
		const main = doc.querySelector("main");
		if (!main) return;
		main
			.querySelectorAll(
				"script, noscript, template, dialog, form, button, .toc, .pager, .page-actions, .breadcrumbs, .no-print",
			)
			.forEach((el) => {
				el.remove();
			});
		// Ids inside SVG diagrams are referenced by the SVG itself (markers, gradients): they stay.
		main.querySelectorAll("[id]").forEach((el) => {
			if (!el.closest("svg")) el.id = `p${i}-${el.id}`;
		});
		for (const attr of ["for", "aria-labelledby", "aria-describedby", "aria-controls"]) {
			main.querySelectorAll(`[${attr}]`).forEach((el) => {
				if (el.closest("svg")) return;
				const ids = (el.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean);
				el.setAttribute(attr, ids.map((id) => `p${i}-${id}`).join(" "));
			});
		}
		main.querySelectorAll("a[href]").forEach((a) => {
			rewriteLink(a as HTMLAnchorElement, i, pageUrl);
		});
		// Chromium's PDF outline drops the space where a heading wraps ("pelangganbaru"); with single spaces and
		// pre-wrap (below) the space at the wrap stays in the text.
		main.querySelectorAll("h1, h2, h3, h4").forEach((heading) => {
			const walker = doc.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeValue = (n.nodeValue ?? "").replace(/\s+/g, " ");
			// "Prospecting" and its "Stage" badge are two spans: without a space the outline reads "ProspectingStage".
			for (const child of Array.from(heading.children).slice(1)) {
				const before = child.previousSibling;
				if (!before || /\s$/.test(before.textContent ?? "")) continue;
				// Inside the element before: a flex heading drops a space that stands between its items.
				if (before.nodeType === Node.ELEMENT_NODE) (before as Element).append(" ");
				else child.before(" ");
			}
		});
		main.querySelectorAll("details").forEach((d) => {
			d.setAttribute("open", "");
		});
		main.querySelectorAll("img[loading]").forEach((img) => {
			img.setAttribute("loading", "eager");
		});
		const section = document.createElement("section");
		section.id = `p${i}`;
		section.className = `pdf-page ${main.className}`;
		section.append(...Array.from(main.childNodes).map((n) => document.importNode(n, true)));
		sections.push(section);
	});

	const book = document.createElement("main");
	book.className = "content pdf-book";
	const cover = document.createElement("header");
	cover.className = "pdf-cover";
	const h = document.createElement("p");
	h.className = "pdf-title";
	h.textContent = input.title;
	cover.append(h);
	const toc = document.createElement("nav");
	toc.className = "pdf-toc";
	toc.setAttribute("aria-labelledby", "pdf-toc-title");
	const tocTitle = document.createElement("h2");
	tocTitle.id = "pdf-toc-title";
	tocTitle.textContent = input.contents;
	toc.append(tocTitle);
	let list: HTMLOListElement | undefined;
	let group: string | undefined;
	input.pages.forEach((p, i) => {
		if (!list || p.group !== group) {
			group = p.group;
			if (group) {
				const g = document.createElement("h3");
				g.textContent = group;
				toc.append(g);
			}
			list = document.createElement("ol");
			toc.append(list);
		}
		const li = document.createElement("li");
		const a = document.createElement("a");
		a.href = `#p${i}`;
		a.textContent = p.title;
		li.append(a);
		list.append(li);
	});
	cover.append(toc);
	book.append(cover, ...sections);
	const style = document.createElement("style");
	style.textContent = `
		body { display: block; }
		.pdf-book { max-width: none; padding: 0; }
		.pdf-page { break-before: page; }
		.pdf-book :is(h1, h2, h3, h4) { white-space: pre-wrap; }
		/* A diagram on one page, whole: it is vector, so a reader zooms in rather than turning pages. */
		.pdf-book .diagram svg { max-width: 100%; max-height: 230mm; width: auto; height: auto; }
		.pdf-title { font-size: 2rem; font-weight: 700; margin: 0 0 2rem; }
		.pdf-toc ol { padding-left: 2rem; }
		.pdf-toc h3 { margin: 1rem 0 0.25rem; }
		.pdf-toc a { color: inherit; }
	`;
	document.head.append(style);
	document.body.replaceChildren(book);
	// Every diagram and font settled before printing.
	await document.fonts.ready;
	await Promise.all(
		Array.from(document.images).map((img) =>
			img.complete
				? undefined
				: new Promise((done) => {
						img.addEventListener("load", done, { once: true });
						img.addEventListener("error", done, { once: true });
					}),
		),
	);
	return { droppedLinks, internalLinks };
}
