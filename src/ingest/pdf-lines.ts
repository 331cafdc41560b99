/**
 * Positioned text items of a PDF page → lines, top to bottom. Items on one baseline make one line
 * whatever order the producer drew them in; a wide gap splits a line into cells, which is how the
 * two columns of a header or a signature block show up.
 */
import { collapse } from '../normalize/text.js'

/** Where a line or a cell sits, in points from the page's top left. */
export interface Box {
  left: number
  right: number
  /** Baseline, from the top of the page. */
  top: number
  /** Font size of the largest item. */
  size: number
}

export interface Cell {
  text: string
  left: number
  right: number
}

/** The unit the PDF clean-up stages pass along: one line of a page. */
export interface PdfLine {
  /** NFC text; "\t" separates cells. "" is a paragraph break made by a stage. */
  text: string
  /** 1-based page number. */
  page: number
  /** Absent for lines a stage wrote (header items, breaks). */
  box?: Box
  /** The pieces of a line split by a wide gap, left to right; absent for a line of one piece. */
  cells?: Cell[]
}

/** A text item as pdf.js gives it, reduced to what the layout needs. */
export interface TextItem {
  str: string
  /** pdf.js transform [a, b, c, d, e, f]: e, f is the origin, d the vertical scale. */
  transform: number[]
  width: number
  height: number
}

// Same line: baselines closer than this share of the font size.
const SAME_LINE = 0.4
// A gap wider than this share of the font size is a space between words...
const WORD_GAP = 0.12
// ...and wider than this a gap between columns.
const COLUMN_GAP = 2.5
// Rules drawn with characters under the header and title: "———", "_____", "-----", "***".
const DECORATION = /^[\s\-–—_*=•]{3,}$/u

interface Placed {
  str: string
  left: number
  right: number
  top: number
  size: number
}

function place(item: TextItem, pageTop: number): Placed {
  const [, , , d = 0, e = 0, f = 0] = item.transform
  const size = Math.abs(d) || item.height || 1
  return { str: item.str, left: e, right: e + item.width, top: pageTop - f, size }
}

/** Items on one baseline, left to right, cut into cells at wide gaps. */
function cellsOf(items: Placed[], size: number): Cell[] {
  const cells: Cell[] = []
  for (const item of [...items].sort((a, b) => a.left - b.left)) {
    const cell = cells[cells.length - 1]
    const gap = cell ? item.left - cell.right : Number.POSITIVE_INFINITY
    if (!cell || gap > COLUMN_GAP * size) {
      cells.push({ text: item.str, left: item.left, right: item.right })
      continue
    }
    const space = gap > WORD_GAP * size && !/\s$/.test(cell.text) && !/^\s/.test(item.str)
    cell.text += (space ? ' ' : '') + item.str
    cell.right = Math.max(cell.right, item.right)
  }
  return cells.map((c) => ({ ...c, text: collapse(c.text.normalize('NFC')) })).filter((c) => c.text !== '')
}

function line(items: Placed[], page: number): PdfLine | null {
  const size = Math.max(...items.map((i) => i.size))
  const cells = cellsOf(items, size)
  const first = cells[0]
  const last = cells[cells.length - 1]
  if (!first || !last) return null
  const box = { left: first.left, right: last.right, top: Math.min(...items.map((i) => i.top)), size }
  const text = cells.map((c) => c.text).join('\t')
  return cells.length > 1 ? { text, page, box, cells } : { text, page, box }
}

/** The lines of one page, top to bottom. */
export function pageLines(items: readonly TextItem[], pageTop: number, page: number): PdfLine[] {
  const placed = items
    .filter((i) => i.str.trim() !== '')
    .map((i) => place(i, pageTop))
    .sort((a, b) => a.top - b.top || a.left - b.left)
  const groups: Placed[][] = []
  for (const item of placed) {
    const group = groups[groups.length - 1]
    const anchor = group?.[0]
    if (group && anchor && Math.abs(item.top - anchor.top) <= SAME_LINE * Math.max(anchor.size, item.size))
      group.push(item)
    else groups.push([item])
  }
  return groups.map((g) => line(g, page)).filter((l): l is PdfLine => l !== null)
}

/** A line drawn with dashes, underscores or stars, which separates rather than says. */
export function isDecoration(text: string): boolean {
  return DECORATION.test(text)
}

/** Group lines by page, in page order. */
export function byPage(lines: readonly PdfLine[]): PdfLine[][] {
  const pages = new Map<number, PdfLine[]>()
  for (const line of lines) {
    const page = pages.get(line.page)
    if (page) page.push(line)
    else pages.set(line.page, [line])
  }
  return [...pages.values()]
}
