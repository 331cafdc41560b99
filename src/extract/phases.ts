/** Phases of the timeline: "Giai đoạn 1 (từ 2023 - 2025)". */
import type { Phase } from '../../schemas/plan.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { sectionsWithRole, sectionText } from './items.js'

const PHASE_RE =
  /^(?<label>(?:Giai đoạn|Đợt|Bước)\s+(?:\d{1,2}|[IVX]{1,4}))(?![\p{L}\d])[^\d]{0,20}?(?:năm\s+)?(?<start>\d{4})(?:\s*(?:-|–|đến|đến năm)\s*(?:năm\s+)?(?<end>\d{4}))?/iu
const RANGE_ONLY_RE = /^(?<label>Giai đoạn)\s+(?<start>\d{4})\s*(?:-|–|đến)\s*(?<end>\d{4})/iu

/**
 * One phase per "Giai đoạn ..." heading or item of the timeline (or anywhere, when there is no timeline section),
 * its text the heading's section whole (what the phase commits to) or the item.
 */
export function extractPhases(doc: Doc): Phase[] {
  const timeline = sectionsWithRole(doc, 'timeline')
  const scope = flatten(timeline.length > 0 ? timeline : doc.sections)
  const phases: Phase[] = []
  for (const s of scope) {
    const candidates = [
      { text: s.heading, line: s.line, whole: () => sectionText(s) },
      ...s.items.map((i) => ({ text: i.text, line: i.line, whole: () => i.text })),
    ]
    for (const c of candidates) {
      const m = PHASE_RE.exec(c.text) ?? RANGE_ONLY_RE.exec(c.text)
      if (!m?.groups) continue
      const start = Number(m.groups.start)
      const end = m.groups.end ? Number(m.groups.end) : null
      phases.push({
        label:
          m.groups.label === 'Giai đoạn' || !m.groups.label
            ? `Giai đoạn ${start}${end ? `-${end}` : ''}`
            : m.groups.label,
        startYear: start,
        endYear: end,
        text: c.whole(),
        path: s.path,
        line: c.line,
      })
    }
  }
  return phases
}
