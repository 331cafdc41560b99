/**
 * HTML (from mammoth's DOCX conversion) → blocks, walking a hast tree. Headings, paragraphs, list items
 * and table rows become blocks; a table that only lays out the header or the signature in two columns
 * is read column by column instead, as the text of a plan would be.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { collapse } from '../normalize/text.js'
import { BULLET_RE } from '../structure/labels.js'
import type { Block, BlockKind } from '../types.js'
import { joinItems } from './pdf-columns.js'

/** A block before it has a place in the text: docx.ts numbers the lines. */
export type HtmlBlock = Omit<Block, 'line' | 'endLine'>

// A cell paragraph like this marks a layout table: the national header or the signature beside the recipients.
const LAYOUT_MARK = /^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|Độc lập\s*[-–]|Số\s*:|Nơi nhận|(?:TM|KT|TL|TUQ)\.\s)/u
const RULE = /^[\s\-–—_*=•]*$/u
// A layout table has a row or three; more is data.
const LAYOUT_ROWS = 3

/** Text of a node with <br> as a line break. */
function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' && node.tagName === 'br') return '\n'
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('')
  return ''
}

function elements(node: Element | Root, ...tags: string[]): Element[] {
  const children: (RootContent | ElementContent)[] = node.children
  return children.filter(
    (c): c is Element => c.type === 'element' && (tags.length === 0 || tags.includes(c.tagName)),
  )
}

/** A paragraph or heading; a typed bullet ("- Sở Nội vụ") makes a list item, as in plain text. */
function paragraph(text: string, kind: BlockKind): HtmlBlock[] {
  const body = collapse(text)
  if (body === '' || RULE.test(body)) return []
  const bullet = kind === 'paragraph' ? BULLET_RE.exec(body) : null
  if (bullet) return [{ kind: 'item', text: body.slice(bullet[0].length), marker: bullet[1] ?? '-' }]
  return [{ kind, text: body, marker: null }]
}

/** Items of <ol>/<ul>: mammoth drops the numbers, so they are counted from `start`. */
function list(node: Element, out: HtmlBlock[]): void {
  const start = Number(node.properties?.start ?? 1)
  elements(node, 'li').forEach((li, i) => {
    const own = li.children.filter(
      (c) => !(c.type === 'element' && (c.tagName === 'ol' || c.tagName === 'ul')),
    )
    const text = collapse(own.map(textOf).join(' '))
    if (text !== '') out.push({ kind: 'item', text, marker: node.tagName === 'ol' ? `${start + i}.` : '-' })
    for (const sub of elements(li, 'ol', 'ul')) list(sub, out)
  })
}

const rowsOf = (table: Element): Element[] => [
  ...elements(table, 'tr'),
  ...elements(table, 'thead', 'tbody', 'tfoot').flatMap((part) => elements(part, 'tr')),
]
const cellsOf = (row: Element): Element[] => elements(row, 'td', 'th')

/** The lines of a cell: its paragraphs, split at <br>. */
function cellLines(cell: Element): string[] {
  const paragraphs = elements(cell).filter((c) => c.tagName !== 'table')
  const lines = paragraphs.length > 0 ? paragraphs.map(textOf) : [textOf(cell)]
  return lines.flatMap((l) => l.split('\n')).map(collapse)
}

/**
 * A table that only lays out the header or the signature (rows of cells of lines), read column by column
 * as the text of a plan would be: its paragraphs and typed bullets. Null for a table of data. Markdown's
 * tables are read the same way (blocks-markdown.ts).
 */
export function layoutBlocks(rows: readonly (readonly (readonly string[])[])[]): HtmlBlock[] | null {
  const isLayout =
    rows.length <= LAYOUT_ROWS && rows.some((r) => r.some((c) => c.some((l) => LAYOUT_MARK.test(l))))
  if (!isLayout) return null
  const out: HtmlBlock[] = []
  const width = Math.max(...rows.map((r) => r.length))
  for (let column = 0; column < width; column++) {
    const lines = rows.flatMap((r) => r[column] ?? []).filter((l) => l !== '')
    for (const item of joinItems(lines)) out.push(...paragraph(item, 'paragraph'))
  }
  return out
}

/** A layout table column by column, as items; a data table row by row, with its cells. */
function table(node: Element, out: HtmlBlock[]): void {
  const rows = rowsOf(node)
  const layout = layoutBlocks(rows.map((r) => cellsOf(r).map(cellLines)))
  if (layout) {
    out.push(...layout)
    return
  }
  for (const row of rows) {
    const cells = cellsOf(row).map((c) => collapse(cellLines(c).join(' ')))
    if (cells.some((c) => c !== '')) out.push({ kind: 'row', text: cells.join(' | '), marker: null, cells })
  }
}

const heading = (node: Element, out: HtmlBlock[]) => out.push(...paragraph(textOf(node), 'heading'))

/** What each element becomes; any other element is walked through. */
const VISIT: Record<string, (node: Element, out: HtmlBlock[]) => void> = {
  p: (node, out) => out.push(...paragraph(textOf(node), 'paragraph')),
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  ol: list,
  ul: list,
  table,
}

function visit(node: Element | Root, out: HtmlBlock[]): void {
  for (const child of elements(node)) {
    const handle = VISIT[child.tagName]
    if (handle) handle(child, out)
    else visit(child, out)
  }
}

/** Parse an HTML fragment and flatten it to blocks in document order. */
export function htmlBlocks(html: string): HtmlBlock[] {
  const out: HtmlBlock[] = []
  visit(fromHtml(html, { fragment: true }), out)
  return out
}
