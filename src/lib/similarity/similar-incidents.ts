import { DEFAULT_FIELD_WEIGHTS, defaultMaxDocumentFrequency, vectorSpace, type FieldWeights, type SimilarityDocument } from './vectors';

export interface SimilarIncident {
  id: string;
  /** Cosine similarity of the two pruned tf-idf vectors, 0 < score ≤ 1. */
  score: number;
}

export interface SimilarityOptions {
  /** At most this many suggestions per incident. Default 3. */
  topN?: number | undefined;
  /** Suggestions scoring below this are dropped. Default 0.1. */
  minScore?: number | undefined;
  /** Terms kept per document (the heaviest by tf-idf). Default 30. */
  termsPerDocument?: number | undefined;
  /** Terms found in more documents than this are skipped. Default: 5% of the documents, at most 500, at least 20. */
  maxDocumentFrequency?: number | undefined;
  /** Weight of one occurrence per field. Default title 3, summary 2, root cause 2, body 1. */
  weights?: Partial<FieldWeights> | undefined;
}

const DEFAULT_TOP_N = 3;
const DEFAULT_MIN_SCORE = 0.1;
const DEFAULT_TERMS_PER_DOCUMENT = 30;

/**
 * "Similar incidents" for every document: id → the most similar other
 * documents, best first (ties by id). Every id gets an entry, possibly empty.
 *
 * No pairs are enumerated: a document is scored only against the documents
 * that share one of its kept terms, found through the inverted index, so the
 * work per document is bounded by termsPerDocument × maxDocumentFrequency
 * whatever the size of the knowledge base. Scores are symmetric and do not
 * depend on the order of `docs`.
 */
export function similarIncidents(docs: readonly SimilarityDocument[], options: SimilarityOptions = {}): Map<string, SimilarIncident[]> {
  const topN = options.topN ?? DEFAULT_TOP_N;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const termsPerDocument = options.termsPerDocument ?? DEFAULT_TERMS_PER_DOCUMENT;
  if (!(Number.isInteger(topN) && topN >= 0)) throw new RangeError(`similarity: topN must be a whole number ≥ 0, got ${String(topN)}`);
  if (!(Number.isInteger(termsPerDocument) && termsPerDocument >= 1)) {
    throw new RangeError(`similarity: termsPerDocument must be a whole number ≥ 1, got ${String(termsPerDocument)}`);
  }
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.id)) throw new RangeError(`similarity: the id "${doc.id}" is given twice`);
    seen.add(doc.id);
  }

  const { vectors, postings } = vectorSpace(docs, {
    weights: { ...DEFAULT_FIELD_WEIGHTS, ...definedOnly(options.weights) },
    termsPerDocument,
    maxDocumentFrequency: options.maxDocumentFrequency ?? defaultMaxDocumentFrequency(docs.length),
  });

  const result = new Map<string, SimilarIncident[]>();
  const scores = new Float64Array(docs.length);
  const touched: number[] = [];
  vectors.forEach((vector, a) => {
    for (let i = 0; i < vector.terms.length; i++) {
      const wa = vector.weights[i]!;
      const posting = postings[vector.terms[i]!]!;
      for (let j = 0; j < posting.docs.length; j++) {
        const b = posting.docs[j]!;
        if (b === a) continue;
        if (scores[b] === 0) touched.push(b);
        scores[b]! += wa * posting.weights[j]!;
      }
    }
    const best: SimilarIncident[] = [];
    for (const b of touched) {
      const score = Math.min(1, scores[b]!);
      scores[b] = 0;
      if (score <= 0 || score < minScore || topN === 0) continue;
      insertRanked(best, { id: docs[b]!.id, score }, topN);
    }
    touched.length = 0;
    result.set(docs[a]!.id, best);
  });
  return result;
}

function definedOnly(weights: Partial<FieldWeights> | undefined): Partial<FieldWeights> {
  const out: Partial<FieldWeights> = {};
  for (const [field, w] of Object.entries(weights ?? {}) as Array<[keyof FieldWeights, number | undefined]>) {
    if (w !== undefined) out[field] = w;
  }
  return out;
}

function outranks(x: SimilarIncident, y: SimilarIncident): boolean {
  return x.score > y.score || (x.score === y.score && x.id < y.id);
}

/** Keeps `best` sorted and at most `limit` long: O(limit) per candidate. */
function insertRanked(best: SimilarIncident[], candidate: SimilarIncident, limit: number): void {
  if (best.length === limit && !outranks(candidate, best[limit - 1]!)) return;
  let at = best.length;
  while (at > 0 && outranks(candidate, best[at - 1]!)) at--;
  best.splice(at, 0, candidate);
  if (best.length > limit) best.pop();
}

/** The similarity document of a postmortem: title, summary, root-cause summary and body text. */
export function incidentDocument(entry: {
  id: string;
  data: { title: string; summary: string; root_cause: { summary: string }; text?: string | undefined };
}): SimilarityDocument {
  return {
    id: entry.id,
    title: entry.data.title,
    summary: entry.data.summary,
    rootCause: entry.data.root_cause.summary,
    body: entry.data.text,
  };
}
