/** Numeric targets: "100% xã, phường đạt ...", "ít nhất 85% ... trước năm 2030", "7.080 tỷ đồng". */
import type { Target } from '../../schemas/plan.js'
import { TARGET_UNITS } from '../lexicon/targets.js'
import { alternation } from '../normalize/text.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { sectionsWithRole } from './items.js'

const UNIT_SOURCE = alternation(TARGET_UNITS)
const TARGET_RE = new RegExp(
  `(?<![\\d/.,])(?<value>\\d{1,3}(?:\\.\\d{3})+|\\d+(?:,\\d+)?)\\s*(?<unit>%|${UNIT_SOURCE})(?![\\p{L}])`,
  'gu',
)
const YEAR_RE = /(?:đến|trước|vào|trong)\s+năm\s+(?<y>\d{4})|năm\s+(?<y2>\d{4})/u

/** Vietnamese number: "." groups thousands, "," is the decimal mark. */
export function parseNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(',', '.'))
}

/** Targets in the objectives (and in any text of the body when the plan has no objectives section). */
export function extractTargets(doc: Doc): Target[] {
  const objectives = sectionsWithRole(doc, 'objectives')
  const scope = flatten(objectives.length > 0 ? objectives : doc.sections)
  const targets: Target[] = []
  for (const s of scope) {
    for (const { text, line } of [{ text: s.heading, line: s.line }, ...s.items]) {
      for (const m of text.matchAll(TARGET_RE)) {
        const value = parseNumber(m.groups?.value ?? '')
        const unit = m.groups?.unit ?? ''
        if (!Number.isFinite(value) || (unit === '%' && value > 100)) continue
        const year = YEAR_RE.exec(text.slice(m.index))?.groups
        targets.push({ text, value, unit, year: year ? Number(year.y ?? year.y2) : null, path: s.path, line })
      }
    }
  }
  return targets
}
