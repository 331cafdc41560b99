/** Cited documents: "Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ về việc ...". */
import type { Reference, Warning } from '../../schemas/plan.js'
import { DOC_KINDS, SYMBOL_ISSUERS, SYMBOL_KINDS } from '../lexicon/documents.js'
import { alternation, collapse } from '../normalize/text.js'
import type { Doc } from '../types.js'
import type { Context } from './context.js'
import { findDate } from './dates.js'
import { headingSpan, lineOfFact, pageAt, type Span } from './lines.js'

// "1315/QĐ-TTg", "25/2023/TT-BGDĐT", "49-KL/TW", "163/2024/QH15", "10- CTr/TU" (stray spaces occur).
// A symbol segment is upper-case with at most a short lower-case tail ("TTg", "CTr").
const SEGMENT = String.raw`\p{Lu}[\p{Lu}\d&]*\p{Ll}{0,2}(?![\p{L}\d])`
const ID_SOURCE = String.raw`(?<number>\d{1,6})(?:\/(?<year>\d{4}))?\s?(?<sep>[/-])\s?(?<symbol>${SEGMENT}(?:\s?[-/]\s?${SEGMENT})*)`
const KIND_SOURCE = alternation(DOC_KINDS)
const REF_RE = new RegExp(
  `(?:(?<kind>${KIND_SOURCE})\\s+(?:số\\s*:?\\s*)?|(?<![\\p{L}\\d])[Ss]ố\\s*:?\\s*)?(?<!\\d)${ID_SOURCE}`,
  'gu',
)
// The year an id states: "163/2024/QH15" → 2024.
const NUMBER_YEAR_RE = /^\d+\/(\d{4})\//u
// What every id has: a digit, then (after at most a space) "/" or "-". A text without one cites nothing.
const ID_HINT_RE = /\d\s?[/-]/u
// Where the next id begins, in the words after one.
const NEXT_ID_RE = new RegExp(`(?<!\\d)${ID_SOURCE}`, 'u')
const AFTER_RE =
  /^\s*(?:ngày[^,;]*?\d{4})?\s*(?:,\s*)?(?:của\s+(?<issuer>[^,;:“"]+?))?(?=\s+(?:về|phê duyệt|ban hành|quy định|hướng dẫn|thực hiện|triển khai)(?![\p{L}\d])|[,;.:(]|$)/u
const TITLE_RE = /^\s*(?:về việc|về|phê duyệt|ban hành|quy định|hướng dẫn)(?![\p{L}\d])(?<title>[^;]*)/u
// An issuer's name ends before another citation or a verb phrase.
const ISSUER_STOP = new RegExp(
  `\\s+(?:và\\s+(?:các\\s+)?(?:${KIND_SOURCE})|(?:đạt|tại|theo|nhằm|để)\\s)`,
  'u',
)
// A title cut where a cited document's number begins: "thực hiện Nghị quyết số".
const DANGLING_KIND_RE = new RegExp(`(?:${KIND_SOURCE})(?:\\s+số)?\\s*$`, 'u')
const SHORT_NAME_RE = /\s*\(\s*sau đây (?:gọi|viết) tắt là[^)]*\)?.*$/su
// Where a title has ended though no semicolon says so: at the end of its sentence ("... trong tình hình mới.
// Đề xuất ..."; not after "TP." or "Tp."), or where the plan's own sentence goes on ("..., UBND tỉnh ban hành Kế hoạch").
const TITLE_END_RE =
  /(?<![\s(]T[Pp])\.\s+(?=\p{Lu})|,\s*(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(?![\p{L}\d]).*$/su
const SELF_RE = /^(\(?\s*(Kèm theo|Ban hành kèm theo)|Số\s*:)/u
const BASIS_RE = /^(Căn cứ|Tiếp theo|Thực hiện|Theo|Triển khai)(?![\p{L}\d])/u

interface Place {
  text: string
  path: string | null
  span: Span
  page?: number | undefined
  basis: boolean
}

/** Every text of the plan with where it stands, preamble first. */
function places(doc: Doc): Place[] {
  const out: Place[] = []
  const inPreamble = doc.preamble.some((b) => BASIS_RE.test(b.text))
  // "(Kèm theo Quyết định số ...)" names the document itself, not a citation.
  for (const b of doc.preamble.filter((x) => !SELF_RE.test(x.text)))
    out.push({
      text: b.text,
      path: null,
      span: b,
      page: b.page,
      basis: inPreamble || BASIS_RE.test(b.text),
    })
  for (const s of doc.flat) {
    out.push({ text: s.heading, path: s.path, span: headingSpan(s), page: s.page, basis: false })
    for (const item of s.items)
      out.push({ text: item.text, path: s.path, span: item, page: item.page, basis: false })
  }
  return out
}

/** The plan's citations, once per id in order of first appearance, with every occurrence. */
export function extractReferences(doc: Doc, ctx: Context): Reference[] {
  const byId = new Map<string, Reference>()
  for (const place of places(doc)) {
    if (!ID_HINT_RE.test(place.text)) continue
    for (const m of place.text.matchAll(REF_RE)) {
      const g = m.groups ?? {}
      if (!g.number || !g.symbol) continue
      const symbol = g.symbol.replace(/\s+/g, '')
      const id = `${g.number}${g.year ? `/${g.year}` : ''}${g.sep}${symbol}`
      const rest = place.text.slice((m.index ?? 0) + m[0].length)
      const line = lineOfFact(doc, place.span, place.text.slice(0, m.index), m[0])
      const page = pageAt(doc, line, place.page)
      const occurrence = { path: place.path, line, ...(page ? { page } : {}) }
      const known = byId.get(id.toUpperCase())
      if (known) {
        // A title in capitals ("32/CT-TTG") yields to the id as printed in running text.
        if (known.id === known.id.toUpperCase() && id !== id.toUpperCase())
          Object.assign(known, { id, symbol })
        known.occurrences.push(occurrence)
        known.isLegalBasis ||= place.basis
        fillDetails(known, rest)
        continue
      }
      const reference: Reference = {
        id,
        kind: g.kind ?? kindFromSymbol(symbol),
        number: g.number,
        symbol: g.year ? `${symbol}` : symbol,
        date: null,
        issuer: null,
        title: null,
        isLegalBasis: place.basis,
        occurrences: [occurrence],
      }
      fillDetails(reference, rest)
      byId.set(id.toUpperCase(), reference)
    }
  }
  const references = [...byId.values()]
  for (const r of references) {
    r.issuer ??= issuerFromSymbol(r.symbol)
    const mismatch = dateMismatch(r)
    if (mismatch) ctx.warn(mismatch)
  }
  return references
}

/**
 * A cited document's number states the year it was issued ("163/2024/QH15"): a date of another year
 * ("ngày 27 tháng 11 năm 2025") is a slip in one or the other, which a reader should check.
 */
function dateMismatch(reference: Reference): Warning | null {
  const numbered = NUMBER_YEAR_RE.exec(reference.id)?.[1]
  const dated = reference.date?.year
  if (numbered === undefined || dated == null || Number(numbered) === dated) return null
  const first = reference.occurrences[0]
  const { day, month } = reference.date ?? {}
  const date = [day, month, dated].filter((x) => x != null).join('/')
  return {
    code: 'reference-date-mismatch',
    message: `${reference.id} is dated ${date}, but its number says it was issued in ${numbered}`,
    path: first?.path ?? null,
    line: first?.line ?? null,
  }
}

/** The issuer a symbol names when the text does not: "QĐ-TTg" → Thủ tướng Chính phủ, "QH15" → Quốc hội. */
function issuerFromSymbol(symbol: string | null): string | null {
  const last = symbol?.split(/[-/]/).pop()?.replace(/\d+$/u, '') ?? ''
  return SYMBOL_ISSUERS[last] ?? null
}

/** Date, issuer and title from the words right after the id, where the first mention lacked them. */
function fillDetails(reference: Reference, rest: string): void {
  const head = rest.slice(0, 400)
  const next = head.search(NEXT_ID_RE)
  const own = next >= 0 ? head.slice(0, next) : head
  const date = findDate(own)
  if (!reference.date && date && date.index < 4) reference.date = date.date
  const after = date && date.index < 4 ? own.slice(date.index + date.text.length) : own
  const issuer = AFTER_RE.exec(after)?.groups?.issuer?.split(ISSUER_STOP)[0]
  if (!reference.issuer && issuer) reference.issuer = collapse(issuer)
  const afterIssuer = issuer ? after.slice(after.indexOf(issuer) + issuer.length) : after
  let title = TITLE_RE.exec(afterIssuer)?.groups?.title
  // "... về thực hiện Nghị quyết số 57-NQ/TW ...": the title names another document, so it runs on past that id.
  if (title && next >= 0 && DANGLING_KIND_RE.test(title)) {
    const onward = TITLE_RE.exec(head.slice(own.length - afterIssuer.length))?.groups?.title ?? title
    title = onward.split(/\.(?:\s|$)/u)[0]
  }
  // "(sau đây viết tắt là Thông tư số 25/2023/TT-BGDĐT)" names the document for the plan, not its title.
  title = title?.replace(SHORT_NAME_RE, '').split(TITLE_END_RE)[0]
  if (!reference.title && title && collapse(title) !== '')
    reference.title = collapse(title)
      .replace(/[”"]?\s*$/, (m) => m.trim())
      .replace(/(?<!\.)\.$/u, '')
}

function kindFromSymbol(symbol: string): string {
  // "QĐ-TTg" → QĐ; "KL/TW" (in "49-KL/TW") → KL.
  const head = symbol.split(/[-/]/)[0] ?? ''
  return SYMBOL_KINDS[head] ?? SYMBOL_KINDS[head.replace(/\d+$/, '')] ?? 'Văn bản'
}
