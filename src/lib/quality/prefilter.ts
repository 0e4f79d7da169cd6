/**
 * A cheap "could this regex match this text at all?" test, derived from the
 * regex's own source, so that the pattern files stay the one place a pattern
 * is written and no hand-kept keyword list can drift from it.
 *
 * `requiredLiterals(regex)` reads the source and returns sets of strings such
 * that every match of the regex contains at least one string of each set
 * ("human error" needs one of {human, operator, personnel} and {error}). The
 * strings are in normal form (see `normalise`): lowercase, with every run of
 * white space one space, so that `should\s+have` still yields "should have".
 * `Prefilters` answers, for one text and many regexes at once, which of them
 * it meets. When it says no, the regex cannot match that text, so skipping
 * the regex changes no result; when it says yes, the caller runs the regex as
 * before.
 *
 * Sound by construction, and conservative wherever it is unsure: a character
 * class of more than a few characters, `\d`, `.`, a non-ASCII character that
 * has case, or anything optional ends a literal; an alternation keeps only
 * what every branch requires; a construct it does not know (a `u`/`v` flag,
 * `\u…`, `\p{…}`, an unusual escape) gives up and returns no requirement, so
 * that regex simply always runs. Lowercasing keeps it sound for
 * case-sensitive and case-insensitive regexes alike: without the `u` flag an
 * ASCII letter only ever matches itself in either case, and it is still
 * there, lowercase, in the lowercased text.
 */

/** Sets of strings in normal form; a match contains at least one string of every set. */
export type Requirement = readonly (readonly string[])[];

const WHITE_SPACE = /\s+/g;

/** The form the literals are in, and the text is compared in: lowercase, each run of white space (as `\s` sees it) one space. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(WHITE_SPACE, ' ');
}

/** Whether `normalised` (a text in normal form) has one string of every set: the plain, slow form of `Prefilters.scan`. */
export function meets(requirement: Requirement, normalised: string): boolean {
  return requirement.every((set) => set.some((s) => normalised.includes(s)));
}

/* ------------------------------------------------------------- scanning */

/**
 * The requirements of several regexes, answered for a text in one pass over
 * it: an Aho–Corasick automaton over every literal of every requirement reads
 * the text once, character by character, as if in normal form (letters of
 * either case alike, each run of white space one space), and notes which
 * literals occur. `scan(text)[i]` is then false only when regex i cannot
 * match the text.
 *
 * It answers as `meets(requirement, normalise(text))` does, except that a
 * non-ASCII character that lowercases to an ASCII letter (the Kelvin sign to
 * k) is not read as that letter: nor does a regex without the `u` flag match
 * it as one, so the answer stays sound.
 */
export class Prefilters {
  /** Each regex's requirement, as derived (empty: always runs). */
  readonly requirements: readonly Requirement[];
  /** Each requirement as sets of literal ids. */
  private readonly sets: readonly (readonly number[])[][];
  private readonly literalCount: number;
  /** Character code → input symbol; 0 for every character in no literal. */
  private readonly symbols = new Uint8Array(65536);
  /** The symbol of white space, or -1 when no literal has a space. */
  private readonly space: number;
  private readonly width: number;
  /**
   * The transitions, indexed by state * width + symbol. A state is stored as
   * its row's offset (state * width), and as ~offset when literals end in it.
   */
  private readonly table: Int32Array;
  /** Literal ids ending in each state: outIds[outStart[s] … outStart[s + 1]). */
  private readonly outStart: Uint32Array;
  private readonly outIds: Uint32Array;

  constructor(regexes: readonly RegExp[]) {
    this.requirements = regexes.map(requiredLiterals);
    const ids = new Map<string, number>();
    this.sets = this.requirements.map((req) =>
      req.map((set) =>
        set.map((literal) => {
          if (!ids.has(literal)) ids.set(literal, ids.size);
          return ids.get(literal)!;
        }),
      ),
    );
    const literals = [...ids.keys()];
    this.literalCount = literals.length;

    let symbolCount = 1;
    let space = -1;
    for (const ch of new Set(literals.join(''))) {
      const code = ch.charCodeAt(0);
      if (this.symbols[code]) continue;
      const symbol = symbolCount++;
      if (ch === ' ') {
        space = symbol;
        for (let c = 0; c < 65536; c++) if (/\s/.test(String.fromCharCode(c))) this.symbols[c] = symbol;
      } else {
        this.symbols[code] = symbol;
        // Literals are lowercase; the text's capitals read as the same letter.
        if (code >= 97 && code <= 122) this.symbols[code - 32] = symbol;
      }
    }
    if (symbolCount > 255) throw new Error('Prefilters: more than 254 distinct characters in the literals');
    this.space = space;
    const width = (this.width = symbolCount);

    // The trie of the literals, then the failure links breadth first, filling in every missing transition.
    const children: number[][] = [new Array<number>(width).fill(-1)];
    const ending: number[][] = [[]];
    literals.forEach((literal, id) => {
      let state = 0;
      for (const ch of literal) {
        const symbol = this.symbols[ch.charCodeAt(0)]!;
        if (children[state]![symbol]! < 0) {
          children[state]![symbol] = children.length;
          children.push(new Array<number>(width).fill(-1));
          ending.push([]);
        }
        state = children[state]![symbol]!;
      }
      ending[state]!.push(id);
    });
    const states = children.length;
    if (states * width >= 2 ** 30) throw new Error('Prefilters: too many literals');
    const next = new Int32Array(states * width);
    const fail = new Array<number>(states).fill(0);
    const outputs: number[][] = ending.map((e) => [...e]);
    const queue: number[] = [];
    for (let symbol = 0; symbol < width; symbol++) {
      const child = children[0]![symbol]!;
      next[symbol] = child < 0 ? 0 : child;
      if (child > 0) queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      outputs[state]!.push(...outputs[fail[state]!]!);
      for (let symbol = 0; symbol < width; symbol++) {
        const child = children[state]![symbol]!;
        const viaFail = next[fail[state]! * width + symbol]!;
        if (child < 0) next[state * width + symbol] = viaFail;
        else {
          next[state * width + symbol] = child;
          fail[child] = viaFail;
          queue.push(child);
        }
      }
    }
    this.outStart = new Uint32Array(states + 1);
    outputs.forEach((out, state) => (this.outStart[state + 1] = this.outStart[state]! + out.length));
    this.outIds = Uint32Array.from(outputs.flat());
    this.table = Int32Array.from(next, (target) => (outputs[target]!.length ? ~(target * width) : target * width));
  }

  /** For each regex, in order: false when it cannot match `text`, true when it may. */
  scan(text: string): boolean[] {
    const found = new Uint8Array(this.literalCount);
    const { symbols, space, width, table, outStart, outIds } = this;
    let offset = 0;
    let inSpace = false;
    for (let i = 0; i < text.length; i++) {
      const symbol = symbols[text.charCodeAt(i)]!;
      if (symbol === space) {
        if (inSpace) continue;
        inSpace = true;
      } else inSpace = false;
      offset = table[offset + symbol]!;
      if (offset < 0) {
        offset = ~offset;
        const state = offset / width;
        for (let j = outStart[state]!, end = outStart[state + 1]!; j < end; j++) found[outIds[j]!] = 1;
      }
    }
    return this.sets.map((sets) => sets.every((set) => set.some((id) => found[id] === 1)));
  }
}

/* ------------------------------------------------------------- deriving */

/**
 * What one piece of a regex tells us. `exact`: every string (in normal form)
 * the piece can match, when there are few (`[Ww]e` → ["we"]; `s?` → ["s",
 * ""]; `\s+` → [" "]); null when there are many or they are unknown. `all`:
 * sets, one string of each of which every match of the piece contains.
 */
interface Info {
  exact: string[] | null;
  all: string[][];
}

/** Zero-width: anchors, \b, lookarounds. */
const EMPTY: Info = { exact: [''], all: [] };
/** Any one character we do not track (a class, `.`, `\d`, a non-ASCII character). */
const UNKNOWN: Info = { exact: null, all: [] };
/** One white-space character: one space in normal form. */
const SPACE: Info = { exact: [' '], all: [] };

/** The largest `exact` list kept (cross products grow fast). */
const MAX_EXACT = 32;
/** The largest character class expanded into single characters. */
const MAX_CLASS = 8;
/** Branches of an alternation up to which the two best sets of each are combined (at most 2^3 sets). */
const MAX_BRANCHES_FOR_PAIRS = 3;

class GiveUp extends Error {}

/** Sets that every match of `regex` meets; empty when nothing is known (or the regex uses syntax the reader does not know). */
export function requiredLiterals(regex: RegExp): Requirement {
  if (/[uv]/.test(regex.flags)) return [];
  let info: Info;
  try {
    info = new Reader(regex.source).read();
  } catch (error) {
    if (error instanceof GiveUp) return [];
    throw error;
  }
  const sets = candidatesOf(info).filter((set) => set.every(useful));
  const unique = new Map(sets.map((s) => [s.join('\u0000'), s]));
  // Most selective first, so that a text that fails does so after the fewest look-ups.
  return [...unique.values()].sort((a, b) => rank(b) - rank(a) || a.length - b.length);
}

/** Dedupes and drops every string that contains a shorter one of the set (finding the shorter one suffices). */
function simplify(set: readonly string[]): string[] {
  if (set.includes('')) return [''];
  const out: string[] = [];
  for (const s of [...new Set(set)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    if (!out.some((kept) => s.includes(kept))) out.push(s);
  }
  return out;
}

/** Worth looking for: not almost every text has it (a letter, a digit, a space, a short word). */
const useful = (s: string) => s.trim().length >= 3 || /[^a-z0-9\s]/.test(s);

/** How selective a set is likely to be: the length of its shortest string. */
const rank = (set: readonly string[]) => (set.length ? Math.min(...set.map((s) => s.trim().length)) : 0);

/** Every set the piece guarantees, simplified, without the ones the empty string meets. */
const candidatesOf = (info: Info) => [...info.all, ...(info.exact ? [info.exact] : [])].map(simplify).filter((s) => !s.includes(''));

/** Concatenations in normal form: a space meeting a space is one run of white space. */
function cross(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set(a.flatMap((x) => b.map((y) => (x.endsWith(' ') && y.startsWith(' ') ? x + y.slice(1) : x + y))))];
}

/** A sequence: runs of exact pieces multiply out into literals ("fail" + ["ed", "s"]); anything else ends the run. */
function sequence(items: readonly Info[]): Info {
  const all: string[][] = [];
  let run: string[] = [''];
  let whole = true;
  const flush = () => {
    if (!run.includes('')) all.push(run);
  };
  for (const item of items) {
    all.push(...item.all);
    if (item.exact === null) {
      flush();
      run = [''];
      whole = false;
    } else if (run.length * item.exact.length > MAX_EXACT) {
      flush();
      run = [...item.exact];
      whole = false;
    } else {
      run = cross(run, item.exact);
    }
  }
  if (whole) return { exact: run, all };
  flush();
  return { exact: null, all };
}

/**
 * An alternation: exact when every branch is and the union is small;
 * otherwise a match meets one branch, so it contains a string of the union of
 * one set taken from each branch. With few branches, the two best sets of each
 * are combined every way (each union is implied on its own).
 */
function alternation(branches: readonly Info[]): Info {
  if (branches.length === 1) return branches[0]!;
  if (branches.every((b) => b.exact !== null)) {
    const union = [...new Set(branches.flatMap((b) => b.exact!))];
    if (union.length <= MAX_EXACT) return { exact: union, all: [] };
  }
  const perBranch = branches.map((b) => candidatesOf(b).sort((x, y) => rank(y) - rank(x) || x.length - y.length));
  if (perBranch.some((c) => c.length === 0)) return UNKNOWN;
  const keep = branches.length <= MAX_BRANCHES_FOR_PAIRS ? 2 : 1;
  let combos: string[][] = [[]];
  for (const candidates of perBranch) {
    combos = combos.flatMap((combo) => candidates.slice(0, keep).map((set) => [...combo, ...set]));
  }
  return { exact: null, all: combos };
}

function quantified(info: Info, min: number, max: number): Info {
  if (max === 0) return EMPTY;
  // White space repeated is still one run of white space, one space in normal form.
  if (info.exact && info.exact.every((s) => s === ' ' || s === '')) {
    return { exact: min > 0 && !info.exact.includes('') ? [' '] : [' ', ''], all: [] };
  }
  if (min === 0) return { exact: max === 1 && info.exact ? [...info.exact, ''] : null, all: [] };
  if (min === 1 && max === 1) return info;
  // One or more: a match contains at least one copy, so everything the piece requires.
  return { exact: null, all: [...info.all, ...(info.exact ? [info.exact] : [])] };
}

/** One character of the source standing for itself. */
function single(ch: string): Info {
  if (/\s/.test(ch)) return SPACE;
  if (ch.charCodeAt(0) < 128) return { exact: [ch.toLowerCase()], all: [] };
  return caseless(ch) ? { exact: [ch], all: [] } : UNKNOWN;
}

const caselessCache = new Map<string, boolean>();

/**
 * A non-ASCII character with no other case and that no other character has
 * as its case (’, –, …): it matches only itself, with or without the `i`
 * flag, and lowercasing the text leaves it as it is. Any other non-ASCII
 * character is not kept in a literal.
 */
function caseless(ch: string): boolean {
  let known = caselessCache.get(ch);
  if (known === undefined) {
    known = ch.length === 1 && ch.toLowerCase() === ch && ch.toUpperCase() === ch;
    for (let c = 0; known && c < 65536; c++) {
      const other = String.fromCharCode(c);
      if (other !== ch && (other.toUpperCase() === ch || other.toLowerCase() === ch)) known = false;
    }
    caselessCache.set(ch, known);
  }
  return known;
}

/** A recursive-descent reader of the regex syntax the pattern files use; anything else gives up. */
class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  read(): Info {
    const info = this.alternation();
    if (this.i !== this.src.length) throw new GiveUp();
    return info;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.i + offset];
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return alternation(branches);
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      // Zero-width pieces match nothing, so they neither add to nor end a literal.
      if (atom !== EMPTY) items.push(this.quantifier(atom));
      else this.quantifier(atom);
    }
    return sequence(items);
  }

  private quantifier(atom: Info): Info {
    const ch = this.peek();
    let min: number, max: number;
    if (ch === '?') [min, max] = [0, 1];
    else if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new GiveUp();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.peek() === '?') this.i++;
    return quantified(atom, min, max);
  }

  private atom(): Info {
    const ch = this.src[this.i++]!;
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape();
      case '.':
        return UNKNOWN;
      case '^':
      case '$':
        return EMPTY;
      case '*':
      case '+':
      case '?':
      case '{':
        throw new GiveUp();
      default:
        return single(ch);
    }
  }

  private group(): Info {
    let zeroWidth = false;
    if (this.peek() === '?') {
      const rest = this.src.slice(this.i + 1);
      const lookaround = /^(?:=|!|<=|<!)/.exec(rest);
      const named = /^<[A-Za-z_$][\w$]*>/.exec(rest);
      if (rest.startsWith(':')) this.i += 2;
      else if (lookaround) {
        zeroWidth = true;
        this.i += 1 + lookaround[0].length;
      } else if (named) this.i += 1 + named[0].length;
      else throw new GiveUp();
    }
    const inner = this.alternation();
    if (this.src[this.i++] !== ')') throw new GiveUp();
    return zeroWidth ? EMPTY : inner;
  }

  /** An escape outside a class. */
  private escape(): Info {
    const ch = this.src[this.i++];
    if (ch === undefined) throw new GiveUp();
    if (ch === 'b' || ch === 'B') return EMPTY;
    if (ch === 's') return SPACE;
    if ('dDwWSnrtfv'.includes(ch)) return UNKNOWN;
    if (/[1-9]/.test(ch)) {
      while (/\d/.test(this.peek() ?? '')) this.i++;
      return UNKNOWN; // a backreference: whatever the group matched
    }
    if (/[A-Za-z0-9]/.test(ch)) throw new GiveUp(); // \x, \u, \c, \p, \k, \0, identity escapes of letters
    return single(ch);
  }

  /** A character class: a few ASCII characters become an exact set, anything else is UNKNOWN. */
  private characterClass(): Info {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    if (this.peek() === ']') throw new GiveUp(); // `[]` / `[^]`: not used, not worth reading
    const chars = new Set<string>();
    let unknown = negated;
    while (this.peek() !== ']') {
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.i++;
        const to = this.classAtom();
        if (from === null || to === null) throw new GiveUp();
        const a = from.charCodeAt(0), b = to.charCodeAt(0);
        if (a > b) throw new GiveUp();
        if (b >= 128 || b - a >= MAX_CLASS) unknown = true;
        else for (let c = a; c <= b; c++) chars.add(String.fromCharCode(c));
      } else if (from === null || single(from).exact === null) unknown = true;
      else chars.add(from);
    }
    this.i++;
    if (unknown) return UNKNOWN;
    const exact = [...new Set([...chars].map((c) => single(c).exact![0]!))];
    return exact.length > MAX_CLASS ? UNKNOWN : { exact, all: [] };
  }

  /** One character of a class, or null for a class escape (\s, \d, \w…) or a control character. */
  private classAtom(): string | null {
    const ch = this.src[this.i++];
    if (ch === undefined) throw new GiveUp();
    if (ch !== '\\') return ch;
    const e = this.src[this.i++];
    if (e === undefined) throw new GiveUp();
    if ('dDwWsSnrtfvb'.includes(e)) return null;
    if (/[A-Za-z0-9]/.test(e)) throw new GiveUp();
    return e;
  }
}
