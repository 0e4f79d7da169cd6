/*
 * "Similar incidents" (content-model.md, "Repeat-incident patterns"):
 * TF-IDF and cosine similarity over title, summary, root cause and body,
 * scored through an inverted index so that it scales to thousands of
 * postmortems.
 */
export {   stem, tokenize } from './tokenize';
export {
  
  
  
  
  type SimilarityDocument,
  
  
  
  
} from './vectors';
export {
  
  
  
  incidentDocument,
  similarIncidents,
  type SimilarIncident,
  
} from './similar-incidents';
