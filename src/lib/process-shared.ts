/**
 * One value per process under a name. Astro bundles pages separately from the integration, so a
 * module can be loaded twice in one build; state that both copies must see (the shared browser, the
 * "said once" flag, loaded CRM exports) lives on globalThis instead of in module variables.
 */
export function processShared<T>(name: string, create: () => T): T {
	const registry = globalThis as Record<symbol, unknown>;
	const key = Symbol.for(`flowbook.${name}`);
	if (!(key in registry)) registry[key] = create();
	return registry[key] as T;
}
