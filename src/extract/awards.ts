/** Award forms (Bằng khen, Giấy khen, ...) and quotas ("10 tập thể và 20 cá nhân"). */
import type { AwardForm, AwardQuota, Occasion, Section } from '../../schemas/plan.js'
import { AWARD_HEADS, OCCASIONS } from '../lexicon/awards.js'
import { alternation, collapse, fold } from '../normalize/text.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { type BodyTable, bodyTables } from './appendices.js'
import { sectionsWithRole } from './items.js'

const FORM_LIST_RE = /^Hình thức khen thưởng\s*:\s*(?<list>.+)$/iu
const AWARD_HEAD_RE = new RegExp(`^(?:${alternation(AWARD_HEADS)})(?![\\p{L}\\d])`, 'u')
// The kinds a count is of, in lower case, as counts and ranges name them.
const COUNT_KINDS = 'tập thể|cá nhân|hộ gia đình|gia đình'
// "10 tập thể", "05 (năm) cá nhân": the number may be spelled out after it in brackets.
const COUNT_RE = new RegExp(
  String.raw`(?<n>\d{1,5})\s*(?:\(\s*\p{Ll}+(?:\s+\p{Ll}+){0,3}\s*\)\s*)?(?<who>${COUNT_KINDS})`,
  'gu',
)
// "Tập thể: 05; cá nhân: 10": the kind first, as a label.
const LABEL_COUNT_RE =
  /(?<![\p{L}\d])(?<who>[Tt]ập thể|[Cc]á nhân|[Hh]ộ gia đình)\s*:\s*(?<n>\d{1,5})(?![\d%])/gu
const PERCENT_RE = /(?<n>\d{1,3}(?:,\d+)?)\s*%\s*(?:số\s+)?(?<who>tập thể|cá nhân)/gu
const YEAR_RE = /năm\s+(?<y>\d{4})/u
// The unit a quota is for: "mỗi xã, phường", "cho mỗi đơn vị trực thuộc", "/đơn vị"; up to three
// lower-case words more describe it, and a verb or a count ends it ("Mỗi huyện chọn 01 tập thể").
const PER_UNITS = [
  'xã, phường, thị trấn',
  'xã, phường',
  'phường, xã',
  'đơn vị',
  'thị trấn',
  'xã',
  'phường',
  'huyện',
  'quận',
  'cơ quan',
  'trường',
  'địa phương',
  'cụm',
  'khối',
]
const PER_STOPS = [
  'không',
  'tối',
  'được',
  'chọn',
  'xét',
  'đề',
  'khen',
  'tặng',
  'từ',
  'có',
  'là',
  'gồm',
  'với',
  'và',
]
const PER_RE = new RegExp(
  `(?:(?<![\\p{L}\\d])[Mm]ỗi|\\/)\\s*(?<unit>${alternation(PER_UNITS)})(?![\\p{L}\\d])` +
    `(?<more>(?:\\s+(?!(?:${alternation(PER_STOPS)})(?![\\p{L}\\d]))\\p{Ll}+){0,3})`,
  'u',
)
// An upper bound: said ("không quá", "tối đa"), or a range's end ("từ 3 - 5 tập thể", "03 đến 05 cá nhân").
const MAX_RE = new RegExp(
  String.raw`không quá|tối đa|(?<![\p{L}\d])\d{1,5}\s*(?:-|–|đến)\s*\d{1,5}\s*(?:${COUNT_KINDS})`,
  'u',
)

/** Occasions named in a text: sơ kết → interim, tổng kết → final, hằng năm → annual. */
export function occasionsIn(text: string): Occasion[] {
  const folded = fold(text)
  return OCCASIONS.filter(([word]) => folded.includes(fold(word)))
    .map(([, o]) => o)
    .filter((o, i, all) => all.indexOf(o) === i)
}

function awardSections(doc: Doc): Section[] {
  const roots = [
    ...sectionsWithRole(doc, 'awards'),
    ...sectionsWithRole(doc, 'awardForms'),
    ...sectionsWithRole(doc, 'awardQuotas'),
  ]
  const all = roots.flatMap((s) => flatten([s]))
  return all.filter((s, i) => all.indexOf(s) === i)
}

/** Forms from "Hình thức khen thưởng: A; B; C" lines and from award-named points of award sections. */
export function extractAwardForms(doc: Doc): AwardForm[] {
  const forms: AwardForm[] = []
  const sections = awardSections(doc)
  const add = (name: string, occasions: Occasion[], path: string, line: number) => {
    const clean = collapse(name).replace(/[.;:,]+$/, '')
    if (clean === '') return
    const known = forms.find((f) => f.name === clean && f.path === path)
    if (!known) forms.push({ name: clean, occasions, path, line })
    // A table gives one row per occasion of one form.
    else known.occasions = [...new Set([...known.occasions, ...occasions])]
  }
  for (const s of sections) {
    const context = [s.heading, ...s.items.map((i) => i.text)].join(' ')
    for (const item of s.items) {
      const list = FORM_LIST_RE.exec(item.text)?.groups?.list
      if (list) for (const name of list.split(/\s*;\s*/)) add(name, occasionsIn(s.heading), s.path, item.line)
    }
    if (AWARD_HEAD_RE.test(s.heading)) {
      add(s.heading.split(':')[0] ?? s.heading, occasionsIn(context), s.path, s.line)
    }
  }
  for (const { section, rows } of awardTables(doc, sections)) {
    for (const { row, named } of rows) {
      if (AWARD_HEAD_RE.test(named)) add(awardName(named), occasionsIn(rowText(row)), section.path, row.line)
    }
  }
  return forms.sort((a, b) => a.line - b.line)
}

/** Quotas: counts of collectives, individuals and households per award and occasion, in sentences and in tables. */
export function extractAwardQuotas(doc: Doc): AwardQuota[] {
  const quotas: AwardQuota[] = []
  const sections = awardSections(doc)
  const tableQuotas = quotaTables(awardTables(doc, sections))
  const inTables = new Set(tableQuotas.map((q) => q.line))
  for (const s of sections) {
    const award = AWARD_HEAD_RE.test(s.heading) ? collapse(s.heading.split(':')[0] ?? '') : null
    const texts = [{ text: s.heading, line: s.line }, ...s.items]
    for (const { text, line } of texts) {
      const quota = inTables.has(line) ? null : readQuota(text)
      if (!quota) continue
      quotas.push({ award: award ?? s.heading, ...quota, text, path: s.path, line })
    }
  }
  return [...quotas, ...tableQuotas].sort((a, b) => a.line - b.line)
}

type Kind = 'collectives' | 'individuals' | 'households'
const KIND_COLUMNS: readonly [Kind, RegExp][] = [
  ['collectives', /^(?:so luong\s+)?tap the(?![a-z])/u],
  ['individuals', /^(?:so luong\s+)?ca nhan(?![a-z])/u],
  ['households', /^(?:so luong\s+)?(?:ho )?gia dinh(?![a-z])/u],
]
const LEADING_COUNT_RE = /^(?:(?:không quá|tối đa)\s+)?(?<n>\d{1,5})(?![\d%,.])/u
// "Giấy khen của Chủ tịch UBND huyện (sơ kết năm 2026)": the bracket says when, not which award.
const WHEN_BRACKET_RE = /\s*\((?<when>[^()]*)\)\s*$/u

/** An award cell's name without a closing bracket that says when (an occasion or a year); another bracket stays. */
function awardName(cell: string): string {
  const when = WHEN_BRACKET_RE.exec(cell)?.groups?.when
  if (when === undefined || (occasionsIn(when).length === 0 && !YEAR_RE.test(when))) return cell
  return cell.replace(WHEN_BRACKET_RE, '')
}

type Row = BodyTable['rows'][number]

const rowText = (row: Row): string => row.cells.map((c) => collapse(c)).join(' | ')

/** A table of an award section: its rows, its header of kinds and that header's count columns. */
interface AwardTable {
  section: Section
  /** Each row with its first cell with words in it, outside the count columns: the award. */
  rows: { row: Row; named: string }[]
  /** The row that names the kinds, or -1. */
  headerAt: number
  /** The kind each count column holds; empty without a header. */
  columns: Map<Kind, number>
}

/** The tables of the award sections, each read once: its header of kinds, and each row's award name. */
function awardTables(doc: Doc, sections: readonly Section[]): AwardTable[] {
  return bodyTables(doc).flatMap((table) => {
    const section = sections.filter((s) => s.line <= table.line && table.line <= s.endLine).pop()
    if (!section) return []
    const headerAt = table.rows.findIndex((r) => kindColumns(r.cells).size > 0)
    const columns = kindColumns(table.rows[headerAt]?.cells ?? [])
    const counts = new Set(columns.values())
    const rows = table.rows.map((row) => {
      const named = row.cells.map((c) => collapse(c)).find((c, i) => !counts.has(i) && /\p{L}/u.test(c)) ?? ''
      return { row, named }
    })
    return [{ section, rows, headerAt, columns }]
  })
}

/**
 * Quotas of tables in award sections whose header names the kinds ("Hình thức | Tập thể | Cá nhân"):
 * one per row with a count, the award its first column that is not a count.
 */
function quotaTables(tables: readonly AwardTable[]): AwardQuota[] {
  return tables.flatMap(({ section, rows, headerAt, columns }) =>
    rows.slice(headerAt + 1).flatMap(({ row, named }): AwardQuota[] => {
      const counts = new Map<Kind, number>()
      let max = false
      for (const [kind, i] of columns) {
        const m = LEADING_COUNT_RE.exec(collapse(row.cells[i] ?? ''))
        if (!m?.groups) continue
        counts.set(kind, Number(m.groups.n))
        max ||= MAX_RE.test(m[0])
      }
      if (counts.size === 0) return []
      const text = rowText(row)
      const year = YEAR_RE.exec(text)?.groups?.y
      return [
        {
          award: named ? awardName(named) : section.heading,
          occasion: occasionsIn(text)[0] ?? null,
          year: year ? Number(year) : null,
          collectives: counts.get('collectives') ?? null,
          individuals: counts.get('individuals') ?? null,
          households: counts.get('households') ?? null,
          per: perUnit(text),
          max: max || MAX_RE.test(text),
          percent: null,
          text,
          path: section.path,
          line: row.line,
        },
      ]
    }),
  )
}

/** Whose count a word gives: "cá nhân" individuals, "tập thể" collectives, "(hộ) gia đình" households. */
function kindOf(who: string): Kind {
  const folded = fold(who)
  return folded === 'ca nhan' ? 'individuals' : folded === 'tap the' ? 'collectives' : 'households'
}

/** The columns of a header row that hold counts of a kind; empty for a row that is no such header. */
function kindColumns(cells: readonly string[]): Map<Kind, number> {
  const columns = new Map<Kind, number>()
  cells.forEach((cell, i) => {
    const text = fold(collapse(cell))
    if (/\d/u.test(text)) return
    const kind = KIND_COLUMNS.find(([, re]) => re.test(text))?.[0]
    if (kind && !columns.has(kind)) columns.set(kind, i)
  })
  return columns
}

type QuotaCounts = Omit<AwardQuota, 'award' | 'text' | 'path' | 'line'>

/** Counts in one sentence, or null when it has none. */
export function readQuota(text: string): QuotaCounts | null {
  const counts: Record<string, number> = {}
  for (const m of text.matchAll(COUNT_RE)) counts[kindOf(m.groups?.who ?? '')] = Number(m.groups?.n)
  for (const m of text.matchAll(LABEL_COUNT_RE)) counts[kindOf(m.groups?.who ?? '')] ??= Number(m.groups?.n)
  const percent: Record<string, number> = {}
  for (const m of text.matchAll(PERCENT_RE)) {
    percent[m.groups?.who === 'cá nhân' ? 'individuals' : 'collectives'] = Number(
      (m.groups?.n ?? '').replace(',', '.'),
    )
  }
  if (Object.keys(counts).length === 0 && Object.keys(percent).length === 0) return null
  const year = YEAR_RE.exec(text)?.groups?.y
  return {
    occasion: occasionsIn(text)[0] ?? null,
    year: year ? Number(year) : null,
    collectives: counts.collectives ?? null,
    individuals: counts.individuals ?? null,
    households: counts.households ?? null,
    per: perUnit(text),
    max: MAX_RE.test(text),
    percent:
      Object.keys(percent).length > 0
        ? { collectives: percent.collectives ?? null, individuals: percent.individuals ?? null }
        : null,
  }
}

/** The unit a quota is for, as "mỗi" and the unit: "mỗi xã, phường", "mỗi đơn vị" for "/đơn vị". */
function perUnit(text: string): string | null {
  const m = PER_RE.exec(text)
  return m?.groups ? `mỗi ${m.groups.unit}${m.groups.more ?? ''}` : null
}
