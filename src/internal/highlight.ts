/**
 * Which parts of a name or number the admin's query matched, so the row can show them in `<mark>`.
 * Pure: text in, parts out. The comparison folds case and diacritics ("Muller" finds "Müller") and, for
 * numbers, ignores punctuation ("0010123" finds "001-0123456-000"), the way admins actually type.
 */

/** A run of the original text, and whether the query matched it. */
export interface TextPart {
  text: string;
  match: boolean;
}

export interface HighlightOptions {
  /** Compare letters and digits only (for account and contract numbers). */
  ignorePunctuation?: boolean;
}

const COMBINING_MARKS = /\p{M}/gu;
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]/u;

function foldChar(char: string): string {
  return char.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The folded text, and for each folded code unit the [start, end) of the original char it came from. */
function fold(text: string, ignorePunctuation: boolean): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const start = index;
    index += char.length;
    if (ignorePunctuation && NOT_ALPHANUMERIC.test(char)) continue;
    const f = foldChar(char);
    for (let i = 0; i < f.length; i++) {
      starts.push(start);
      ends.push(index);
    }
    folded += f;
  }
  return { folded, starts, ends };
}

/** The query's words, folded the same way as the text. Empty words are dropped. */
function terms(query: string, ignorePunctuation: boolean): string[] {
  const words = query.split(/\s+/u).map((word) => fold(word, ignorePunctuation).folded);
  if (ignorePunctuation) {
    // A number is often typed with spaces in it: also try the whole query as one run of digits.
    words.push(fold(query, true).folded);
  }
  return [...new Set(words.filter((word) => word.length > 0))];
}

/**
 * Splits `text` into matched and unmatched runs for every occurrence of every word of `query`.
 * Always returns the whole text; with no match, a single unmatched part.
 */
export function highlight(text: string, query: string, options: HighlightOptions = {}): TextPart[] {
  if (!text) return [];
  const ignorePunctuation = options.ignorePunctuation ?? false;
  const { folded, starts, ends } = fold(text, ignorePunctuation);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms(query, ignorePunctuation)) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const from = starts[at]!;
      const to = ends[at + term.length - 1]!;
      marked.fill(true, from, to);
    }
  }
  const parts: TextPart[] = [];
  let runStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[runStart]) {
      parts.push({ text: text.slice(runStart, i), match: marked[runStart]! });
      runStart = i;
    }
  }
  return parts;
}
