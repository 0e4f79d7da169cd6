import { tokenize } from './tokenize';

/** The text of one incident, by field, so that title and summary can weigh more than the body. */
export interface SimilarityDocument {
  id: string;
  title?: string | undefined;
  summary?: string | undefined;
  /** root_cause.summary */
  rootCause?: string | undefined;
  /** The body as plain text. */
  body?: string | undefined;
}

type SimilarityField = 'title' | 'summary' | 'rootCause' | 'body';
export type FieldWeights = Record<SimilarityField, number>;

/** Each occurrence of a word counts this many times. */
export const DEFAULT_FIELD_WEIGHTS: Readonly<FieldWeights> = { title: 3, summary: 2, rootCause: 2, body: 1 };
const FIELDS: readonly SimilarityField[] = ['title', 'summary', 'rootCause', 'body'];

/** A document's pruned, unit-length tf-idf vector: term ids and weights, terms in alphabetical order. */
interface TermVector {
  terms: number[];
  weights: number[];
}

export interface VectorSpace {
  /** Term id → term. */
  vocabulary: string[];
  vectors: TermVector[];
  /** Term id → documents (indexes) whose pruned vector holds the term, with their weight there. */
  postings: Array<{ docs: number[]; weights: number[] }>;
}

export interface VectorOptions {
  weights: FieldWeights;
  termsPerDocument: number;
  maxDocumentFrequency: number;
}

/**
 * The default cap on document frequency: 5% of the documents, at most 500,
 * but never below 20 so that a small knowledge base keeps its vocabulary.
 */
export function defaultMaxDocumentFrequency(documents: number): number {
  return Math.max(20, Math.min(500, Math.ceil(documents * 0.05)));
}

/**
 * TF-IDF vectors, pruned for scale.
 *
 * - tf: the weighted count c of a term (each occurrence counts its field's
 *   weight), damped as ln(1 + c);
 * - idf: ln((1 + N) / (1 + df)) + 1 (smoothed, so that a term found in every
 *   document of a tiny corpus still counts);
 * - pruning: only terms that can link documents enter a vector, those with
 *   2 ≤ df ≤ maxDocumentFrequency (a word in one document links nothing, a
 *   word in most documents links everything), and of those only the
 *   `termsPerDocument` heaviest (ties by term);
 * - the pruned vector is scaled to unit length, so the dot product of two
 *   vectors is their cosine similarity, and identical texts score 1.
 */
export function vectorSpace(docs: readonly SimilarityDocument[], options: VectorOptions): VectorSpace {
  const termId = new Map<string, number>();
  const vocabulary: string[] = [];
  const df: number[] = [];
  const counts = docs.map((doc) => {
    const c = new Map<number, number>();
    for (const field of FIELDS) {
      const text = doc[field];
      const weight = options.weights[field];
      if (!text || !(weight > 0)) continue;
      for (const token of tokenize(text)) {
        let id = termId.get(token);
        if (id === undefined) {
          id = vocabulary.length;
          termId.set(token, id);
          vocabulary.push(token);
          df.push(0);
        }
        c.set(id, (c.get(id) ?? 0) + weight);
      }
    }
    for (const id of c.keys()) df[id]!++;
    return c;
  });

  const n = docs.length;
  const postings = vocabulary.map(() => ({ docs: [] as number[], weights: [] as number[] }));
  const vectors = counts.map((c, doc): TermVector => {
    const entries: Array<{ term: number; weight: number }> = [];
    for (const [term, count] of c) {
      const f = df[term]!;
      if (f < 2 || f > options.maxDocumentFrequency) continue;
      entries.push({ term, weight: Math.log1p(count) * (Math.log((1 + n) / (1 + f)) + 1) });
    }
    const byTerm = (a: { term: number }, b: { term: number }) => (vocabulary[a.term]! < vocabulary[b.term]! ? -1 : 1);
    const kept = entries.sort((a, b) => b.weight - a.weight || byTerm(a, b)).slice(0, options.termsPerDocument).sort(byTerm);
    // Summed in term order, so the norm (and every score) does not depend on the order of the input.
    let sumOfSquares = 0;
    for (const e of kept) sumOfSquares += e.weight * e.weight;
    const norm = Math.sqrt(sumOfSquares);
    const vector: TermVector = { terms: [], weights: [] };
    for (const e of kept) {
      const w = e.weight / norm;
      vector.terms.push(e.term);
      vector.weights.push(w);
      postings[e.term]!.docs.push(doc);
      postings[e.term]!.weights.push(w);
    }
    return vector;
  });
  return { vocabulary, vectors, postings };
}
