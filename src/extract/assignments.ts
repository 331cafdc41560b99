/** Who does what: one assignment per clause of the implementation section that names agencies. */
import type { Agency, Assignment, Item, Section, Task } from '../../schemas/plan.js'
import { HEAD_OF_TITLES } from '../lexicon/agencies.js'
import {
  ASSIGN_WORDS,
  CLOSING_OPENERS,
  CLOSING_VERBS,
  PARTNER_FILLERS,
  PARTNER_FORCES,
  PARTNER_OPENERS,
  REQUEST_WORDS,
  ROLE_VERBS,
  TASK_OPENINGS,
} from '../lexicon/verbs.js'
import { alternation } from '../normalize/text.js'
import type { Doc } from '../types.js'
import { agenciesAfter, leadingAgencies } from './agencies.js'
import { type Card, taskCards } from './cards.js'
import type { Context } from './context.js'

const NOT_WORD = '(?![\\p{L}\\d])'
const REQUEST_RE = new RegExp(`^\\s*(?:${alternation(REQUEST_WORDS)})${NOT_WORD}\\s*`, 'iu')
const ASSIGN_RE = new RegExp(`^\\s*(?:${alternation(ASSIGN_WORDS)})\\s+(?=\\p{Lu}|các\\s)`, 'u')
const HEAD_OF_RE = new RegExp(`^\\s*(?:${alternation(HEAD_OF_TITLES)})\\s+`, 'u')
// "Căn cứ Kế hoạch này, Giám đốc các Sở ...": an opening phrase before the clause's subject.
const OPENING_PHRASE_RE = /^\s*(?:Căn cứ|Trên cơ sở)[^,;:]{0,120},\s*/u
const ROLE_RE = new RegExp(`^(?<verb>${alternation(ROLE_VERBS.map(([w]) => w))})${NOT_WORD}`, 'iu')
const ROLES = new Map(ROLE_VERBS)
// The role verb that follows a task's opening phrase, at the start of a comma-separated segment.
const ROLE_AFTER_OPENING_RE = new RegExp(
  `^\\s*(?:${alternation(TASK_OPENINGS)})${NOT_WORD}[^;:.]{0,200}?,\\s*(?<verb>${alternation(ROLE_VERBS.map(([w]) => w))})${NOT_WORD}`,
  'iu',
)
// "phối hợp với cơ quan Công an": a filler before a force is passed over.
const PARTNER_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:${alternation(PARTNER_OPENERS)})\\s+(?:(?:${alternation(PARTNER_FILLERS)})\\s+(?=${alternation(PARTNER_FORCES)}))?`,
  'giu',
)
const CLOSING_RE = new RegExp(`^\\s*(?:${alternation(CLOSING_OPENERS)})${NOT_WORD}`, 'iu')
// A heading's rest this short, over items, is part of a title rather than a task.
const TITLE_REST_WORDS = 12
const CLOSING_VERB_RE = new RegExp(`^\\s*(?:${alternation(CLOSING_VERBS)})${NOT_WORD}`, 'u')

/** What a clause heading says: its agencies, whether they are asked rather than told, and the text after them. */
export interface ClauseHeading {
  agencies: Agency[]
  requested: boolean
  rest: string
}

/** Skip the words that may open a clause before its agencies: "Đề nghị", "Giao", "Thủ trưởng", "Căn cứ ..., ". */
export function subjectStart(text: string): { from: number; requested: boolean } {
  let from = 0
  let requested = false
  const skip = (re: RegExp): boolean => {
    const m = re.exec(text.slice(from))
    if (m) from += m[0].length
    return m !== null
  }
  skip(OPENING_PHRASE_RE)
  requested = skip(REQUEST_RE)
  if (!requested) skip(ASSIGN_RE)
  skip(HEAD_OF_RE)
  return { from, requested }
}

/** Agencies a clause heading opens with ("Sở Tài chính: ...", "Đề nghị Hội Khuyến học tỉnh chủ trì ..."), and the rest. */
export function parseClauseHeading(heading: string, ctx: Context): ClauseHeading {
  const { from, requested } = subjectStart(heading)
  const { agencies, end } = leadingAgencies(heading, ctx, from)
  if (agencies.length === 0) return { agencies, requested: false, rest: heading }
  return {
    agencies,
    requested,
    rest: heading
      .slice(end)
      .replace(/^[\s:,.–-]+/u, '')
      .trim(),
  }
}

/** A task's text without the agencies (and "Đề nghị"/"Giao") it opens with, so its verb comes first. */
function predicate(text: string, ctx: Context): string {
  const { from } = subjectStart(text)
  const { agencies, end } = leadingAgencies(text, ctx, from)
  return agencies.length > 0 ? text.slice(end).replace(/^[\s:,.–-]+/u, '') : text.trim()
}

/** The closing formula ("Trong quá trình tổ chức thực hiện, nếu có khó khăn ...", "Ủy ban nhân dân tỉnh yêu cầu ..."). */
function isClosing(text: string, ctx: Context): boolean {
  if (CLOSING_RE.test(text)) return true
  const { agencies, end } = leadingAgencies(text, ctx)
  return agencies.length > 0 && CLOSING_VERB_RE.test(text.slice(end))
}

/** One task: "Chủ trì ..." leads, "Phối hợp ..." coordinates, anything else is other. */
export function toTask(text: string, line: number, ctx: Context): Task {
  const rest = predicate(text, ctx)
  const opened = ROLE_AFTER_OPENING_RE.exec(rest) ?? ROLE_AFTER_OPENING_RE.exec(text)
  const verb = (ROLE_RE.exec(rest) ?? opened)?.groups?.verb
  const role = verb ? (ROLES.get(verb.toLocaleLowerCase('vi')) ?? 'other') : 'other'
  return { text, role, partners: agenciesAfter(text, PARTNER_RE, ctx), line }
}

/**
 * Whether the rest of a heading is a task: not when the heading is only a title over items and its rest is a
 * short fragment of the name ("Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan").
 */
function restIsTask(section: Section, rest: string): boolean {
  if (!rest) return false
  const titleOnly = section.items.length + section.children.length > 0 && !section.heading.includes(':')
  return !(
    titleOnly &&
    rest.split(/\s+/u).length <= TITLE_REST_WORDS &&
    !/[.;]$/u.test(rest) &&
    !ROLE_RE.test(rest)
  )
}

/** Tasks of a clause: the heading's rest, each paragraph or bullet, each point (its heading, or its items when it has none). */
function tasksOf(section: Section, rest: string, ctx: Context): Task[] {
  const tasks: Task[] = []
  if (restIsTask(section, rest)) tasks.push(toTask(rest, section.line, ctx))
  const items = (list: Item[]) =>
    list.filter((item) => !isClosing(item.text, ctx)).map((item) => toTask(item.text, item.line, ctx))
  tasks.push(...items(section.items))
  for (const point of section.children) {
    if (point.heading.trim()) tasks.push(toTask(point.heading, point.line, ctx))
    else tasks.push(...items(point.items))
  }
  return tasks
}

/** The assignment of a clause that names agencies; a clause that names none may hand the job to its points. */
function clauseAssignments(section: Section, ctx: Context): Assignment[] {
  const { agencies, requested, rest } = parseClauseHeading(section.heading, ctx)
  if (agencies.length === 0) return section.children.flatMap((point) => pointAssignment(point, ctx))
  return [{ agencies, requested, tasks: tasksOf(section, rest, ctx), path: section.path, line: section.line }]
}

/** A point of an agency-less clause ("a) Sở Nội vụ: ..."), as its own assignment. */
function pointAssignment(point: Section, ctx: Context): Assignment[] {
  const { agencies, requested, rest } = parseClauseHeading(point.heading, ctx)
  return agencies.length > 0
    ? [{ agencies, requested, tasks: tasksOf(point, rest, ctx), path: point.path, line: point.line }]
    : []
}

/** An implementation part with no numbered clauses: each paragraph that opens with agencies. */
function itemAssignments(part: Section, ctx: Context): Assignment[] {
  return part.items.flatMap((item) => {
    if (isClosing(item.text, ctx)) return []
    const { agencies, requested, rest } = parseClauseHeading(item.text, ctx)
    if (agencies.length === 0) return []
    const tasks = rest ? [toTask(rest, item.line, ctx)] : []
    return [{ agencies, requested, tasks, path: part.path, line: item.line }]
  })
}

/** Implementation parts, without those nested in another one. */
function implementationParts(doc: Doc): Section[] {
  const parts = doc.flat.filter((s) => s.role === 'implementation')
  return parts.filter((s) => !parts.some((p) => p !== s && s.path.startsWith(`${p.path}.`)))
}

/** A task card ("Đơn vị chủ trì: ..." fields, an appendix table row) as an assignment of its one task. */
function cardAssignment(card: Card): Assignment {
  const task: Task = { text: card.task, role: card.role, partners: card.partners, line: card.line }
  return { agencies: card.agencies, requested: false, tasks: [task], path: card.path, line: card.line }
}

/** Assignments from the implementation part and from task cards, in document order. */
export function extractAssignments(
  doc: Doc,
  ctx: Context,
  cards: Card[] = taskCards(doc, ctx),
): Assignment[] {
  const clauses = implementationParts(doc).flatMap((part) =>
    part.children.length > 0
      ? part.children.flatMap((clause) => clauseAssignments(clause, ctx))
      : itemAssignments(part, ctx),
  )
  // Appendix rows (paths "PL...") come after the body, whose lines they follow anyway.
  return [...clauses, ...cards.map(cardAssignment)].sort((a, b) => a.line - b.line)
}
