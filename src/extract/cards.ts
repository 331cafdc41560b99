/**
 * Task cards: a task with its lead, partners and time, as plans lay them out outside the implementation part,
 * either as labelled fields under the task ("Đơn vị chủ trì: Sở Tư pháp." / "Thời gian thực hiện: Năm 2026.")
 * or as the rows of an appendix task table (STT | task | lead | co-ordinating | time | product).
 */
import type { Agency, Appendix, Item, Section } from '../../schemas/plan.js'
import { COLUMN_WORDS, FIELD_LABELS, type FieldKind } from '../lexicon/fields.js'
import { ROLE_VERBS } from '../lexicon/verbs.js'
import { alternation, collapse, fold } from '../normalize/text.js'
import { romanValue } from '../structure/labels.js'
import type { Doc } from '../types.js'
import {
  headPortfolios,
  leadingAgencies,
  portfolioHeadOf,
  sharedHeadOf,
  splitAgencyList,
  toAgency,
} from './agencies.js'
import { bodyTables, cellSpan, extractAppendices } from './appendices.js'
import { type Context, emptyContext } from './context.js'

/** One task with who leads it, who works with the lead, and when it is due, with where each was read. */
export interface Card {
  task: string
  /** Agencies that carry the task out: the lead field, else the performer field. */
  agencies: Agency[]
  role: 'lead' | 'coordinate' | 'other'
  partners: Agency[]
  /** The time as written ("Tháng 12/2025", "Quý III Năm 2026", "Thường xuyên"). */
  time: { text: string; line: number } | null
  /** Whether the time was read from a table cell (no label of its own) rather than a labelled paragraph. */
  cell: boolean
  path: string
  line: number
  /** The task's last line, where it is known to run on (a table cell of several lines). */
  endLine?: number
  page?: number | undefined
}

const labelVariants = FIELD_LABELS.flatMap(([label, kind]): [string, FieldKind][] => [
  [label, kind],
  [label.charAt(0).toLocaleLowerCase('vi') + label.slice(1), kind],
])
const FIELD_KINDS = new Map(labelVariants)
// "Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp": a few lower-case words may follow the label before ":".
const FIELD_RE = new RegExp(
  `^(?:[-+•–]\\s*)?(?<label>${alternation(labelVariants.map(([l]) => l))})(?:\\s+\\p{Ll}+){0,4}\\s*:\\s*(?<value>\\S.*)$`,
  'u',
)
const ROLE_RE = new RegExp(
  `^[\\s,:-]*(?<verb>${alternation(ROLE_VERBS.map(([w]) => w))})(?![\\p{L}\\d])`,
  'iu',
)
const ROLES = new Map(ROLE_VERBS)

/** A labelled field ("Cơ quan chủ trì: Sở Nội vụ"), or null for an ordinary paragraph. */
export function parseField(text: string): { kind: FieldKind; value: string } | null {
  const m = FIELD_RE.exec(text)
  const kind = FIELD_KINDS.get(m?.groups?.label ?? '')
  return kind && m?.groups?.value ? { kind, value: m.groups.value.trim() } : null
}

/**
 * The agencies of a value that is only a list of them ("Sở Tư pháp; các cơ quan, đơn vị liên quan"): a piece
 * between semicolons that names no known head ("Doanh nghiệp, nhà cung cấp dịch vụ, nhà đầu tư") is still a
 * list of who does the task, so its comma-separated parts are taken as written.
 */
export function listAgencies(value: string, ctx: Context): Agency[] {
  // The head of "các Sở: Kế hoạch và Đầu tư; Tài chính" goes on over the semicolon, to the portfolios after it,
  // and so does that of a department before it ("Sở Nội vụ; Tư pháp").
  let head: string | null = null
  return value
    .replace(/[.;]\s*$/u, '')
    .split(/\s*;\s*/u)
    .filter((piece) => piece.trim() !== '')
    .flatMap((piece) => {
      const ofHead = head === null ? [] : headPortfolios(piece, head, ctx)
      if (ofHead.length > 0) return ofHead
      const found = splitAgencyList(piece, ctx)
      head = sharedHeadOf(piece) ?? portfolioHeadOf(found[found.length - 1]?.canonical ?? '')
      if (found.length > 0) return found
      return piece
        .split(/\s*,\s*/u)
        .filter((part) => /\p{L}/u.test(part))
        .map((part) => toAgency(part, ctx))
    })
}

/** The agencies a field's value opens with, and the role its verb gives them ("Sở Nội vụ chủ trì tham mưu ..."). */
function fieldAgencies(
  value: string,
  ctx: Context,
): { agencies: Agency[]; verb: Card['role']; said: boolean } {
  const { agencies, end } = leadingAgencies(value, ctx)
  const rest = value.slice(end)
  const verb = ROLE_RE.exec(rest)?.groups?.verb?.toLocaleLowerCase('vi')
  return { agencies, verb: (verb && ROLES.get(verb)) || 'other', said: /\p{L}/u.test(rest) }
}

/**
 * Who a performer field names, by clause: "Sở Nội vụ chủ trì tham mưu ...; Sở Tư pháp và các sở chủ động
 * triển khai ..." gives each clause's agencies their own role; a bare list is one group.
 */
function performers(value: string, ctx: Context): { agencies: Agency[]; verb: Card['role'] }[] {
  const clauses = value.split(/\s*;\s*/u).map((c) => fieldAgencies(c, ctx))
  if (!clauses.some((c) => c.said && c.agencies.length > 0))
    return [{ agencies: listAgencies(value, ctx), verb: 'other' }]
  return clauses.filter((c) => c.agencies.length > 0)
}

interface Draft {
  /** The paragraphs the fields follow: together they state the task. */
  task: Item[]
  fields: { kind: FieldKind; value: string; line: number }[]
}

/** Cards from a task and its fields (one per group that carries it out), none when no field names one. */
function toCards(draft: Draft, section: Section, ctx: Context): Card[] {
  const field = (kind: FieldKind) => draft.fields.find((f) => f.kind === kind)
  const lead = field('lead')
  const performer = field('performer')
  const source = lead ?? performer
  if (!source) return []
  const groups = lead
    ? [{ agencies: listAgencies(lead.value, ctx), verb: 'lead' as const }]
    : performers(source.value, ctx)
  const coordinate = field('coordinate')
  const content = field('content')
  const time = field('time')
  const first = draft.task[0]
  const page = first?.page ?? section.page
  return groups
    .filter((g) => g.agencies.length > 0)
    .map(({ agencies, verb }) => ({
      task: content?.value ?? (first ? draft.task.map((i) => i.text).join(' ') : section.heading),
      agencies,
      role: verb,
      partners: coordinate ? listAgencies(coordinate.value, ctx) : [],
      time: time ? { text: time.value, line: time.line } : null,
      cell: false,
      path: section.path,
      line: content?.line ?? first?.line ?? section.line,
      ...(page !== undefined ? { page } : {}),
    }))
}

/** Cards of one section: each run of fields belongs to the paragraphs before it, or to the heading. */
function sectionCards(section: Section, ctx: Context): Card[] {
  const drafts: Draft[] = []
  let current: Draft | null = null
  let pending: Item[] = []
  for (const item of section.items) {
    const field = parseField(item.text)
    if (!field) {
      // A paragraph after fields starts the next task.
      current = null
      pending.push(item)
      continue
    }
    if (!current || current.fields.some((f) => f.kind === field.kind)) {
      current = { task: pending, fields: [] }
      drafts.push(current)
      pending = []
    }
    current.fields.push({ ...field, line: item.line })
  }
  return drafts.flatMap((d) => toCards(d, section, ctx))
}

/** Sections outside the implementation part, whose clauses are assignments of their own. */
function cardSections(doc: Doc): Section[] {
  const implementation = doc.flat.filter((s) => s.role === 'implementation').map((s) => s.path)
  return doc.flat.filter((s) => !implementation.some((p) => s.path === p || s.path.startsWith(`${p}.`)))
}

type Column = FieldKind | 'number'

/** Which column holds what, from a header row; null when the row is no task-table header. */
export function tableColumns(cells: string[]): Map<Column, number> | null {
  const columns = new Map<Column, number>()
  cells.forEach((cell, i) => {
    const text = fold(collapse(cell))
    const kind = COLUMN_WORDS.find(([, re]) => re.test(text))?.[0]
    if (kind && !columns.has(kind)) columns.set(kind, i)
  })
  const hasWho = columns.has('lead') || columns.has('performer')
  return hasWho && columns.has('content') ? columns : null
}

/** Number of an appendix from its label ("Phụ lục 02" → 2, "Phụ lục II" → 2), else its place among them. */
function appendixNumber(appendix: Appendix, index: number): number {
  const label = appendix.label.replace(/^Phụ lục\s*/iu, '')
  if (/^\d+$/.test(label)) return Number(label)
  return romanValue(label) || index + 1
}

type Row = Appendix['rows'][number]

/** The task rows of a table (after its header), with their number and the group row above them. */
function taskRows(
  rows: Row[],
): { columns: Map<Column, number>; rows: { row: Row; label: string; group: string | null }[] } | null {
  let columns: Map<Column, number> | null = null
  let group: string | null = null
  const out: { row: Row; label: string; group: string | null }[] = []
  for (const row of rows) {
    const header = tableColumns(row.cells)
    if (header) {
      columns = header
      continue
    }
    if (!columns) continue
    const first = collapse(row.cells[0] ?? '').replace(/[.)]$/, '')
    // A group row ("I | NHÓM GIẢI PHÁP VỀ CƠ CHẾ"): fewer cells than the columns, or padded with empty ones
    // (as a pipe table's rows are).
    const filled = row.cells.filter((c) => collapse(c) !== '').length
    if (romanValue(first) > 0 && filled < columns.size) {
      group = first
      continue
    }
    if (/^\d{1,3}$/.test(first)) out.push({ row, label: first, group })
  }
  return columns ? { columns, rows: out } : null
}

/** Cards of a task table; `pathOf` names each row from its number, its group and whether numbers are unique. */
function tableCards(
  rows: Row[],
  pathOf: (label: string, group: string | null, unique: boolean) => string,
  ctx: Context,
): Card[] {
  const table = taskRows(rows)
  if (!table) return []
  const labels = table.rows.map((r) => r.label)
  const unique = new Set(labels).size === labels.length
  const cell = (cells: string[], kind: Column): string => {
    const i = table.columns.get(kind)
    return i === undefined ? '' : collapse(cells[i] ?? '')
  }
  // Where a cell stands: its own lines in a table flattened one cell per line.
  const spanOf = (row: Row, kind: Column): { line: number; endLine: number } => {
    const i = table.columns.get(kind)
    return i === undefined ? { line: row.line, endLine: row.line } : cellSpan(row, i)
  }
  return table.rows.flatMap(({ row, label, group }) => {
    const agencies = listAgencies(cell(row.cells, 'lead') || cell(row.cells, 'performer'), ctx)
    const task = cell(row.cells, 'content')
    if (agencies.length === 0 || task === '') return []
    const time = cell(row.cells, 'time')
    const content = spanOf(row, 'content')
    return [
      {
        task,
        agencies,
        role: cell(row.cells, 'lead') ? 'lead' : 'other',
        partners: listAgencies(cell(row.cells, 'coordinate'), ctx),
        time: time ? { text: time, line: spanOf(row, 'time').line } : null,
        cell: true,
        path: pathOf(label, group, unique),
        line: content.line,
        endLine: content.endLine,
      } satisfies Card,
    ]
  })
}

/** Cards of an appendix task table: one per numbered row, with path "PL1.3" (or "PL1.II.3" where numbers restart per group). */
function appendixCards(appendix: Appendix, index: number, ctx: Context): Card[] {
  const number = appendixNumber(appendix, index)
  const pathOf = (label: string, group: string | null, unique: boolean) =>
    unique || group === null ? `PL${number}.${label}` : `PL${number}.${group}.${label}`
  return tableCards(appendix.rows, pathOf, ctx)
}

/** Cards of task tables inside the body (outside the implementation part), with the path of the section that holds them. */
function bodyTableCards(doc: Doc, sections: Section[], ctx: Context): Card[] {
  return bodyTables(doc).flatMap((table) => {
    const section = sections.filter((s) => s.line <= table.line && table.line <= s.endLine).pop()
    return section ? tableCards(table.rows, () => section.path, ctx) : []
  })
}

/** The tasks of the plan's appendix task tables, each with its row's path ("PL1.3") and line. */
export function appendixTasks(doc: Doc, ctx: Context = emptyContext()): Card[] {
  return extractAppendices(doc).flatMap((a, i) => appendixCards(a, i, ctx))
}

/** Every task card of the plan: labelled fields and task tables in the body first, then appendix task tables. */
export function taskCards(doc: Doc, ctx: Context): Card[] {
  const sections = cardSections(doc)
  const body = [...sections.flatMap((s) => sectionCards(s, ctx)), ...bodyTableCards(doc, sections, ctx)]
  return [...body.sort((a, b) => a.line - b.line), ...appendixTasks(doc, ctx)]
}
