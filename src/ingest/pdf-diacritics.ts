/**
 * Repair syllables that a PDF's text layer split with spaces: "ĐIỀ U KHO ẢN" → "ĐIỀU KHOẢN".
 * Fonts that draw a toned vowel (or only its mark) as a separate glyph make the extractor see a gap
 * inside the syllable; the pieces are rejoined when together they make one syllable.
 */
import type { PdfLine } from './pdf-lines.js'
import { isSyllable } from './pdf-syllable.js'

const SPACED_MARK = /\s+(\p{M}+)/gu
const TOKEN = /^(?<lead>[^\p{L}]*)(?<core>[\p{L}\p{M}]+)(?<trail>[^\p{L}]*)$/u
const NOT_WORD = /[^\p{L}\p{M}]+/u
// Three pieces at most: "NGHI Ệ P".
const MAX_PIECES = 3
// Documents repeat their tokens thousands of times, so each is read once; bounded like the syllable memo.
const MEMO_LIMIT = 50_000

/** A space-separated token: its letters, whether punctuation closes it off on either side, and whether it is a syllable alone. */
interface Piece {
  core: string
  /** `core` in lower case. */
  lower: string
  open: boolean
  closed: boolean
  whole: boolean
}

/** The lower-case words the document spells whole, and every proper prefix of them. */
interface Vocabulary {
  words: ReadonlySet<string>
  heads: ReadonlySet<string>
}

/** A memo of `read` over strings, which stops growing at MEMO_LIMIT entries; `read` never returns undefined. */
function memo<T>(read: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>()
  return (key) => {
    let value = seen.get(key)
    if (value === undefined) {
      value = read(key)
      if (seen.size < MEMO_LIMIT) seen.set(key, value)
    }
    return value
  }
}

/** What a space-separated token gives each pass: its piece to the repair, its lower-case words to the vocabulary. */
interface Token {
  piece: Piece | null
  /** The lower-case words of the token; a space is a word break, and lower-casing never looks across one. */
  words: readonly string[]
}

// One memo for both passes: a line is split and each of its tokens looked up once.
const token = memo((text): Token => {
  const words = text
    .toLowerCase()
    .split(NOT_WORD)
    .filter((w) => w !== '')
  const g = TOKEN.exec(text)?.groups
  if (!g?.core) return { piece: null, words }
  const { core } = g
  const piece = {
    core,
    lower: core.toLowerCase(),
    open: g.lead !== '',
    closed: g.trail !== '',
    whole: isSyllable(core),
  }
  return { piece, words }
})

function vocabulary(words: ReadonlySet<string>): Vocabulary {
  const heads = new Set<string>()
  for (const word of words) for (let end = 1; end < word.length; end++) heads.add(word.slice(0, end))
  return { words, heads }
}

/** The pieces are written in one case: all capitals, all small, or a capital and then small letters. */
function sameCase(cores: string): boolean {
  const rest = cores.slice(1)
  return rest === rest.toUpperCase() || rest === rest.toLowerCase()
}

/**
 * Join the `n` pieces from `i` when they form a syllable and either a piece is no syllable or the document
 * spells the whole elsewhere. Indexes rather than a slice: this runs twice for every token of the document.
 */
function joins(line: readonly Token[], i: number, n: number, vocab: Vocabulary): boolean {
  let allWhole = true
  for (let k = 0; k < n; k++) {
    const p = (line[i + k] as Token).piece
    if (!p || (k > 0 && p.open) || (k < n - 1 && p.closed)) return false
    allWhole &&= p.whole
  }
  // Cheapest first: most neighbours are two whole words the document never writes as one. Syllables
  // lower-case letter by letter, so the whole can be a known word only if the first piece starts one.
  if (allWhole && !vocab.heads.has(((line[i] as Token).piece as Piece).lower)) return false
  let whole = ''
  for (let k = 0; k < n; k++) whole += ((line[i + k] as Token).piece as Piece).core
  if (allWhole && !vocab.words.has(whole.toLowerCase())) return false
  return sameCase(whole) && isSyllable(whole)
}

/** How many tokens from `i` on make one syllable: 1 when the token stands alone. */
function span(line: readonly Token[], i: number, vocab: Vocabulary): number {
  for (let n = Math.min(MAX_PIECES, line.length - i); n >= 2; n--) if (joins(line, i, n, vocab)) return n
  return 1
}

/** A line's text as the repair reads it: marks drawn after a space moved back onto their letter. */
function prepare(text: string): string {
  return text.replace(SPACED_MARK, '$1').normalize('NFC')
}

/** The line with split syllables joined; most lines have none and come back as they are. */
function repairTokens(
  text: string,
  tokens: readonly string[],
  line: readonly Token[],
  vocab: Vocabulary,
): string {
  let out: string[] | null = null
  for (let i = 0; i < tokens.length; ) {
    const n = span(line, i, vocab)
    if (n > 1) out ??= tokens.slice(0, i)
    if (out) out.push(n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(''))
    i += n
  }
  return out ? out.join(' ') : text
}

function repairWith(text: string, vocab: Vocabulary): string {
  const prepared = prepare(text)
  const tokens = prepared.split(' ')
  return repairTokens(prepared, tokens, tokens.map(token), vocab)
}

/** Rejoin split syllables in one line; `known` holds the lower-case words the document spells whole. */
export function repairLine(text: string, known: ReadonlySet<string>): string {
  return repairWith(text, vocabulary(known))
}

/** Add the lower-case words of a line's tokens, to recognise a split word that also occurs whole. */
function addWords(words: Set<string>, line: readonly Token[]): void {
  for (const t of line) for (const w of t.words) words.add(w)
}

/** Repair split syllables on every line. */
export function repairDiacritics(lines: PdfLine[]): PdfLine[] {
  // The vocabulary comes from the lines as extracted; a line the preparing leaves alone is split once for both.
  const prepared = lines.map((line) => {
    const text = prepare(line.text)
    const tokens = text.split(' ')
    return { text, tokens, line: tokens.map(token) }
  })
  const words = new Set<string>()
  for (const [i, p] of prepared.entries()) {
    const raw = (lines[i] as PdfLine).text
    addWords(words, p.text === raw ? p.line : raw.split(' ').map(token))
  }
  const vocab = vocabulary(words)
  return lines.map((line, i) => {
    const p = prepared[i] as (typeof prepared)[number]
    return { ...line, text: repairTokens(p.text, p.tokens, p.line, vocab) }
  })
}
