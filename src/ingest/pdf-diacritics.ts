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

const piece = memo((token): Piece | null => {
  const g = TOKEN.exec(token)?.groups
  if (!g?.core) return null
  const { core } = g
  return {
    core,
    lower: core.toLowerCase(),
    open: g.lead !== '',
    closed: g.trail !== '',
    whole: isSyllable(core),
  }
})

/** The lower-case words of one token; a space is a word break, and lower-casing never looks across one. */
const tokenWords = memo((token) =>
  token
    .toLowerCase()
    .split(NOT_WORD)
    .filter((w) => w !== ''),
)

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
function joins(line: readonly (Piece | null)[], i: number, n: number, vocab: Vocabulary): boolean {
  let allWhole = true
  for (let k = 0; k < n; k++) {
    const p = line[i + k]
    if (!p || (k > 0 && p.open) || (k < n - 1 && p.closed)) return false
    allWhole &&= p.whole
  }
  // Cheapest first: most neighbours are two whole words the document never writes as one. Syllables
  // lower-case letter by letter, so the whole can be a known word only if the first piece starts one.
  if (allWhole && !vocab.heads.has((line[i] as Piece).lower)) return false
  let whole = ''
  for (let k = 0; k < n; k++) whole += (line[i + k] as Piece).core
  if (allWhole && !vocab.words.has(whole.toLowerCase())) return false
  return sameCase(whole) && isSyllable(whole)
}

/** How many tokens from `i` on make one syllable: 1 when the token stands alone. */
function span(line: readonly (Piece | null)[], i: number, vocab: Vocabulary): number {
  for (let n = Math.min(MAX_PIECES, line.length - i); n >= 2; n--) if (joins(line, i, n, vocab)) return n
  return 1
}

function repairWith(text: string, vocab: Vocabulary): string {
  const tokens = text.replace(SPACED_MARK, '$1').normalize('NFC').split(' ')
  const line = tokens.map(piece)
  const out: string[] = []
  for (let i = 0; i < tokens.length; ) {
    const n = span(line, i, vocab)
    out.push(n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(''))
    i += n
  }
  return out.join(' ')
}

/** Rejoin split syllables in one line; `known` holds the lower-case words the document spells whole. */
export function repairLine(text: string, known: ReadonlySet<string>): string {
  return repairWith(text, vocabulary(known))
}

/** Lower-case words of the document, to recognise a split word that also occurs whole. */
export function knownWords(lines: readonly PdfLine[]): Set<string> {
  const words = new Set<string>()
  for (const line of lines)
    for (const token of line.text.split(' ')) for (const w of tokenWords(token)) words.add(w)
  return words
}

/** Repair split syllables on every line. */
export function repairDiacritics(lines: PdfLine[]): PdfLine[] {
  const vocab = vocabulary(knownWords(lines))
  return lines.map((line) => ({ ...line, text: repairWith(line.text, vocab) }))
}
