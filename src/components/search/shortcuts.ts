/**
 * Loaded with every page, so kept tiny: opens the search dialog from its button, `/` and Ctrl/Cmd+K, and
 * loads the search itself (dialog.ts, then Pagefind) the first time the dialog opens.
 */
export function wireSearchShortcuts(): void {
	const dialog = document.querySelector<HTMLDialogElement>("[data-search-dialog]");
	const input = dialog?.querySelector<HTMLInputElement>("[data-search-input]");
	if (!dialog || !input) return;
	let started: Promise<{ run: () => void }> | undefined;

	const open = (query?: string) => {
		if (!dialog.open) dialog.showModal();
		if (query !== undefined) input.value = query;
		input.focus();
		input.select();
		started ??= import("./dialog.ts").then((m) => m.startSearch(dialog));
		void started.then((search) => search.run());
	};

	for (const button of document.querySelectorAll<HTMLElement>("[data-search-open]")) {
		button.hidden = false;
		button.addEventListener("click", () => open(button.dataset.searchQuery));
	}
	document.addEventListener("keydown", (event) => {
		const target = event.target instanceof HTMLElement ? event.target : null;
		const typing = target?.closest("input, textarea, select, [contenteditable]") != null;
		const modK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k";
		const slash = event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
		if (!modK && !slash) return;
		event.preventDefault();
		open();
	});
}
