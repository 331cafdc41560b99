/**
 * PDF text has no blank lines: decide where paragraphs end and write the text the block parser reads,
 * one line of the page per line with a blank line between paragraphs. A paragraph starts with a label
 * or a bullet, with a first-line indent, or after extra space; it ends with a line short of the right
 * margin. Lines are merged only where the block parser would misread them: a word hyphenated at the
 * line end, and a wrapped line that happens to start like a bullet or a label.
 */
import { isUpper, startsLower } from '../normalize/text.js'
import { BULLET_RE, parseLabel } from '../structure/labels.js'
import { isKindLine } from './pdf-columns.js'
import { type Box, isDecoration, type PdfLine } from './pdf-lines.js'
import { isSyllable } from './pdf-syllable.js'

/** The body's text column, measured from the lines themselves. */
export interface Margins {
  left: number
  right: number
  /** Distance between the baselines of two lines of one paragraph. */
  pitch: number
  /** Lines end at the right margin (justified text); in ragged text a short line says little. */
  justified: boolean
}

export interface LaidOut {
  text: string
  pageOfLine: number[]
}

// A line ending like this may end its paragraph; one ending like WRAPS never does.
const FINISHED = /(?:[.;:!?…]|\.\/\.)["”»)]?$/u
const WRAPS = /[,(\-–]$/u
const HYPHENATED = /(?<word>[\p{L}\d]+)-$/u
const OPENS = /^[\p{Lu}\d“"'(«]/u
// In font sizes: how far in a first line starts, how short of the margin a last line stops, how much extra space parts paragraphs.
const INDENT = 0.4
const SHORT = 1.5
const EXTRA_SPACE = 0.3
const CENTERED = 1
// The right margin: justified lines end there, and few lines stick out past it (a long link, a wide table).
const RIGHT_QUANTILE = 0.9
// Text is justified when this share of its lines end within FLUSH points of the right margin.
const JUSTIFIED = 0.3
const FLUSH = 1.5
// A last line without closing punctuation ends its paragraph only when it fills less than this share of the column.
const MUCH_SHORTER = 0.7

/** The most common value, rounded to whole points. */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
}

function quantile(values: readonly number[], q: number): number {
  // A typed array sorts numbers without calling back into a comparator.
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.round((sorted.length - 1) * q)] ?? 0
}

/** Left and right margin of the body text and its line pitch. */
export function measure(lines: readonly PdfLine[]): Margins {
  const boxes = lines.flatMap((l) => (l.box && !l.cells ? [l.box] : []))
  const left = mode(boxes.map((b) => b.left))
  const right = quantile(
    boxes.map((b) => b.right),
    RIGHT_QUANTILE,
  )
  const steps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]?.box, lines[i]?.box]
    if (a && b && lines[i - 1]?.page === lines[i]?.page && b.top > a.top && b.top - a.top < 3 * b.size)
      steps.push(b.top - a.top)
  }
  const flush = boxes.filter((b) => Math.abs(b.right - right) < FLUSH).length
  return { left, right, pitch: quantile(steps, 0.5), justified: flush >= JUSTIFIED * boxes.length }
}

const centered = (b: Box, m: Margins): boolean =>
  b.left > m.left + b.size && Math.abs(b.left - m.left - (m.right - b.right)) < CENTERED * b.size

/** A line that opens a new block: a numbering label or a bullet followed by a capital (a wrapped "- xã hội" is no bullet). */
function opensBlock(text: string): boolean {
  const bullet = BULLET_RE.exec(text)
  if (bullet) return OPENS.test(text.slice(bullet[0].length))
  const label = parseLabel(text)
  return label !== null && (label.rest === '' || !startsLower(label.rest))
}

/**
 * What the geometry says: extra space or a first-line indent starts a paragraph; a line short of the right
 * margin ends one if it is much shorter, or if it ends a sentence in justified text (a wrapped heading
 * stops short but goes on; in ragged text every line stops short).
 * Centred lines (a title) go on while their case stays the same.
 */
function geometryEnds(previous: PdfLine, next: PdfLine, a: Box, b: Box, m: Margins): boolean {
  if (centered(a, m) && centered(b, m))
    return isUpper(previous.text) !== isUpper(next.text) || FINISHED.test(previous.text)
  if (previous.page === next.page && b.top - a.top > m.pitch + EXTRA_SPACE * b.size) return true
  if (b.left > m.left + INDENT * b.size) return true
  const short = a.right < m.right - SHORT * a.size
  const muchShorter = a.right - m.left < MUCH_SHORTER * (m.right - m.left)
  return short && (muchShorter || (m.justified && FINISHED.test(previous.text)))
}

/** Whether the paragraph ends between `previous` and `next`. */
export function endsParagraph(previous: PdfLine, next: PdfLine, m: Margins): boolean {
  if (opensBlock(next.text) || isKindLine(previous.text)) return true
  if (startsLower(next.text) || WRAPS.test(previous.text)) return false
  if (previous.box && next.box) return geometryEnds(previous, next, previous.box, next.box, m)
  return FINISHED.test(previous.text) && OPENS.test(next.text)
}

/** "Bà Rịa-" + "Vũng Tàu" keeps its hyphen; "infor-" + "mation" loses it. Vietnamese syllables keep it. */
function joinHyphenated(current: string, next: string): string {
  const left = HYPHENATED.exec(current)?.groups?.word ?? ''
  const right = /^[\p{L}\d]+/u.exec(next)?.[0] ?? ''
  const latinWord = /^\p{Ll}+$/u.test(left + right) && !(isSyllable(left) && isSyllable(right))
  return latinWord ? `${current.slice(0, -1)}${next}` : `${current}${next}`
}

/** Whether a line ending in a hyphen continues a word on the next line ("Bà Rịa-" / "Vũng Tàu", "2021-" / "2030"). */
function hyphenated(previous: string, next: string): boolean {
  // endsWith first: the pattern is unanchored on the left, so on its own it rescans every word of every line.
  return previous.endsWith('-') && HYPHENATED.test(previous) && /^[\p{L}\d]/u.test(next)
}

/** Lay the lines out as paragraphs separated by blank lines; "" and rule lines force a break. */
export function layoutParagraphs(lines: readonly PdfLine[]): LaidOut {
  const margins = measure(lines)
  const out: string[] = []
  const pageOfLine: number[] = []
  const push = (text: string, page: number) => {
    if (text === '' && (out.length === 0 || out[out.length - 1] === '')) return
    out.push(text)
    pageOfLine.push(page)
  }
  const extend = (join: (current: string) => string) => {
    out[out.length - 1] = join(out[out.length - 1] ?? '')
  }
  // The previous line as extracted: its ending and geometry decide; null after a break.
  let last: PdfLine | null = null
  for (const line of lines) {
    const text = line.text.replace(/\t/g, ' ')
    if (text === '' || isDecoration(text)) {
      push('', line.page)
      last = null
      continue
    }
    if (last === null) push(text, line.page)
    else if (hyphenated(last.text, text)) extend((current) => joinHyphenated(current, text))
    else if (endsParagraph(last, line, margins)) {
      push('', line.page)
      push(text, line.page)
    } else if (BULLET_RE.test(text) || parseLabel(text)) {
      // The block parser would start a block here; the layout says the sentence goes on.
      extend((current) => `${current} ${text}`)
    } else push(text, line.page)
    last = line
  }
  while (out[out.length - 1] === '') {
    out.pop()
    pageOfLine.pop()
  }
  return { text: out.join('\n'), pageOfLine }
}
