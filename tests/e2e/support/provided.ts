/** What global-setup.ts hands to every browser test file through Vitest's provide/inject. */
declare module "vitest" {
	export interface ProvidedContext {
		/** The built site, served on 127.0.0.1 under the base path: `http://127.0.0.1:<port>/sales/`. */
		flowbookSiteUrl: string;
		/** The folder that URL serves (the build output). */
		flowbookSiteDir: string;
		/** The shared Chromium, for `chromium.connect()`. */
		flowbookBrowserEndpoint: string;
	}
}

export {};
