/**
 * "Mark as read" state of onboarding items, kept in the browser's localStorage under
 * `flowbook-read:<ref>`. Storage can be unavailable (private mode, blocked): then nothing is remembered.
 */
export interface MarkStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

function store(): MarkStore | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined;
	}
}

export function isRead(key: string, storage: MarkStore | undefined = store()): boolean {
	try {
		return storage?.getItem(key) === "1";
	} catch {
		return false;
	}
}

export function setRead(key: string, read: boolean, storage: MarkStore | undefined = store()): void {
	try {
		if (read) storage?.setItem(key, "1");
		else storage?.removeItem(key);
	} catch {}
}
