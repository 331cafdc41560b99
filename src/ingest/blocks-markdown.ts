/** Markdown → blocks, through remark's syntax tree (positions give line numbers). */
import type { Nodes, Parent, Root, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { collapse } from '../normalize/text.js'
import type { Block, BlockKind } from '../types.js'
import { layoutBlocks } from './blocks-html.js'
import { DOC_KINDS_UPPER, isKindLine } from './pdf-columns.js'
import { mayHaveTable } from './sniff.js'

const BAR_LINE = /^[ \t]*\|[ \t]*$/
const BR_RE = /^<br\s*\/?>$/i
// A paragraph that may open with the kind line: tested before its lines are looked at.
const KIND_START_RE = new RegExp(`^(?:${DOC_KINDS_UPPER.join('|')})\\s`, 'u')
const STRAY_STARS = /(?<!\()\*+|\*+(?!\))/g
const EMPHASIZED_BULLET = /^[-+•]\s+(?=\S)/u
const STARS_BEFORE_MARK = /(?<!\()\*+(?=[:;,.])/g
const markdown = unified().use(remarkParse)
// kh needs GFM for pipe tables only, and GFM's micromark extensions make every parse 2.5x slower:
// a document pays for them only when some line could be a table's delimiter row.
const markdownWithTables = unified().use(remarkParse).use(remarkGfm)

// micromark's document tokenizer copies all the events so far each time a list item or quote closes, or
// a lazy line continues one, so a long document of lists costs the square of its length (2.7 MB of
// plans: 25 s, in parts 1.5 s). Parts, cut where no block can go on, keep it linear. Small ones also keep
// each parse's events and tree young: a whole plan's outlive a scavenge of V8's default young generation
// and are copied to the old one, so with 8,000 characters rather than 32,000 Markdown plans of ~28 KB
// extract in ~13 ms instead of ~20 (bare remark-parse of the whole text: ~12 ms).
const PART_CHARS = 8_000
// A blank line, then a line starting at column 0: only a fence or an HTML comment/`<pre>` block can go on
// across it (a list item's next paragraph is indented), and only a definition can reach across it.
const PART_CUT = /\n[ \t]*\n(?=[^\s])/g
const UNCUTTABLE = /^ {0,3}(?:```|~~~|<[!?]|<(?:script|pre|style|textarea))|\]:/im

interface Part {
  text: string
  /** Lines and characters before the part. */
  lines: number
  offset: number
}

/** The text in parts of about `size` characters, cut only where the Markdown reads the same either way. */
export function markdownParts(text: string, size = PART_CHARS): Part[] {
  if (text.length <= 2 * size || UNCUTTABLE.test(text)) return [{ text, lines: 0, offset: 0 }]
  const parts: Part[] = []
  let start = 0
  let lines = 0
  for (;;) {
    PART_CUT.lastIndex = start + size
    const cut = PART_CUT.exec(text)
    const end = cut ? PART_CUT.lastIndex : text.length
    const part = text.slice(start, end)
    parts.push({ text: part, lines, offset: start })
    if (!cut) return parts
    lines += part.split('\n').length - 1
    start = end
  }
}

/** Inline text with hard breaks kept as line breaks (mdast-util-to-string drops them). */
function inlineText(node: Nodes): string {
  if (node.type === 'break') return '\n'
  // Inline HTML: "<br>" breaks a line (in a table cell the only way to), any other tag is dropped.
  if (node.type === 'html') return BR_RE.test(node.value) ? '\n' : ''
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('')
  return mdastToString(node)
}

interface Walk {
  /** The part being read, whose positions the nodes give. */
  source: string
  /** Lines before the part. */
  lines: number
  blocks: Block[]
}

/** A node's first and last lines in the whole text (its position is the part's). */
function linesOf(walk: Walk, node: { position?: Nodes['position'] }): { line: number; endLine: number } {
  const start = node.position?.start.line ?? 1
  return { line: start + walk.lines, endLine: (node.position?.end.line ?? start) + walk.lines }
}

// A footnote's mark, right after the word it annotates ("các văn bản có liên quan[1]", "[^2]"): the
// converter's, not the sentence's. A bracketed number after a space ("Mục [1]") is left alone.
const FOOTNOTE_MARK = /(?<=[\p{L}\d.,;:)”"])\[\^?\d{1,3}\]/gu

// Looked for only in a text with a "[" (few have one): a pattern that opens with a look-behind is tried at every position.
const unstarred = (text: string): string => {
  const plain = text.replace(STARS_BEFORE_MARK, '').replace(STRAY_STARS, ' ')
  return plain.includes('[') ? plain.replace(FOOTNOTE_MARK, '') : plain
}

function push(
  walk: Walk,
  node: Nodes,
  kind: BlockKind,
  marker: string | null,
  extra: Partial<Block> = {},
): void {
  // Emphasis that Markdown could not pair ("**ỦY BAN NHÂN DÂN\n**", "*Thời gian: *Năm 2026") stays as
  // literal stars; a footnote mark "(*)" is the document's own.
  const raw = unstarred(inlineText(node))
  const text = collapse(raw)
  if (text === '' && !extra.cells) return
  const { line, endLine } = linesOf(walk, node)
  // "**KẾ HOẠCH**" and the title on the next line, with no blank line between, are one Markdown
  // paragraph; the kind is a line of its own, above the title.
  const newline = kind === 'paragraph' && KIND_START_RE.test(text) ? raw.indexOf('\n') : -1
  if (newline > 0 && isKindLine(raw.slice(0, newline))) {
    walk.blocks.push({ kind, text: collapse(raw.slice(0, newline)), marker, line, endLine: line })
    walk.blocks.push({ kind, text: collapse(raw.slice(newline)), marker, line: line + 1, endLine })
    return
  }
  // "*- Thủy sản*": a bullet inside emphasis is no Markdown list, but still a bullet.
  const bullet = kind === 'paragraph' && marker === null ? EMPHASIZED_BULLET.exec(text) : null
  if (bullet) {
    walk.blocks.push({
      kind: 'item',
      text: text.slice(bullet[0].length),
      marker: '-',
      line,
      endLine,
      ...extra,
    })
    return
  }
  walk.blocks.push({ kind, text, marker, line, endLine, ...extra })
}

/** The list marker as written in the source, e.g. "3." even where Markdown renumbers. */
function markerAt(walk: Walk, offset: number | undefined): string {
  const head = walk.source.slice(offset ?? 0, (offset ?? 0) + 12)
  return /^\s*(\d{1,9}[.)]|[-+*])/.exec(head)?.[1] ?? '-'
}

const VISIT: Partial<Record<RootContent['type'], (walk: Walk, node: never) => void>> = {
  heading: (walk, node: Nodes) => push(walk, node, 'heading', null),
  paragraph: (walk, node: Nodes) => push(walk, node, 'paragraph', null),
  html: (walk, node: Nodes & { value: string }) => {
    const text = node.value.replace(/<[^>]*>/g, ' ')
    if (collapse(text) !== '')
      push(walk, { type: 'text', value: text, position: node.position } as Nodes, 'paragraph', null)
  },
  code: (walk, node: Nodes) => push(walk, node, 'paragraph', null),
  blockquote: (walk, node: Parent) => visitAll(walk, node.children as RootContent[]),
  list: (walk, node: Parent) => {
    for (const item of node.children as RootContent[]) {
      if (item.type !== 'listItem') continue
      const [first, ...rest] = item.children
      const marker = markerAt(walk, item.position?.start.offset)
      if (first?.type === 'paragraph') push(walk, first, 'item', marker)
      else if (first) visitAll(walk, [first])
      visitAll(walk, rest)
    }
  },
  table: (walk, node: Parent) => {
    const rows = (node.children as RootContent[]).filter((row) => row.type === 'tableRow')
    const lines = rows.map((row) =>
      row.children.map((cell) => unstarred(inlineText(cell)).split('\n').map(collapse)),
    )
    const layout = layoutBlocks(lines)
    if (layout) {
      // The national header or the signature in two columns: its lines, column by column, as in a text.
      const { line, endLine } = linesOf(walk, node)
      for (const block of layout) walk.blocks.push({ ...block, line, endLine })
      return
    }
    rows.forEach((row, i) => {
      const cells = (lines[i] ?? []).map((cell) => collapse(cell.join(' ')))
      push(walk, row, 'row', null, { cells, text: cells.join(' | ') })
    })
  },
}

function visitAll(walk: Walk, nodes: RootContent[]): void {
  for (const node of nodes) VISIT[node.type]?.(walk, node as never)
}

/** Parse Markdown and flatten it to blocks in document order; `partChars` is for tests. */
export function markdownBlocks(text: string, partChars = PART_CHARS): Block[] {
  // Lone "|" lines separate the cells of tables flattened one cell per line;
  // blank them so remark sees separate paragraphs, and remember where they were.
  const lines = text.split('\n')
  const bars = new Set<number>()
  const cleaned = lines
    .map((line, i) => {
      if (!BAR_LINE.test(line)) return line
      bars.add(i + 1)
      return ''
    })
    .join('\n')
  // Each part's tree is read as soon as it is parsed, so it is garbage before the next part is parsed:
  // kept for the whole document, the trees outlive scavenges and are copied to the old generation.
  const parser = mayHaveTable(cleaned) ? markdownWithTables : markdown
  const blocks: Block[] = []
  for (const part of markdownParts(cleaned, partChars)) {
    const tree = parser.parse(part.text) as Root
    visitAll({ source: part.text, lines: part.lines, blocks }, tree.children)
  }
  markCells(blocks, bars)
  return blocks
}

/** Mark blocks that follow "|" lines: one bar starts a cell, two in a row start a table row. */
function markCells(blocks: Block[], bars: Set<number>): void {
  let previousEnd = 0
  for (const block of blocks) {
    let count = 0
    for (let l = previousEnd + 1; l < block.line; l++) if (bars.has(l)) count++
    if (count > 0) block.cell = count >= 2 ? 'row' : 'cell'
    previousEnd = block.endLine
  }
}
