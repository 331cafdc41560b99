/** Appendices (Phụ lục) after the signature: their title and table rows. */
import type { Appendix } from '../../schemas/plan.js'
import type { Block, Doc } from '../types.js'

const APPENDIX_RE =
  /^(?<label>PHỤ LỤC|Phụ lục)(?<num>\s+[\dIVX]+[a-z]?)?(?![\p{L}\d])\s*[:.-]?\s*(?<rest>.*)$/u

type Row = Appendix['rows'][number]

// "(Kèm theo Kế hoạch số 310/KH-UBND ngày …)" under an appendix's title names the plan it belongs to, not the appendix.
const ATTACHED_TO_RE = /\s*\(\s*(?:Ban hành\s+)?[Kk]èm theo\s[^)]*\)?\s*$/u

/** Whether a block belongs to a table: a Markdown table row, or a cell of a table flattened one cell per line. */
export const isTableBlock = (block: Block): boolean => (block.kind === 'row' && !!block.cells) || !!block.cell

// The lines of each cell of a row read from flattened cells (a table written one cell per line), kept beside the
// row, which the output holds as it is: a fact read from a cell points at that cell's lines.
const cellSpans = new WeakMap<Row, { line: number; endLine: number }[]>()

/** The first and last line of a row's cell `index`: its own for a table flattened one cell per line, else the row's. */
export function cellSpan(row: Row, index: number): { line: number; endLine: number } {
  return cellSpans.get(row)?.[index] ?? { line: row.line, endLine: row.line }
}

/** Assembles table rows from blocks: Markdown table rows as they are, flattened cells into rows. */
export class RowReader {
  readonly rows: Row[] = []
  private row: Row | null = null

  /** Take one table block; false (and nothing taken) for a block that is no part of a table. */
  add(block: Block): boolean {
    if (block.kind === 'row' && block.cells) {
      this.close()
      this.rows.push({ cells: block.cells, line: block.line })
      return true
    }
    if (block.cell === 'row' || (block.cell === 'cell' && this.row === null)) {
      this.close()
      this.row = { cells: [block.text], line: block.line }
      cellSpans.set(this.row, [{ line: block.line, endLine: block.endLine }])
      return true
    }
    if (block.cell === 'cell' && this.row) {
      this.row.cells.push(block.text)
      cellSpans.get(this.row)?.push({ line: block.line, endLine: block.endLine })
      return true
    }
    return false
  }

  /** Whether any row has been read or begun. */
  get started(): boolean {
    return this.rows.length > 0 || this.row !== null
  }

  /** End the row being read. */
  close(): void {
    if (this.row && this.row.cells.length > 0) this.rows.push(this.row)
    this.row = null
  }
}

/** A table of the plan's body: its rows, from Markdown table rows or flattened cells, and its first line. */
export interface BodyTable {
  rows: Row[]
  line: number
}

// Read once per document: task cards, award forms and award quotas all look at its tables.
const tablesOf = new WeakMap<Doc, readonly BodyTable[]>()

/** The tables between the plan's header and its signature, in order. */
export function bodyTables(doc: Doc): readonly BodyTable[] {
  let tables = tablesOf.get(doc)
  if (!tables) {
    tables = readBodyTables(doc)
    tablesOf.set(doc, tables)
  }
  return tables
}

function readBodyTables(doc: Doc): BodyTable[] {
  const tables: BodyTable[] = []
  let reader: RowReader | null = null
  let line = 0
  const outside = new Set([...doc.preamble, ...doc.tail])
  const close = () => {
    reader?.close()
    if (reader && reader.rows.length > 0) tables.push({ rows: reader.rows, line })
    reader = null
  }
  for (const block of doc.blocks) {
    if (outside.has(block) || !isTableBlock(block)) {
      close()
      continue
    }
    if (!reader) {
      reader = new RowReader()
      line = block.line
    }
    reader.add(block)
  }
  close()
  return tables
}

/** One appendix per "PHỤ LỤC" block of the tail; rows from Markdown tables or flattened cells. */
export function extractAppendices(doc: Doc): Appendix[] {
  const out: Appendix[] = []
  let current: { appendix: Appendix; reader: RowReader } | null = null
  const finish = () => {
    current?.reader.close()
    if (!current) return
    current.appendix.rows = current.reader.rows
    current.appendix.title = current.appendix.title.replace(ATTACHED_TO_RE, '')
  }
  for (const block of doc.tail) {
    const m = APPENDIX_RE.exec(block.text)
    if (m?.groups) {
      finish()
      const appendix: Appendix = {
        label: `Phụ lục${m.groups.num ?? ''}`.trim(),
        title: m.groups.rest ?? '',
        line: block.line,
        rows: [],
      }
      out.push(appendix)
      current = { appendix, reader: new RowReader() }
      continue
    }
    if (!current || current.reader.add(block)) continue
    // Text before the first row continues the title.
    const { appendix, reader } = current
    if (!reader.started) appendix.title = appendix.title ? `${appendix.title} ${block.text}` : block.text
  }
  finish()
  return out
}
