/**
 * Plan → the rows of every export table. Pure: the caller says where ids start,
 * so the SQLite and the CSV writers number rows the same way and foreign keys agree.
 */
import type { Agency, Deadline, Plan, Section } from '../../schemas/plan.js'
import { collapse, fold } from '../normalize/text.js'
import { type Row, type Rows, TABLES, type TableName, type Value } from './schema.js'

/** The next free id of every table. */
export type Ids = Record<TableName, number>

// Columns every fact row gets from the plan, and the one computed from the others.
type Given = 'id' | 'plan_id' | 'source_path' | 'search'
type Fields<N extends Exclude<TableName, 'plans'>> = Omit<Row<N>, Given>
type Add = <N extends Exclude<TableName, 'plans'>>(table: N, fields: Fields<N>) => number

const ITEM_KINDS = ['purposes', 'requirements', 'objectives', 'contents', 'solutions'] as const
const GROUP_KINDS = ['criteria', 'standards'] as const

/** Ids starting at 1, for a new database or CSV folder. */
export function firstIds(): Ids {
  return Object.fromEntries(TABLES.map((t) => [t.name, 1])) as Ids
}

/** Ids after `rows`: where the next plan's rows start. */
export function idsAfter(ids: Readonly<Ids>, rows: Rows): Ids {
  return Object.fromEntries(TABLES.map((t) => [t.name, ids[t.name] + rows[t.name].length])) as Ids
}

/** What a re-export of the same plan replaces: its source path, or its content hash when it has none. */
export function planKey(plan: Plan): string {
  return plan.source.path ?? `sha256:${plan.source.sha256}`
}

/** Lower-case ASCII of the table's text columns: the `search` column. */
function searchText(names: readonly string[], row: Readonly<Record<string, Value>>): string {
  const parts = names.map((name) => row[name]).filter((v): v is string => typeof v === 'string')
  return fold(collapse(parts.join(' ')))
}

/** Every row of one plan, ids counting up from `next` (which is left unchanged). */
export function planRows(plan: Plan, next: Readonly<Ids>): Rows {
  const ids = { ...next }
  const rows = Object.fromEntries(TABLES.map((t) => [t.name, []])) as unknown as Rows
  const planId = ids.plans++
  const search = Object.fromEntries(TABLES.map((t) => [t.name, t.searchOf])) as Record<
    TableName,
    readonly string[]
  >
  const plansRow = planRow(plan, planId)
  rows.plans.push({ ...plansRow, search: searchText(search.plans, plansRow) })
  const add: Add = (table, fields) => {
    const id = ids[table]++
    const row = { id, plan_id: planId, source_path: plan.source.path, ...fields }
    ;(rows[table] as Record<string, Value>[]).push({ ...row, search: searchText(search[table], row) })
    return id
  }
  for (const step of STEPS) step(plan, add)
  return rows
}

function planRow(plan: Plan, id: number): Omit<Row<'plans'>, 'search'> {
  const { meta, source } = plan
  return {
    id,
    key: planKey(plan),
    source_path: source.path,
    line: 1,
    sha256: source.sha256,
    format: source.format,
    bytes: source.bytes,
    pages: source.pages,
    kind: meta.kind,
    number: meta.number,
    symbol: meta.symbol,
    issuer: meta.issuer.name,
    issuer_level: meta.issuer.level,
    locality: meta.issuer.locality,
    place: meta.place,
    date: meta.date.iso,
    year: meta.date.year,
    month: meta.date.month,
    day: meta.date.day,
    title: meta.title,
    attached_title: meta.attachedTitle ?? null,
    campaign: meta.campaign?.name ?? null,
    campaign_start: meta.campaign?.startYear ?? null,
    campaign_end: meta.campaign?.endYear ?? null,
    signer: meta.signer?.name ?? null,
    signer_title: meta.signer?.title ?? null,
    warnings: plan.warnings.length,
  }
}

function addSections(plan: Plan, add: Add): void {
  const visit = (sections: Section[], parent: string | null) => {
    for (const s of sections) {
      add('sections', {
        line: s.line,
        end_line: s.endLine,
        page: s.page ?? null,
        path: s.path,
        parent_path: parent,
        label: s.label,
        depth: s.depth,
        heading: s.heading,
        role: s.role,
      })
      visit(s.children, s.path)
    }
  }
  visit(plan.sections, null)
}

function addItems(plan: Plan, add: Add): void {
  for (const kind of ITEM_KINDS) {
    for (const item of plan[kind]) {
      const { line, endLine, page, path, text } = item
      add('items', { line, end_line: endLine, page: page ?? null, kind, path, text })
    }
  }
}

function addCriteria(plan: Plan, add: Add): void {
  for (const kind of GROUP_KINDS) {
    for (const group of plan[kind]) {
      for (const item of group.items) {
        add('criteria', {
          line: item.line,
          end_line: item.endLine,
          page: item.page ?? null,
          kind,
          group_path: group.path,
          group_label: group.label,
          target: group.target,
          path: item.path,
          text: item.text,
        })
      }
    }
  }
}

function addQuotas(plan: Plan, add: Add): void {
  for (const q of plan.awards.quotas) {
    add('quotas', {
      line: q.line,
      path: q.path,
      award: q.award,
      occasion: q.occasion,
      year: q.year,
      collectives: q.collectives,
      individuals: q.individuals,
      households: q.households,
      per: q.per,
      max: flag(q.max),
      percent_collectives: q.percent?.collectives ?? null,
      percent_individuals: q.percent?.individuals ?? null,
      text: q.text,
    })
  }
}

function addPhases(plan: Plan, add: Add): void {
  for (const p of plan.phases) {
    add('phases', {
      line: p.line,
      path: p.path,
      label: p.label,
      start_year: p.startYear,
      end_year: p.endYear,
      text: p.text,
    })
  }
}

function addDeadlines(plan: Plan, add: Add): void {
  for (const d of plan.deadlines) {
    const id = add('deadlines', deadlineFields(d))
    const where = { path: d.path, line: d.line, assignment_id: null, task_id: null, deadline_id: id }
    addAgencies(add, d.actors, 'actor', where)
    addAgencies(add, d.recipients, 'recipient', where)
  }
}

function deadlineFields(d: Deadline): Fields<'deadlines'> {
  return {
    line: d.line,
    page: d.page ?? null,
    path: d.path,
    action: d.action,
    due_kind: d.due.kind,
    due_year: d.due.year,
    due_month: d.due.month,
    due_day: d.due.day,
    due_quarter: d.due.quarter,
    relation: d.relation,
    actors: names(d.actors),
    recipients: names(d.recipients),
    text: d.text,
  }
}

function addAssignments(plan: Plan, add: Add): void {
  for (const a of plan.assignments) {
    const assignmentId = add('assignments', {
      line: a.line,
      path: a.path,
      requested: flag(a.requested),
      agencies: names(a.agencies),
    })
    const where = {
      path: a.path,
      line: a.line,
      assignment_id: assignmentId,
      task_id: null,
      deadline_id: null,
    }
    addAgencies(add, a.agencies, 'assignee', where)
    for (const t of a.tasks) {
      const taskId = add('tasks', {
        line: t.line,
        assignment_id: assignmentId,
        path: a.path,
        role: t.role,
        partners: names(t.partners),
        text: t.text,
      })
      addAgencies(add, t.partners, 'partner', { ...where, line: t.line, task_id: taskId })
    }
  }
}

type AgencyWhere = Pick<Fields<'agencies'>, 'path' | 'line' | 'assignment_id' | 'task_id' | 'deadline_id'>

function addAgencies(add: Add, agencies: Agency[], role: string, where: AgencyWhere): void {
  for (const a of agencies) {
    add('agencies', { ...where, role, name: a.name, canonical: a.canonical, key: a.key, level: a.level })
  }
}

function addReferences(plan: Plan, add: Add): void {
  for (const r of plan.references) {
    const first = r.occurrences[0]
    add('references', {
      line: first?.line ?? null,
      path: first?.path ?? null,
      citation: r.id,
      kind: r.kind,
      number: r.number,
      symbol: r.symbol,
      date: r.date?.iso ?? null,
      year: r.date?.year ?? null,
      issuer: r.issuer,
      title: r.title,
      legal_basis: flag(r.isLegalBasis),
      occurrences: r.occurrences.length,
    })
  }
}

// One step per fact kind, in table order so ids grow the way tables are created.
const STEPS: readonly ((plan: Plan, add: Add) => void)[] = [
  addSections,
  addItems,
  addCriteria,
  addQuotas,
  addPhases,
  addDeadlines,
  addAssignments,
  addReferences,
]

// SQLite has no boolean: 1 and 0, as its own functions return.
function flag(value: boolean): number {
  return value ? 1 : 0
}

function names(agencies: Agency[]): string | null {
  return agencies.length === 0 ? null : agencies.map((a) => a.canonical).join('; ')
}
