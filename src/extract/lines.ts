/**
 * Which line of a block a fact stands on. A block's text is its lines joined (hard-wrapped paragraphs,
 * a preamble of fifteen lines): a fact in it is on one of them, not always the first. Its numbers tell
 * which: a block's text keeps every number of its lines, in their order, so the n-th "2030" of the text
 * is the n-th "2030" of its lines.
 */
import type { Section } from '../../schemas/plan.js'
import type { Doc, SourceText } from '../types.js'

/** Lines `line` to `endLine` (1-based, inclusive) of the source: where a fact's block stands. */
export interface Span {
  line: number
  endLine: number
  /** The block is a section's heading, whose first line starts with its label. */
  labelled?: boolean
}

// The first number of a fact: its first run of digits, whole.
const DIGITS_RE = /\d+/u
// A numbering label at the start of a source line, with its markup ("**2.**", "b)", "III."): not in the block's text.
const LABEL_RE = /^[\s*_#>|-]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)/-][\s*_]*/u

// The source's lines, split once per document, and only for a document with a fact on a block of several lines.
const linesOf = new WeakMap<SourceText, string[]>()

function sourceLines(source: SourceText): string[] {
  let lines = linesOf.get(source)
  if (!lines) {
    lines = source.text.split('\n')
    linesOf.set(source, lines)
  }
  return lines
}

/**
 * The line of `span` holding the fact that starts `rest`, the part of the block's text from the fact on,
 * `before` being the text before it: the line of the fact's first number. `span.line` when the fact has no
 * number, the block one line, or the number cannot be found where it should be.
 */
export function lineOfFact(doc: Doc, span: Span, before: string, rest: string): number {
  if (span.endLine <= span.line) return span.line
  const number = DIGITS_RE.exec(rest)?.[0]
  if (number === undefined) return span.line
  let skip = count(before, number)
  const lines = sourceLines(doc.source)
  for (let line = span.line; line <= span.endLine && line <= lines.length; line++) {
    const text = lines[line - 1] as string
    const found = count(line === span.line && span.labelled ? text.replace(LABEL_RE, '') : text, number)
    if (skip < found) return line
    skip -= found
  }
  return span.line
}

/** How many times `number` stands on its own in `text`. */
function count(text: string, number: string): number {
  let n = 0
  for (let at = text.indexOf(number); at !== -1; at = text.indexOf(number, at + number.length)) {
    const end = at + number.length
    if (!isDigit(text.charCodeAt(at - 1)) && !isDigit(text.charCodeAt(end))) n++
  }
  return n
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** The page of a source line, for a paged source (PDF); `page` otherwise. */
export function pageAt(doc: Doc, line: number, page: number | undefined): number | undefined {
  return doc.source.pageOfLine?.[line - 1] ?? page
}

/** The lines of a section's heading: from its label to the line before its first paragraph or point. */
export function headingSpan(section: Section): Span {
  const next = Math.min(
    section.items[0]?.line ?? Number.POSITIVE_INFINITY,
    section.children[0]?.line ?? Number.POSITIVE_INFINITY,
    section.endLine + 1,
  )
  return { line: section.line, endLine: Math.max(section.line, next - 1), labelled: true }
}
