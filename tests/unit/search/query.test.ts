import { describe, expect, it } from "vitest";
import { correct, forgivingSearch, type Hit, merge, type WordList, words } from "../../../src/lib/search/query.ts";

const counts = { discount: 6, discounts: 3, negotiation: 4, demo: 5, "15": 2, "20": 3, qualification: 5, qualified: 4 };

describe("words", () => {
	it("splits like the index: letters and digits, lower case, symbols dropped", () => {
		expect(words("15% Discount, e-signature? Kualifikasi (BANT)")).toEqual([
			"15",
			"discount",
			"e",
			"signature",
			"kualifikasi",
			"bant",
		]);
	});
});

describe("correct", () => {
	it("replaces unknown words by the closest word of the index", () => {
		expect(correct("discont", counts)).toBe("discount");
		expect(correct("who approves discont", { ...counts, who: 1, approves: 1 })).toBe("who approves discount");
		expect(correct("negociation", counts)).toBe("negotiation");
	});

	it("prefers the more frequent word when two are as close", () => {
		expect(correct("discounz", counts)).toBe("discount");
	});

	it("leaves known words, prefixes of known words, numbers and short words alone", () => {
		expect(correct("discount", counts)).toBeUndefined();
		expect(correct("qualif", counts)).toBeUndefined();
		expect(correct("17", counts)).toBeUndefined();
		expect(correct("dem", counts)).toBeUndefined();
	});

	it("gives up on words too far from anything in the index", () => {
		expect(correct("length", counts)).toBeUndefined();
	});
});

interface H extends Hit {
	url: string;
}
const hit = (id: string, score: number): H => ({ id, score, url: id });

describe("merge", () => {
	it("ranks hits matching more words first, a number alone below any topic word", () => {
		const merged = merge(
			[
				{ word: "15", hits: [hit("prospecting", 9), hit("faq-discounts", 1)] },
				{ word: "discount", hits: [hit("faq-discounts", 3), hit("negotiation", 1)] },
			],
			50,
		);
		expect(merged.map((h) => h.id)).toEqual(["faq-discounts", "negotiation", "prospecting"]);
	});

	it("among hits matching as many words, prefers the rarer word and the better score", () => {
		const merged = merge(
			[
				{ word: "renewal", hits: [hit("a", 1), hit("b", 1), hit("c", 1), hit("d", 2)] },
				{ word: "churn", hits: [hit("e", 1)] },
			],
			50,
		);
		expect(merged.map((h) => h.id)).toEqual(["e", "d", "a", "b", "c"]);
	});
});

describe("forgivingSearch", () => {
	const index: Record<string, H[]> = {
		discount: [hit("faq-discounts", 3), hit("negotiation", 2)],
		demo: [hit("presentation", 4), hit("faq-stalled", 1)],
	};
	const search = async (q: string) => {
		const ws = words(q);
		const sets = ws.map((w) => Object.entries(index).flatMap(([k, hs]) => (k.startsWith(w) ? hs : [])));
		return (sets[0] ?? []).filter((h) => sets.every((s) => s.some((x) => x.id === h.id)));
	};
	const list: WordList = { documents: 40, words: { discount: 2, demo: 2 } };
	let loads = 0;
	const loadWords = async () => {
		loads++;
		return list;
	};

	it("returns Pagefind's results untouched when the query finds something, without loading the word list", async () => {
		loads = 0;
		const out = await forgivingSearch("disc", search, loadWords);
		expect(out).toEqual({ hits: index.discount, partial: false });
		expect(loads).toBe(0);
	});

	it("searches the corrected query when the typed one finds nothing", async () => {
		const out = await forgivingSearch("discont", search, loadWords);
		expect(out.corrected).toBe("discount");
		expect(out.hits.map((h) => h.id)).toEqual(["faq-discounts", "negotiation"]);
	});

	it("falls back to the words that do match, marked partial", async () => {
		const out = await forgivingSearch("demo length", search, loadWords);
		expect(out.partial).toBe(true);
		expect(out.hits[0]?.id).toBe("presentation");
	});

	it("still falls back per word when the word list cannot be loaded", async () => {
		const out = await forgivingSearch("demo length", search, async () => {
			throw new Error("offline");
		});
		expect(out.hits[0]?.id).toBe("presentation");
	});

	it("finds nothing for nonsense, without a suggestion", async () => {
		await expect(forgivingSearch("zzzz", search, loadWords)).resolves.toEqual({ hits: [], partial: false });
	});
});
