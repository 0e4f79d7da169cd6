/**
 * Words for similarity: lowercase, split on anything that is not a letter or
 * a digit in any script, without stop words and very short tokens, with a
 * light English suffix stripping so that "timeouts" meets "timeout" and
 * "failing" meets "failed".
 */

/** Common English words that carry no topic. Domain words are left to the IDF weighting. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own ' +
    'same she should so some such than that the their theirs them themselves then there these they this those through to too under until up ' +
    'very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'was were been via per one two three within without across onto upon get got also may might must shall us'
  ).split(' '),
);

/** Tokens shorter than this (in characters, not UTF-16 units) are dropped. */
const MIN_TOKEN_LENGTH = 3;

const SEPARATOR = /[^\p{L}\p{N}]+/u;
const ASCII_WORD = /^[a-z]+$/;

/**
 * A light stemmer for ASCII words (other scripts pass through): plurals and
 * the -ing / -ed endings, only when a stem of at least 4 letters remains.
 */
export function stem(word: string): string {
  if (!ASCII_WORD.test(word) || word.length <= 4) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length - 3 >= 4) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length - 2 >= 4) return undouble(word.slice(0, -2));
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** "stopped" → "stopp" → "stop"; l, s and z stay doubled ("spilled" → "spill"). */
function undouble(stemmed: string): string {
  const last = stemmed[stemmed.length - 1];
  return last !== undefined && last === stemmed[stemmed.length - 2] && !'lsz'.includes(last) ? stemmed.slice(0, -1) : stemmed;
}

/** The tokens of a text, in order (with repeats). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.normalize('NFKC').toLowerCase().split(SEPARATOR)) {
    if (!raw || STOP_WORDS.has(raw)) continue;
    if ([...raw].length < MIN_TOKEN_LENGTH) continue;
    tokens.push(stem(raw));
  }
  return tokens;
}
