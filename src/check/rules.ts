/** The rules of `kh check`: each a pure function of the extracted plan, returning findings with their place. */
import type { Deadline, Due, Group, Plan, Section, Warning } from '../../schemas/plan.js'
import { alternation, collapse, sentences } from '../normalize/text.js'
import { flatten } from '../structure/sections.js'
import {
  PERIODIC_WORDS,
  REPORT_NOUN_AFTER,
  REPORT_OBJECTS,
  REPORT_VERB,
  SCHEDULE_ROLES,
  UNDATED_ON_PURPOSE,
} from './lexicon.js'

/** One problem a rule found; its severity comes from the table in severities.ts. */
export interface Finding {
  code: string
  message: string
  /** 1-based source line; null for the file as a whole. */
  line: number | null
  /** The last line the words at fault may be on, for a paragraph that spans lines. */
  endLine?: number
  /** The words at fault, for the column. */
  near?: RegExp | string
}

/** A rule: the plan in, its findings out. */
export type Rule = (plan: Plan) => Finding[]

const WORD_START = '(?<![\\p{L}\\d])'
const NOT_WORD = '(?![\\p{L}\\d])'
// How much of a clause a message quotes.
const MESSAGE_QUOTE = 70

// ---------------------------------------------------------------------------------------------------------
// Warnings the extractor already emits: reused as they are, each pointed at its words.

type Locator = (warning: Warning, plan: Plan) => RegExp | string | undefined

/** Where on its line each extractor warning points, by code. */
const LOCATORS: Readonly<Record<string, Locator>> = {
  'blank-number': () => '/',
  'blank-date': () => /ngày/u,
  'label-sequence': (w, plan) => labelAt(plan, w.line),
  'label-duplicate': (w, plan) => labelAt(plan, w.line),
  'unresolved-crossref': (w, plan) => crossRefAt(plan, w.line),
  'reference-date-mismatch': (w, plan) =>
    plan.references.find(
      (r) => w.message.startsWith(`${r.id} `) && r.occurrences.some((o) => o.line === w.line),
    )?.id,
}

/** The label of the section that starts on a line, as printed: "h)" or "4.". */
function labelAt(plan: Plan, line: number | null): string | undefined {
  const section = flatten(plan.sections).find((s) => s.line === line)
  if (!section) return undefined
  return /^\d|^[IVXL]+$/.test(section.label) ? `${section.label}.` : `${section.label})`
}

/** The cross-reference written in the criteria or standards item on a line. */
function crossRefAt(plan: Plan, line: number | null): string | undefined {
  const groups: Group[] = [...plan.criteria, ...plan.standards]
  for (const group of groups) {
    const item = group.items.find((i) => i.line === line)
    const ref = item && group.crossRefs.find((r) => item.text.includes(r.text))
    if (ref) return ref.text
  }
  return undefined
}

/** The extractor's own warnings (blank number and date, label sequences, cross-references, encodings). */
export const extractorWarnings: Rule = (plan) =>
  plan.warnings.map((w) => {
    const near = LOCATORS[w.code]?.(w, plan)
    const finding: Finding = { code: w.code, message: w.message, line: w.line }
    if (near !== undefined) finding.near = near
    return finding
  })

// ---------------------------------------------------------------------------------------------------------
// agency-without-task

/** Assignments that name agencies and give them nothing to do ("2. Sở Tài chính:" and then the next clause). */
export const agencyWithoutTask: Rule = (plan) =>
  plan.assignments
    .filter((a) => a.tasks.length === 0)
    .map((a) => {
      const names = a.agencies.map((x) => x.name)
      const them = names.length === 1 ? 'it' : 'them'
      return {
        code: 'agency-without-task',
        message: `clause ${a.path} names ${names.join(', ')} but gives ${them} no task`,
        line: a.line,
        ...(names[0] ? { near: names[0] } : {}),
      }
    })

// ---------------------------------------------------------------------------------------------------------
// deadline-incomplete

/** The parts each kind of due date needs to be put on a calendar; recurring kinds need no year. */
const NEEDED: Readonly<Record<Due['kind'], readonly ('year' | 'month' | 'day' | 'quarter')[]>> = {
  date: ['year', 'month', 'day'],
  month: ['year', 'month'],
  quarter: ['year', 'quarter'],
  year: ['year'],
  yearly: ['month'],
  monthly: ['day'],
}

const QUARTER_NAMES = ['', 'I', 'II', 'III', 'IV']

/** The due date as the plan writes it, roughly, and a pattern that finds it on the line. */
function dueWords(due: Due): { text: string; near: RegExp } {
  if (due.kind === 'quarter' && due.quarter !== null) {
    const roman = QUARTER_NAMES[due.quarter] ?? String(due.quarter)
    return {
      text: `Quý ${roman}`,
      near: new RegExp(`qu[ýíy]\\s+(?:${roman}|${due.quarter})${NOT_WORD}`, 'iu'),
    }
  }
  if (due.day !== null && due.month !== null) {
    const near = new RegExp(
      `${WORD_START}0?${due.day}\\s*(?:tháng\\s*|[/.-]\\s*)0?${due.month}${NOT_WORD}`,
      'u',
    )
    return { text: `${due.day}/${due.month}`, near }
  }
  if (due.month !== null)
    return { text: `tháng ${due.month}`, near: new RegExp(`tháng\\s*0?${due.month}`, 'u') }
  return { text: due.kind, near: /(?:ngày|tháng|năm|quý)/iu }
}

/** Deadlines that lack a part their kind needs: "trước ngày 15/12" or "trong Quý II" in a plan that spans years. */
export const deadlineIncomplete: Rule = (plan) =>
  plan.deadlines.flatMap((d: Deadline) => {
    const missing = NEEDED[d.due.kind].filter((part) => d.due[part] === null)
    if (missing.length === 0) return []
    const { text, near } = dueWords(d.due)
    const hint = missing.includes('year') ? ': name the year, or write "hằng năm" if it recurs' : ''
    return [
      {
        code: 'deadline-incomplete',
        message: `${d.action ? `"${d.action}"` : 'a deadline'} is due ${text} with no ${missing.join(' or ')}${hint}`,
        line: d.line,
        endLine: endLineOf(plan, d.line),
        near,
      },
    ]
  })

// ---------------------------------------------------------------------------------------------------------
// deadline-undated

const REPORT_RE = new RegExp(
  `${WORD_START}${REPORT_VERB}${NOT_WORD}(?!\\s+(?:${alternation(REPORT_NOUN_AFTER)})${NOT_WORD})`,
  'giu',
)
const OBJECT_AFTER_RE = new RegExp(`^\\s*(?:${alternation(REPORT_OBJECTS)})${NOT_WORD}`, 'iu')
const PERIODIC_RE = new RegExp(`${WORD_START}(?:${alternation(PERIODIC_WORDS)})${NOT_WORD}`, 'iu')
const EXEMPT_RE = new RegExp(`${WORD_START}(?:${alternation(UNDATED_ON_PURPOSE)})${NOT_WORD}`, 'iu')
// Any date, even a bare year or quarter: a clause that has one is dated, whether or not it parses as a deadline.
const DATE_RE =
  /(?<![\p{L}\d])(?:(?:ngày|tháng)\s*\d{1,2}|năm\s*\d{4}|qu[ýíy]\s+(?:IV|III|II|I|[1-4]))(?![\p{L}\d])|\d{1,2}\/\d{1,2}(?:\/\d{4})?(?!\d)/iu

/** A text of the plan with where it stands. */
interface Unit {
  text: string
  line: number
  endLine: number
}

/** A report a clause requires and does not date: its verb and object, and the clause from the verb on. */
interface Report {
  words: string
  text: string
}

/** The report a clause requires, or null when it requires none, is dated or is undated on purpose. */
function undatedReport(clause: string): Report | null {
  if (DATE_RE.test(clause) || EXEMPT_RE.test(clause)) return null
  for (const m of clause.matchAll(REPORT_RE)) {
    const after = clause.slice(m.index + m[0].length)
    const object = OBJECT_AFTER_RE.exec(after)
    if (!object && !PERIODIC_RE.test(after)) continue
    const words = collapse(`${m[0]}${object?.[0] ?? ''}`)
    return { words, text: shorten(clause.slice(m.index).replace(/[\s.,:]+$/u, '')) }
  }
  return null
}

/** At most about 70 characters, cut at a word. */
function shorten(text: string): string {
  const clean = collapse(text)
  return clean.length <= MESSAGE_QUOTE ? clean : `${clean.slice(0, MESSAGE_QUOTE).replace(/\s+\S*$/u, '')} …`
}

/** Clauses of a text: its sentences, split at semicolons, each its own obligation. */
function clauses(text: string): string[] {
  return sentences(text)
    .flatMap((sentence) => sentence.split(';'))
    .filter((c) => c.trim() !== '')
}

function undatedIn(unit: Unit): Finding[] {
  return clauses(unit.text).flatMap((clause) => {
    const report = undatedReport(clause)
    if (report === null) return []
    return [
      {
        code: 'deadline-undated',
        message: `the report "${report.text}" has no date`,
        line: unit.line,
        endLine: unit.endLine,
        near: report.words,
      },
    ]
  })
}

/** Sections of the implementation, reporting and timeline parts, with everything under them, each once. */
function scheduleSections(plan: Plan): Section[] {
  const roles: readonly string[] = SCHEDULE_ROLES
  const out = new Set<Section>()
  for (const part of flatten(plan.sections)) {
    if (part.role !== null && roles.includes(part.role)) for (const s of flatten([part])) out.add(s)
  }
  return [...out]
}

/**
 * Reports required without a date, clause by clause. A heading over a body ("10. Báo cáo kết quả triển
 * khai thực hiện") is only a title: it counts only when neither its body nor a deadline under it says more.
 */
export const deadlineUndated: Rule = (plan) =>
  scheduleSections(plan).flatMap((s) => {
    const body = s.items.flatMap((item) =>
      undatedIn({ text: item.text, line: item.line, endLine: item.endLine }),
    )
    const heading = undatedIn({ text: s.heading, line: s.line, endLine: s.line })
    const titled = s.items.length + s.children.length > 0
    if (!titled || heading.length === 0) return [...heading, ...body]
    const below = (d: Deadline) => d.path === s.path || (d.path ?? '').startsWith(`${s.path}.`)
    return body.length > 0 || plan.deadlines.some(below) ? body : heading
  })

/** The last line of the item or heading that starts on a line. */
function endLineOf(plan: Plan, line: number): number {
  for (const s of flatten(plan.sections)) {
    const item = s.items.find((i) => i.line === line)
    if (item) return item.endLine
  }
  return line
}

/** Every rule, in the order their findings are reported on one line. */
export const RULES: readonly Rule[] = [
  extractorWarnings,
  agencyWithoutTask,
  deadlineUndated,
  deadlineIncomplete,
]
