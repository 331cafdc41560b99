/** Plain text (and text extracted from PDF) → blocks. */
import { collapse, stripMarks } from '../normalize/text.js'
import { BULLET_RE, startsWithLabel } from '../structure/labels.js'
import type { Block } from '../types.js'
import { isKindLine } from './pdf-columns.js'

const BAR_LINE = /^\s*\|\s*$/

/** Split plain text into blocks: blank lines, labels and bullets start a block. */
export function textBlocks(text: string, pageOfLine: number[] | null): Block[] {
  const lines = text.split('\n')
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

  lines.forEach((raw, index) => {
    const lineNo = index + 1
    if (BAR_LINE.test(raw)) {
      flush()
      bars++
      return
    }
    const line = raw.trim()
    if (line === '') {
      flush()
      return
    }
    const bullet = BULLET_RE.exec(line)
    // "KẾ HOẠCH" is a line of its own, whatever follows it without a blank line (the title).
    const kindLine = isKindLine(line)
    const starts = current === null || bullet !== null || kindLine || startsWithLabel(line)
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
  })
  flush()
  return blocks
}
