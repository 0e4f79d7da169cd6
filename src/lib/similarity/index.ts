/*
 * "Similar incidents" (content-model.md, "Repeat-incident patterns"):
 * TF-IDF and cosine similarity over title, summary, root cause and body,
 * scored through an inverted index so that it scales to thousands of
 * postmortems.
 */
export { MIN_TOKEN_LENGTH, STOP_WORDS, stem, tokenize } from './tokenize';
export {
  DEFAULT_FIELD_WEIGHTS,
  defaultMaxDocumentFrequency,
  vectorSpace,
  type FieldWeights,
  type SimilarityDocument,
  type SimilarityField,
  type TermVector,
  type VectorOptions,
  type VectorSpace,
} from './vectors';
export {
  DEFAULT_MIN_SCORE,
  DEFAULT_TERMS_PER_DOCUMENT,
  DEFAULT_TOP_N,
  incidentDocument,
  similarIncidents,
  type SimilarIncident,
  type SimilarityOptions,
} from './similar-incidents';
