/**
 * What the search box does with a query, on top of Pagefind: Pagefind only finds pages that contain every
 * word (or a word starting with it), so "discont" or "demo length" find nothing. When that happens the query is
 * corrected against the index's own words (a did-you-mean), and if that still finds nothing, each word is
 * searched on its own and the results merged, pages matching more (and rarer) words first.
 * Framework-free: the search dialog loads it when it opens; tests drive it through the real index.
 */
import { closest } from "../text/suggest.ts";

export interface Hit {
	id: string;
	score: number;
}

/** The part of Pagefind's API this module needs. */
export type SearchFn<H extends Hit> = (term: string) => Promise<H[]>;

/** Word → how often it occurs in the index, per language; written by build-index.ts. */
export type WordCounts = Record<string, number>;

/** One language's word list, as build-index.ts writes it to `pagefind/words.<lang>.json`. */
export interface WordList {
	/** Pages and records indexed in this language. */
	documents: number;
	words: WordCounts;
}

export interface Outcome<H extends Hit> {
	hits: H[];
	/** The corrected query the hits are for, when the typed one found nothing. */
	corrected?: string;
	/** True when no page had every word and the hits match some of them. */
	partial: boolean;
}

/** Words as Pagefind sees them: letters and digits, lower case; "15%" is "15", "e-signature" two words. */
export function words(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A word is known when the index has it or a word starting with it (Pagefind matches prefixes). */
function known(word: string, vocabulary: readonly string[], counts: WordCounts): boolean {
	return word in counts || vocabulary.some((w) => w.startsWith(word));
}

/**
 * The query with each unknown word replaced by the closest word of the index, or undefined when nothing
 * changed. Numbers are never "corrected": "15" is not a typo for "10".
 */
export function correct(query: string, counts: WordCounts): string | undefined {
	// Most frequent first, so a tie goes to the common word (closest() keeps the first of equals).
	const vocabulary = Object.keys(counts).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
	let changed = false;
	const out = words(query).map((word) => {
		if (/\d/.test(word) || word.length < 4 || known(word, vocabulary, counts)) return word;
		const match = closest(word, vocabulary);
		if (match === undefined) return word;
		changed = true;
		return match;
	});
	return changed ? out.join(" ") : undefined;
}

/**
 * Results of several one-word searches merged. Hits matching more of the query's words (numbers aside) come
 * first: in "15% discount" the topic is the discount, and a page that only mentions "15 minutes" is not an
 * answer. Among equals, a hit scores the sum, over the words it matches, of its normalised score for that word
 * times the word's rarity (a word found on few pages says more about the query), numbers counting half.
 */
export function merge<H extends Hit>(perWord: { word: string; hits: H[] }[], total: number): H[] {
	const byId = new Map<string, { hit: H; words: number; score: number }>();
	for (const { word, hits } of perWord) {
		if (hits.length === 0) continue;
		const number = /^\d+$/.test(word);
		const top = Math.max(...hits.map((h) => h.score)) || 1;
		const rarity = Math.log(1 + Math.max(total, hits.length) / hits.length) * (number ? 0.5 : 1);
		for (const hit of hits) {
			const entry = byId.get(hit.id) ?? { hit, words: 0, score: 0 };
			if (!number) entry.words++;
			entry.score += (hit.score / top) * rarity;
			byId.set(hit.id, entry);
		}
	}
	return [...byId.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((e) => e.hit);
}

/**
 * Runs a query the forgiving way. `loadWords` is only called when the typed query finds nothing, so the
 * word list is fetched only by searches that need it.
 */
export async function forgivingSearch<H extends Hit>(
	query: string,
	search: SearchFn<H>,
	loadWords: () => Promise<WordList>,
): Promise<Outcome<H>> {
	const exact = await search(query);
	if (exact.length > 0) return { hits: exact, partial: false };
	let list: WordList = { documents: 0, words: {} };
	try {
		list = await loadWords();
	} catch {
		// Without the word list there is no correction; the per-word fallback below still works.
	}
	const corrected = correct(query, list.words);
	if (corrected !== undefined) {
		const hits = await search(corrected);
		if (hits.length > 0) return { hits, corrected, partial: false };
	}
	const terms = [...new Set(words(corrected ?? query))];
	if (terms.length < 2) return { hits: [], partial: false, ...(corrected ? { corrected } : {}) };
	const perWord = await Promise.all(terms.map(async (word) => ({ word, hits: await search(word) })));
	const hits = merge(perWord, list.documents);
	return { hits, partial: hits.length > 0, ...(corrected ? { corrected } : {}) };
}
