/** Item lists (purposes, requirements, objectives, contents, solutions) and groups (criteria, standards). */
import type { Group, Item, Section, SectionRole } from '../../schemas/plan.js'
import type { Doc } from '../types.js'
import type { Context } from './context.js'
import { findCrossRefs } from './crossrefs.js'

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
  const text = child.heading !== '' ? child.heading : (child.items[0]?.text ?? '')
  const item: Item = { text, path: child.path, line: child.line, endLine: child.endLine }
  if (child.page !== undefined) item.page = child.page
  return item
}

/** The numbered points of each section with the role or, where the plan does not number them, its paragraphs. */
export function extractItems(doc: Doc, role: Exclude<SectionRole, null>): Item[] {
  return sectionsWithRole(doc, role).flatMap((s) => itemsOf(s, role))
}

/** "Mục tiêu" → "Mục tiêu tổng quát", "Mục tiêu cụ thể": sub-headings with the same role are descended into. */
function itemsOf(section: Section, role: Exclude<SectionRole, null>): Item[] {
  if (section.children.length === 0) return section.items
  return section.children.flatMap((c) => (c.role === role ? itemsOf(c, role) : [childItem(c)]))
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
