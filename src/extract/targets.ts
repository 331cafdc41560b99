/** Numeric targets: "100% xã, phường đạt ...", "ít nhất 85% ... trước năm 2030", "7.080 tỷ đồng". */
import type { Section, Target } from '../../schemas/plan.js'
import { TARGET_UNITS } from '../lexicon/targets.js'
import { alternation } from '../normalize/text.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { sectionsWithRole } from './items.js'
import { headingSpan, lineOfFact } from './lines.js'

const UNIT_SOURCE = alternation(TARGET_UNITS)
// "top 03 vùng" is a rank, not a count.
const TARGET_RE = new RegExp(
  `(?<![\\d/.,])(?<![Tt][oố]p\\s+)(?<value>\\d{1,3}(?:\\.\\d{3})+|\\d+(?:,\\d+)?)\\s*(?<unit>%|${UNIT_SOURCE})(?![\\p{L}])`,
  'gu',
)
const BASELINE_RE = /^(?:Hiện nay|Hiện tại)(?!\p{L})/u
const YEAR_RE = /(?:đến|trước|vào|trong)\s+năm\s+(?<y>\d{4})|năm\s+(?<y2>\d{4})/gu
// A horizon stated before the number or in a heading above it: "đến năm 2030", "giai đoạn 2026 - 2030" (its end).
const HORIZON_RE =
  /(?:đến|trước|tới)\s+(?:hết\s+)?năm\s+(?<y>\d{4})|giai đoạn\s+\d{4}\s*[-–]\s*(?<end>\d{4})/giu

/** Vietnamese number: "." groups thousands, "," is the decimal mark. */
export function parseNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(',', '.'))
}

/** The last horizon year a text states, or null. */
function horizon(text: string): number | null {
  const found = [...text.matchAll(HORIZON_RE)].pop()?.groups
  return found ? Number(found.y ?? found.end) : null
}

/** Sections by path, to read the headings above a target. */
function headingsAbove(path: string, byPath: Map<string, Section>): string[] {
  const parts = path.split('.')
  return parts.map((_, i) => byPath.get(parts.slice(0, parts.length - i).join('.'))?.heading ?? '')
}

/** Targets in the objectives (and in any text of the body when the plan has no objectives section). */
export function extractTargets(doc: Doc): Target[] {
  const objectives = sectionsWithRole(doc, 'objectives')
  const scope = flatten(objectives.length > 0 ? objectives : doc.sections)
  const byPath = new Map(flatten(doc.sections).map((s) => [s.path, s]))
  const targets: Target[] = []
  for (const s of scope) {
    // "2. Mục tiêu đến năm 2030" dates the targets under it that state no year of their own.
    let inherited: number | null | undefined
    const inheritedYear = () => {
      if (inherited === undefined)
        inherited =
          headingsAbove(s.path, byPath)
            .map(horizon)
            .find((y) => y !== null) ?? null
      return inherited
    }
    for (const { text, span } of [
      { text: s.heading, span: headingSpan(s) },
      ...s.items.map((i) => ({ text: i.text, span: i })),
    ]) {
      // Every target is a number; a paragraph of how things are now ("Hiện nay ... khoảng 180 trạm") sets none.
      if (!/\d/u.test(text) || BASELINE_RE.test(text)) continue
      // Each text is scanned once for years and horizons: one scan per target is quadratic on a long line.
      const years = [...text.matchAll(YEAR_RE)]
      const horizons = [...text.matchAll(HORIZON_RE)]
      let y = 0
      let h = 0
      for (const m of text.matchAll(TARGET_RE)) {
        const value = parseNumber(m.groups?.value ?? '')
        const unit = m.groups?.unit ?? ''
        if (!Number.isFinite(value) || (unit === '%' && value > 100)) continue
        // Targets come in order: move both cursors forward instead of searching from the start.
        while ((years[y]?.index ?? Number.POSITIVE_INFINITY) < m.index) y++
        while ((horizons[h]?.index ?? Number.POSITIVE_INFINITY) + (horizons[h]?.[0].length ?? 0) <= m.index)
          h++
        const after = years[y]?.groups
        const before = horizons[h - 1]?.groups
        const stated = before ? Number(before.y ?? before.end) : null
        const year = after ? Number(after.y ?? after.y2) : (stated ?? inheritedYear())
        const line = lineOfFact(doc, span, text.slice(0, m.index), text.slice(m.index))
        targets.push({ text, value, unit, year, path: s.path, line })
      }
    }
  }
  return targets
}
