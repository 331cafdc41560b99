/**
 * Repair syllables that a PDF's text layer split with spaces: "ĐIỀ U KHO ẢN" → "ĐIỀU KHOẢN".
 * Fonts that draw a toned vowel (or only its mark) as a separate glyph make the extractor see a gap
 * inside the syllable; the pieces are rejoined when together they make one syllable.
 */
import type { PdfLine } from './pdf-lines.js'
import { isSyllable } from './pdf-syllable.js'

const SPACED_MARK = /\s+(\p{M}+)/gu
const TOKEN = /^(?<lead>[^\p{L}]*)(?<core>[\p{L}\p{M}]+)(?<trail>[^\p{L}]*)$/u
// Three pieces at most: "NGHI Ệ P".
const MAX_PIECES = 3

/** A space-separated token: its letters, whether punctuation closes it off on either side, and whether it is a syllable alone. */
interface Piece {
  core: string
  open: boolean
  closed: boolean
  whole: boolean
}

function piece(token: string): Piece | null {
  const g = TOKEN.exec(token)?.groups
  if (!g?.core) return null
  return { core: g.core, open: g.lead !== '', closed: g.trail !== '', whole: isSyllable(g.core) }
}

/** The pieces are written in one case: all capitals, all small, or a capital and then small letters. */
function sameCase(cores: string): boolean {
  const rest = cores.slice(1)
  return rest === rest.toUpperCase() || rest === rest.toLowerCase()
}

/** Join the pieces when they form a syllable and either a piece is no syllable or the document spells the whole elsewhere. */
function joins(pieces: readonly Piece[], known: ReadonlySet<string>): boolean {
  if (pieces.some((p, i) => (i > 0 && p.open) || (i < pieces.length - 1 && p.closed))) return false
  const whole = pieces.map((p) => p.core).join('')
  // Cheapest first: most neighbours are two whole words the document never writes as one.
  if (pieces.every((p) => p.whole) && !known.has(whole.toLowerCase())) return false
  return sameCase(whole) && isSyllable(whole)
}

/** How many tokens from `i` on make one syllable: 1 when the token stands alone. */
function span(pieces: readonly (Piece | null)[], i: number, known: ReadonlySet<string>): number {
  for (let n = Math.min(MAX_PIECES, pieces.length - i); n >= 2; n--) {
    const window = pieces.slice(i, i + n)
    if (window.every((p) => p !== null) && joins(window as Piece[], known)) return n
  }
  return 1
}

/** Rejoin split syllables in one line; `known` holds the lower-case words the document spells whole. */
export function repairLine(text: string, known: ReadonlySet<string>): string {
  const tokens = text.replace(SPACED_MARK, '$1').normalize('NFC').split(' ')
  const pieces = tokens.map(piece)
  const out: string[] = []
  for (let i = 0; i < tokens.length; ) {
    const n = span(pieces, i, known)
    out.push(n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(''))
    i += n
  }
  return out.join(' ')
}

/** Lower-case words of the document, to recognise a split word that also occurs whole. */
export function knownWords(lines: readonly PdfLine[]): Set<string> {
  const words = new Set<string>()
  for (const line of lines)
    for (const w of line.text.toLowerCase().split(/[^\p{L}\p{M}]+/u)) if (w !== '') words.add(w)
  return words
}

/** Repair split syllables on every line. */
export function repairDiacritics(lines: PdfLine[]): PdfLine[] {
  const known = knownWords(lines)
  return lines.map((line) => ({ ...line, text: repairLine(line.text, known) }))
}
