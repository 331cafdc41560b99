/** Item lists (purposes, requirements, objectives, contents, solutions) and groups (criteria, standards). */
import type { Group, Item, Section, SectionRole } from '../../schemas/plan.js'
import { joinsPurposesAndRequirements } from '../structure/roles.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { appendixTasks } from './cards.js'
import type { Context } from './context.js'
import { findCrossRefs } from './crossrefs.js'

// A heading that only sets a time horizon: "Đến năm 2030", "Định hướng đến năm 2035", "Giai đoạn 2026 - 2030".
const HORIZON_HEADING_RE =
  /^(?:(?:định hướng|tầm nhìn)\s+)?(?:đến|trước)\s+(?:hết\s+)?năm\s+\d{4}[.:]?$|^giai đoạn\s+\d{4}\s*[-–]\s*\d{4}[.:]?$/iu

// Roles whose points an appendix task table may hold instead of the body.
const TASK_ROLES = new Set<SectionRole>(['contents', 'solutions'])
const APPENDIX_WORD_RE = /phụ lục/iu

/** Sections with this role that are not inside another section with the same role. */
export function sectionsWithRole(doc: Doc, role: Exclude<SectionRole, null>): Section[] {
  const out: Section[] = []
  const visit = (sections: Section[]) => {
    for (const s of sections) {
      if (s.role === role) out.push(s)
      else visit(s.children)
    }
  }
  visit(doc.sections)
  return out
}

/** A numbered child as an item: its heading, or its first paragraph when the label stands alone. */
function childItem(child: Section): Item {
  return sectionItem(child, child.heading !== '' ? child.heading : (child.items[0]?.text ?? ''))
}

/**
 * A numbered clause as one item of a list: its whole text, from its title through every paragraph and point
 * under it ("1. Hoàn thiện thể chế" with its points a), b), c)), as its lines run; labels left out.
 */
function clauseItem(clause: Section): Item {
  return sectionItem(clause, sectionText(clause))
}

/** A section's whole text: its heading, then every paragraph and point under it, labels left out. */
export function sectionText(section: Section): string {
  return joinSentences([section.heading, ...bodyTexts(section)])
}

// A title has no full stop of its own ("Hoàn thiện thể chế"): one goes after it, so it does not run into the text under it.
const SENTENCE_END_RE = /[.:;!?…]["”’)]*$/u

function joinSentences(pieces: readonly string[]): string {
  let text = ''
  for (const piece of pieces) {
    if (piece === '') continue
    text = text === '' ? piece : `${text}${SENTENCE_END_RE.test(text) ? '' : '.'} ${piece}`
  }
  return text
}

function bodyTexts(section: Section): string[] {
  return [
    ...section.items.map((i) => i.text),
    ...section.children.flatMap((c) => [c.heading, ...bodyTexts(c)]),
  ]
}

function sectionItem(section: Section, text: string): Item {
  const item: Item = { text, path: section.path, line: section.line, endLine: section.endLine }
  if (section.page !== undefined) item.page = section.page
  return item
}

// What a requirement says and a purpose does not: what must be ("phải", "cần"; not "sự cần thiết").
const MUST_RE = /(?<!\p{L})(?:phải|cần(?!\s+thiết))(?!\p{L})/u

/**
 * "I. MỤC ĐÍCH, YÊU CẦU" whose clauses carry no title of their own ("1. Tiếp tục đẩy mạnh ...", "3. Công tác ...
 * cần phải ..."): the plan states its purposes first, then its requirements, which say what must be. The first
 * clause is a purpose; from the first later one saying "phải" or "cần", they are requirements. Nothing lost:
 * where none says so, every clause counts as a purpose.
 */
function untitledItems(doc: Doc, role: 'purposes' | 'requirements'): { line: number; items: Item[] }[] {
  const titled = (s: Section) => s.children.some((c) => c.role === 'purposes' || c.role === 'requirements')
  return flatten(doc.sections)
    .filter((s) => joinsPurposesAndRequirements(s) && !titled(s))
    .map((s) => {
      const items = itemsOf(s, 'purposes')
      const found = items.findIndex((item, i) => i > 0 && MUST_RE.test(item.text))
      const split = found === -1 ? items.length : found
      return { line: s.line, items: role === 'purposes' ? items.slice(0, split) : items.slice(split) }
    })
}

/** "III. NHIỆM VỤ VÀ GIẢI PHÁP (chi tiết tại Phụ lục)" with nothing under it: its points are the appendix's task rows. */
function inAppendix(section: Section, doc: Doc): Item[] {
  if (section.items.length + section.children.length > 0 || !APPENDIX_WORD_RE.test(section.heading)) return []
  return appendixTasks(doc).map((t) => ({
    text: t.task,
    path: t.path,
    line: t.line,
    endLine: t.endLine ?? t.line,
  }))
}

/** The numbered points of each section with the role or, where the plan does not number them, its paragraphs. */
export function extractItems(doc: Doc, role: Exclude<SectionRole, null>): Item[] {
  const lists = sectionsWithRole(doc, role).map((s) => ({
    line: s.line,
    items: TASK_ROLES.has(role) ? [...itemsOf(s, role), ...inAppendix(s, doc)] : itemsOf(s, role),
  }))
  if (role === 'purposes' || role === 'requirements') lists.push(...untitledItems(doc, role))
  return lists.sort((a, b) => a.line - b.line).flatMap((l) => l.items)
}

/**
 * "Mục tiêu" → "Mục tiêu tổng quát", "Mục tiêu cụ thể": sub-headings with the same role are descended into,
 * and so are those that only set a horizon ("Đến năm 2030", "Giai đoạn 2026 - 2030") for the points under them.
 */
function itemsOf(section: Section, role: Exclude<SectionRole, null>): Item[] {
  if (section.children.length === 0) return section.items
  return section.children.flatMap((c) =>
    c.role === role || (HORIZON_HEADING_RE.test(c.heading) && c.items.length + c.children.length > 0)
      ? itemsOf(c, role)
      : [clauseItem(c)],
  )
}

/** Criteria or standards: one group per point under the section (or the section itself when it has none). */
export function extractGroups(doc: Doc, role: 'criteria' | 'standards', ctx: Context): Group[] {
  return sectionsWithRole(doc, role).flatMap((s) => {
    const targets = s.children.length > 0 ? s.children : [s]
    return targets.map((t) => {
      const items = t === s ? t.items : [...t.items, ...t.children.map(childItem)]
      return {
        path: t.path,
        label: t.label,
        target: t.heading,
        items,
        crossRefs: items.flatMap((item) => findCrossRefs(item.text, item, ctx)),
      }
    })
  })
}
