/** Plain text (and text extracted from PDF) → blocks. */
import { FINISHED } from '../normalize/rejoin.js'
import { collapse, isUpper, startsLower, stripMarks } from '../normalize/text.js'
import { BULLET_RE, startsWithLabel } from '../structure/labels.js'
import type { Block } from '../types.js'
import { isKindLine } from './pdf-columns.js'

const BAR_LINE = /^\s*\|\s*$/
// A line of this many filled tab-separated cells is a table's row; fewer are a layout's columns.
const TABLE_CELLS = 3
// What numbers a table's row: "1", "II", "A", "3."
const ROW_NUMBER_RE = /^(?:\d{1,3}|[IVXLC]{1,6}|\p{Lu})[.)]?$/u
// The rule under a header's name or motto ("---------------", "_____"): no text, a break between blocks.
const RULE_LINE = /^[-–—_=.*]{3,}$/u
// The number line and the place-and-date line of a header start a block, whatever is above them.
const NUMBER_LINE_RE = /^(?:Số|SỐ)\s*:/u
const PLACE_DATE_RE = /^(?<place>\p{Lu}[\p{L} .'-]{0,40}),\s*ngày(?![\p{L}])/u
// A place's first words, wrapped before the rest of it ("Thành phố Hồ Chí" / "Minh, ngày 18 ..."): words alone.
const PLACE_START_RE = /^\p{Lu}[\p{L} ]*$/u
const PLACE_MAX_WORDS = 6

/** Whether a line starts a header's number or place-and-date line, rather than finishing the place above it. */
function headerLine(line: string, previous: string): boolean {
  if (NUMBER_LINE_RE.test(line)) return true
  const place = PLACE_DATE_RE.exec(line)?.groups?.place
  if (place === undefined) return false
  return !PLACE_START_RE.test(previous) || `${previous} ${place}`.split(' ').length > PLACE_MAX_WORDS
}

// Longer than any kind line ("CHƯƠNG TRÌNH"), even spaced out: not looked up.
const KIND_LINE_MAX = 24
// A line this long is a paragraph's, or a wrapped part of one.
const LONG_LINE = 40

/**
 * A text with a paragraph on each line and no blank lines between them (what Word's "Plain Text" export
 * writes): of its long lines, under three in ten end mid-sentence (a wrapped text's nearly all do), and
 * most have another line right after them (a text that spaces its paragraphs has a blank line there).
 */
export function onePerLine(lines: readonly string[]): boolean {
  let long = 0
  let open = 0
  let packed = 0
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (line.length < LONG_LINE) return
    long++
    if (!FINISHED.test(line)) open++
    if ((lines[i + 1] ?? '').trim() !== '') packed++
  })
  return long >= 3 && open * 10 < long * 3 && packed * 2 > long
}

/**
 * Split plain text into blocks: blank lines, labels and bullets start a block, and so does every line
 * of a text with a paragraph per line, unless it starts in lower case (a sentence broken across lines);
 * a line in capitals (a heading) ends its block unless the next line is in capitals too.
 */
export function textBlocks(text: string, pageOfLine: number[] | null): Block[] {
  const lines = text.split('\n')
  const perLine = pageOfLine === null && onePerLine(lines)
  const blocks: Block[] = []
  let current: { parts: string[]; line: number; endLine: number; marker: string | null } | null = null
  let bars = 0
  let pendingCell: Block['cell'] | undefined

  const flush = () => {
    if (!current) return
    const body = collapse(stripMarks(current.parts.join(' ')))
    if (body !== '') {
      const block: Block = {
        kind: current.marker ? 'item' : 'paragraph',
        text: body,
        marker: current.marker,
        line: current.line,
        endLine: current.endLine,
      }
      const page = pageOfLine?.[current.line - 1]
      if (page !== undefined) block.page = page
      if (pendingCell) block.cell = pendingCell
      blocks.push(block)
    }
    pendingCell = undefined
    current = null
  }

  const read = (raw: string, lineNo: number, cell: boolean) => {
    if (BAR_LINE.test(raw)) {
      flush()
      bars++
      return
    }
    const line = raw.trim()
    if (line === '' || RULE_LINE.test(line)) {
      flush()
      return
    }
    const bullet = BULLET_RE.exec(line)
    // "KẾ HOẠCH" is a line of its own, whatever follows it without a blank line (the title).
    const kindLine = line.length <= KIND_LINE_MAX && isKindLine(line)
    const previous = current?.parts[current.parts.length - 1] ?? ''
    const starts =
      current === null ||
      cell ||
      bullet !== null ||
      kindLine ||
      startsWithLabel(line) ||
      headerLine(line, previous) ||
      // A paragraph per line, but a heading in capitals wrapped over lines ("ỦY BAN NHÂN DÂN" / "TỈNH ĐỒNG THÁP") is one.
      (perLine && !startsLower(line) && !(isUpper(previous) && isUpper(line))) ||
      (isUpper(previous) && !isUpper(line)) ||
      // "TM. ỦY BAN NHÂN DÂN" under the last recipient ("- Lưu: VT."): a heading after a finished sentence.
      (isUpper(line) && FINISHED.test(previous))
    if (starts) {
      flush()
      if (bars > 0) pendingCell = bars >= 2 ? 'row' : 'cell'
      bars = 0
      current = {
        parts: [bullet ? line.slice(bullet[0].length) : line],
        line: lineNo,
        endLine: lineNo,
        marker: bullet ? (bullet[1] ?? '-') : null,
      }
      if (kindLine) flush()
    } else if (current) {
      current.parts.push(line)
      current.endLine = lineNo
    }
  }

  lines.forEach((raw, index) => {
    const cells = raw.includes('\t') ? raw.replace(/\r$/, '').split('\t') : []
    // "1<tab>Rà soát …<tab>Sở Tài chính<tab><tab>2026": a row of a table, as Word writes one to plain text.
    // A row of fewer cells right after one, numbered, is the table's too ("I<tab>NHÓM GIẢI PHÁP", a group's row).
    const inTable =
      current === null &&
      blocks[blocks.length - 1]?.kind === 'row' &&
      ROW_NUMBER_RE.test(cells[0]?.trim() ?? '')
    const filled = cells.filter((c) => c.trim() !== '')
    if (filled.length >= TABLE_CELLS || (filled.length > 1 && inTable)) {
      flush()
      const trimmed = cells.map((c) => collapse(stripMarks(c)))
      const row: Block = {
        kind: 'row',
        text: trimmed.join(' | '),
        marker: null,
        line: index + 1,
        endLine: index + 1,
        cells: trimmed,
      }
      const page = pageOfLine?.[index]
      if (page !== undefined) row.page = page
      blocks.push(row)
      return
    }
    // "Số: 141/KH-UBND<tab>Bắc Ninh, ngày 20": the two columns of a layout table (a header, a signature);
    // each cell starts a block of its own, and a line after it goes on with the last one.
    if (filled.length > 1) for (const c of filled) read(c, index + 1, true)
    else read(raw, index + 1, false)
  })
  flush()
  return blocks
}
