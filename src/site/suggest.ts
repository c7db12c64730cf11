/** "Edit this page" and "Suggest a change" links, from the one repository setting. */
export interface RepoSettings {
	url: string;
	branch: string;
}

export function editUrl(repo: RepoSettings, file: string | undefined): string | undefined {
	if (!repo.url || !file) return undefined;
	return `${repo.url}/edit/${repo.branch}/${file}`;
}

/** A prefilled issue in the repository, or an e-mail to the owner when there is no repository. */
export function suggestUrl(
	repo: RepoSettings,
	subject: { title: string; pageUrl: string; file?: string },
	email?: string,
): string | undefined {
	const title = `Suggestion: ${subject.title}`;
	const body = [
		`Page: ${subject.pageUrl}`,
		subject.file ? `Source: ${subject.file}` : "",
		"",
		"What should change, and why?",
		"",
	]
		.filter((line, i) => line !== "" || i > 1)
		.join("\n");
	if (repo.url) {
		const params = new URLSearchParams({ title, body });
		return `${repo.url}/issues/new?${params.toString()}`;
	}
	if (email) {
		return `mailto:${email}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
	}
	return undefined;
}
