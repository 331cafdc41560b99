/**
 * The two-column blocks of a plan. The header: issuing body and number on the left, national motto and
 * place and date on the right. The signature: recipients on the left, signer on the right. On one baseline
 * both columns make one line ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"); they are read column
 * by column instead, the header as one line per item (issuer, number, motto, slogan, place and date).
 */
import { DOC_KINDS } from '../lexicon/documents.js'
import { collapse, isUpper, startsLower } from '../normalize/text.js'
import { type Cell, isDecoration, type PdfLine } from './pdf-lines.js'

type Column = 'left' | 'right'

/** The document kinds as their kind line writes them: "KẾ HOẠCH", "QUYẾT ĐỊNH". */
export const DOC_KINDS_UPPER: readonly string[] = DOC_KINDS.map((k) => k.toLocaleUpperCase('vi'))
const KIND_LINES = new Set(DOC_KINDS_UPPER)

/** "KẾ HOẠCH", "QUYẾT ĐỊNH": the line that names the document's kind, above its title. */
export function isKindLine(text: string): boolean {
  return KIND_LINES.has(collapse(text))
}

// How far down page 1 the header may reach.
const HEADER_LINES = 20
const NUMBER_START = /^Số\s*:/u
// Right-column items; each also starts a new item when a producer ran it into the text before it.
const RIGHT_MARKERS: readonly RegExp[] = [
  /CỘNG H(?:ÒA|OÀ) XÃ HỘI/u,
  /Độc lập\s*[-–]\s*Tự do/u,
  /(?:TP\.\s*)?\p{Lu}\p{Ll}+(?:\s+\p{L}+){0,4},\s*ngày(?!\p{L})/u,
]
const PLACE_DATE = RIGHT_MARKERS[2] as RegExp
// A right-column item that is finished: the motto, the slogan, a date with its year.
const RIGHT_DONE = /(?:VIỆT NAM|Hạnh phúc|\d{4})\s*$/u
// The gutter is measured near the top of a two-column block.
const GUTTER_LINES = 12
const SIGNATURE_START = /^(?:Nơi nhận|(?:TM|KT|TL|TUQ)\.\s)/u

interface Piece {
  text: string
  column: Column | null
  page: number
}

const startsRight = (text: string): boolean => RIGHT_MARKERS.some((re) => re.exec(text)?.index === 0)

/** Cut text before every right-column marker that is not at its start. */
function splitAtMarkers(text: string): string[] {
  const cuts = new Set<number>()
  for (const re of RIGHT_MARKERS) {
    for (const m of text.matchAll(new RegExp(re.source, 'gu'))) {
      if (m.index > 0 && /\s/.test(text[m.index - 1] ?? '')) cuts.add(m.index)
    }
  }
  const at = [0, ...[...cuts].sort((a, b) => a - b), text.length]
  return at.slice(0, -1).map((start, i) => text.slice(start, at[i + 1]).trim())
}

/** Where the right column starts (`start`) and the x that tells a right-column line by its left edge (`split`). */
interface Gutter {
  start: number
  split: number
}

/** The right column starts at the leftmost second cell near the top of the block, else at the leftmost line right of the page's middle. */
function gutter(zone: readonly PdfLine[], page: readonly PdfLine[]): Gutter {
  const top = zone.slice(0, GUTTER_LINES)
  const lefts = top.flatMap((l) => (l.box ? [l.box.left] : []))
  const seconds = top.flatMap((l) => (l.cells?.[1] ? [l.cells[1].left] : []))
  const boxes = page.flatMap((l) => (l.box ? [l.box] : []))
  const middle = (Math.min(...boxes.map((b) => b.left)) + Math.max(...boxes.map((b) => b.right))) / 2
  const rightOnes = lefts.filter((x) => x > middle)
  const start =
    seconds.length > 0 ? Math.min(...seconds) : rightOnes.length > 0 ? Math.min(...rightOnes) : middle
  return { start, split: (Math.min(...lefts, start) + start) / 2 }
}

/** Which column a span is in: right when it starts past the split, left when it ends before the right column; null when it spans both. */
function side(left: number, right: number, g: Gutter): Column | null {
  if (left >= g.split) return 'right'
  return right <= g.start ? 'left' : null
}

/** The cells of a line; a line of one piece is one cell. Empty for a line without geometry. */
function spansOf(line: PdfLine): Cell[] {
  return line.cells ?? (line.box ? [{ text: line.text, left: line.box.left, right: line.box.right }] : [])
}

/** A line as cells on known sides; a line without geometry, or that crosses the gutter, has no side. */
function pieces(line: PdfLine, x: Gutter): Piece[] {
  const spans = spansOf(line)
  if (spans.length === 0) return [{ text: line.text, column: null, page: line.page }]
  return spans.map((s) => ({ text: s.text, column: side(s.left, s.right, x), page: line.page }))
}

/** Whether a header line continues the item above it: capitals under capitals, or a lower-case wrap. */
function continues(item: string, text: string): boolean {
  if (NUMBER_START.test(text) || startsRight(text)) return false
  return (isUpper(item) && isUpper(text)) || startsLower(text)
}

/** A piece with no side goes right when it is a right item or finishes one, else left. */
function columnOf(piece: Piece, previous: Column, right: readonly string[]): Column {
  if (startsRight(piece.text)) return 'right'
  if (piece.column) return piece.column
  const last = right[right.length - 1]
  return previous === 'right' && last !== undefined && !RIGHT_DONE.test(last) ? 'right' : 'left'
}

/** A piece the producer ran together ("Số: 12/KH-UBND Hà Nam, ngày ...") cut at its right-column markers. */
function cutAtMarkers(piece: Piece): Piece[] {
  return splitAtMarkers(piece.text).map((text, i) => ({
    ...piece,
    text,
    column: i > 0 ? 'right' : piece.column,
  }))
}

/** Lines of one column of a header or signature as items: capitals under capitals and lower-case wraps join the item above; a rule line ends it. */
export function joinItems(texts: readonly string[]): string[] {
  const items: string[] = []
  let open = false
  for (const text of texts) {
    const last = items[items.length - 1]
    if (isDecoration(text)) open = false
    else if (open && last !== undefined && continues(last, text)) items[items.length - 1] = `${last} ${text}`
    else {
      items.push(text)
      open = true
    }
  }
  return items
}

/** Header pieces sorted into their columns, in reading order. */
function headerColumns(all: readonly Piece[]): Record<Column, string[]> {
  const columns: Record<Column, string[]> = { left: [], right: [] }
  let column: Column = 'left'
  for (const piece of all) {
    column = columnOf(piece, column, joinItems(columns.right))
    columns[column].push(piece.text)
  }
  return columns
}

/** Lines of page 1 above the kind line ("KẾ HOẠCH"), or up to the place and date; 0 when there is no header. */
function headerEnd(lines: readonly PdfLine[]): number {
  const top = lines.slice(0, HEADER_LINES).filter((l) => l.page === lines[0]?.page)
  const kind = top.findIndex((l) => isKindLine(l.text))
  if (kind > 0) return kind
  const place = top.findIndex((l) => PLACE_DATE.test(l.text))
  return place + 1
}

const itemLines = (texts: readonly string[], page: number): PdfLine[] =>
  texts.flatMap((text) => [
    { text, page },
    { text: '', page },
  ])

/** Put each header item on its own line, left column first, with a paragraph break after each. */
export function splitHeader(lines: PdfLine[]): PdfLine[] {
  const end = headerEnd(lines)
  if (end <= 0) return lines
  const zone = lines.slice(0, end)
  const x = gutter(
    zone,
    lines.filter((l) => l.page === zone[0]?.page),
  )
  const all = zone.flatMap((l) => pieces(l, x)).flatMap(cutAtMarkers)
  if (!all.some((p) => p.column === 'right' || startsRight(p.text))) return lines
  const { left, right } = headerColumns(all)
  const page = zone[0]?.page ?? 1
  return [...itemLines(joinItems(left), page), ...itemLines(joinItems(right), page), ...lines.slice(end)]
}

/** The spans of a line with their sides; null when the line has no geometry or crosses the gutter. */
function sides(line: PdfLine, x: Gutter): { cell: Cell; side: Column }[] | null {
  const out: { cell: Cell; side: Column }[] = []
  for (const cell of spansOf(line)) {
    const column = side(cell.left, cell.right, x)
    if (column === null) return null
    out.push({ cell, side: column })
  }
  return out.length > 0 ? out : null
}

/**
 * One signature block from `start`, until a line crosses the gutter: the recipients as lines without
 * geometry (their column is narrow, so only their text tells where one ends), then the signer as items.
 */
function signatureBlock(lines: readonly PdfLine[], start: number): { out: PdfLine[]; end: number } {
  const x = gutter(
    lines.slice(start),
    lines.filter((l) => l.page === lines[start]?.page),
  )
  const columns: Record<Column, PdfLine[]> = { left: [], right: [] }
  let end = start
  for (; end < lines.length; end++) {
    const line = lines[end] as PdfLine
    const spans = sides(line, x)
    if (!spans) break
    for (const { cell, side } of spans) columns[side].push({ text: cell.text, page: line.page })
  }
  if (columns.left.length === 0 || columns.right.length === 0)
    return { out: lines.slice(start, start + 1), end: start + 1 }
  const page = lines[start]?.page ?? 1
  const signer = itemLines(joinItems(columns.right.map((l) => l.text)), page)
  return { out: [...columns.left, { text: '', page }, ...signer], end }
}

const opensSignature = (line: PdfLine): boolean => spansOf(line).some((c) => SIGNATURE_START.test(c.text))

/** Read every signature block (recipients beside the signer) column by column. */
export function splitSignature(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = []
  for (let i = 0; i < lines.length; ) {
    if (!opensSignature(lines[i] as PdfLine)) {
      out.push(lines[i++] as PdfLine)
      continue
    }
    const block = signatureBlock(lines, i)
    out.push(...block.out)
    i = block.end
  }
  return out
}
