/** The changelog as an Atom feed at `<base>/changelog.xml`, with absolute links from the configured site and base. */
import type { APIRoute } from "astro";
import { t } from "../i18n/ui.ts";
import { changelogFeed } from "../site/changelog.ts";
import { flowbookConfig } from "../site/project.ts";

export const GET: APIRoute = async () => {
	const xml = await changelogFeed(t("en", "changelog.feedTitle").replace("{site}", flowbookConfig.title));
	return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
};
