import { describe, expect, it } from 'vitest';
import { similarIncidents, type SimilarityDocument } from '../../../src/lib/similarity';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A made-up word for a number: consonant–vowel syllables, so no stop word and nothing the stemmer changes. */
const SYLLABLES = ['ka', 'lo', 'mu', 'ri', 'te', 'po', 'na', 'vi', 'zu', 'be'];
function word(n: number): string {
  let w = '';
  do {
    w = SYLLABLES[n % 10]! + w;
    n = Math.floor(n / 10);
  } while (n > 0);
  return `q${w.padStart(6, 'x')}`;
}

describe('similarity at 10,000 documents', () => {
  it('finds each document\'s topic mates through the inverted index', () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const background = Array.from({ length: 2_000 }, (_, i) => word(i));
    const TOPICS = 1_000, PER_TOPIC = 10;
    const docs: SimilarityDocument[] = [];
    for (let t = 0; t < TOPICS; t++) {
      const topicWords = Array.from({ length: 5 }, (_, k) => word(100_000 + t * 5 + k));
      for (let d = 0; d < PER_TOPIC; d++) {
        const noise = (n: number) => Array.from({ length: n }, () => pick(background)).join(' ');
        docs.push({
          id: `t${String(t).padStart(4, '0')}-d${d}`,
          title: `${pick(topicWords)} ${pick(topicWords)} ${pick(topicWords)} incident`,
          summary: `${pick(topicWords)} ${noise(5)}`,
          // "incident" is in every document: above the document-frequency cap, it links nothing.
          body: `incident ${pick(topicWords)} ${pick(topicWords)} ${noise(30)}`,
        });
      }
    }
    const twin = { title: 'Zanzibar replication quorum lost', summary: 'Quorum lost after partition.', body: 'zanzibar quorum partition' };
    docs.push({ id: 'twin-a', ...twin }, { id: 'twin-b', ...twin });

    const result = similarIncidents(docs, { topN: 3, minScore: 0.05 });

    expect(result.size).toBe(10_002);
    expect(result.get('twin-a')![0]!.id).toBe('twin-b');
    expect(result.get('twin-a')![0]!.score).toBeCloseTo(1, 9);
    let sameTopic = 0, total = 0;
    for (const doc of docs.slice(0, TOPICS * PER_TOPIC)) {
      const suggestions = result.get(doc.id)!;
      expect(suggestions.length).toBe(3);
      for (const s of suggestions) {
        total++;
        if (s.id.slice(0, 5) === doc.id.slice(0, 5)) sameTopic++;
        expect(s.id).not.toBe(doc.id);
      }
    }
    expect(sameTopic).toBe(total);
  });
});
