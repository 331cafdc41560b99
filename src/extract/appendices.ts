/** Appendices (Phụ lục) after the signature: their title and table rows. */
import type { Appendix } from '../../schemas/plan.js'
import type { Block, Doc } from '../types.js'

const APPENDIX_RE =
  /^(?<label>PHỤ LỤC|Phụ lục)(?<num>\s+[\dIVX]+[a-z]?)?(?![\p{L}\d])\s*[:.-]?\s*(?<rest>.*)$/u

/** One appendix per "PHỤ LỤC" block of the tail; rows from Markdown tables or flattened cells. */
export function extractAppendices(doc: Doc): Appendix[] {
  const out: Appendix[] = []
  let current: Appendix | null = null
  let row: { cells: string[]; line: number } | null = null
  const closeRow = () => {
    if (current && row && row.cells.length > 0) current.rows.push(row)
    row = null
  }
  for (const block of doc.tail) {
    const m = APPENDIX_RE.exec(block.text)
    if (m?.groups) {
      closeRow()
      current = {
        label: `Phụ lục${m.groups.num ?? ''}`.trim(),
        title: m.groups.rest ?? '',
        line: block.line,
        rows: [],
      }
      out.push(current)
      continue
    }
    if (!current) continue
    addBlock(
      current,
      block,
      () => {
        closeRow()
        row = { cells: [], line: block.line }
        return row
      },
      () => row,
    )
  }
  closeRow()
  return out
}

function addBlock(
  appendix: Appendix,
  block: Block,
  newRow: () => { cells: string[]; line: number },
  currentRow: () => { cells: string[]; line: number } | null,
): void {
  if (block.kind === 'row' && block.cells) {
    appendix.rows.push({ cells: block.cells, line: block.line })
    return
  }
  if (block.cell === 'row') {
    newRow().cells.push(block.text)
    return
  }
  if (block.cell === 'cell') {
    ;(currentRow() ?? newRow()).cells.push(block.text)
    return
  }
  if (appendix.rows.length === 0 && currentRow() === null) {
    appendix.title = appendix.title ? `${appendix.title} ${block.text}` : block.text
  }
}
