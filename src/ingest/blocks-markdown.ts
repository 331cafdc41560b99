/** Markdown → blocks, through remark's syntax tree (positions give line numbers). */
import type { Nodes, Parent, Root, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { collapse } from '../normalize/text.js'
import type { Block, BlockKind } from '../types.js'

const BAR_LINE = /^[ \t]*\|[ \t]*$/
const STRAY_STARS = /(?<!\()\*+|\*+(?!\))/g
const EMPHASIZED_BULLET = /^[-+•]\s+(?=\S)/u
const STARS_BEFORE_MARK = /(?<!\()\*+(?=[:;,.])/g
const parser = unified().use(remarkParse).use(remarkGfm)

/** Inline text with hard breaks kept as line breaks (mdast-util-to-string drops them). */
function inlineText(node: Nodes): string {
  if (node.type === 'break') return '\n'
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('')
  return mdastToString(node)
}

interface Walk {
  source: string
  lineStarts: number[]
  blocks: Block[]
  bars: Set<number>
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
  const text = collapse(inlineText(node).replace(STARS_BEFORE_MARK, '').replace(STRAY_STARS, ' '))
  if (text === '' && !extra.cells) return
  const line = node.position?.start.line ?? 1
  const endLine = node.position?.end.line ?? line
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
    for (const row of node.children as RootContent[]) {
      if (row.type !== 'tableRow') continue
      const cells = row.children.map((cell) => collapse(inlineText(cell)))
      push(walk, row, 'row', null, { cells, text: cells.join(' | ') })
    }
  },
}

function visitAll(walk: Walk, nodes: RootContent[]): void {
  for (const node of nodes) VISIT[node.type]?.(walk, node as never)
}

/** Parse Markdown and flatten it to blocks in document order. */
export function markdownBlocks(text: string): Block[] {
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
  const tree = parser.parse(cleaned) as Root
  const walk: Walk = { source: cleaned, lineStarts: [], blocks: [], bars }
  visitAll(walk, tree.children)
  markCells(walk.blocks, bars)
  return walk.blocks
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
