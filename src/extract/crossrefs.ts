/** References inside the plan: "tại điểm a, b, khoản 1 Mục III của Kế hoạch này" → III.1.a, III.1.b. */
import type { CrossRef } from '../../schemas/plan.js'
import { POINT_LETTERS } from '../structure/labels.js'
import type { Context } from './context.js'

const LETTER = `[${POINT_LETTERS.join('')}]`
const LIST = (unit: string) => `${unit}(?:\\s*(?:,|và)\\s*${unit})*`
const CROSS_RE = new RegExp(
  [
    // Every part below is optional, so without this the pattern matches (empty) at every character.
    `(?=(?:tại|theo|ở)\\s|\\s*,?\\s*(?:điểm|khoản|Mục|mục|Phần|phần)\\s)`,
    `(?:(?:tại|theo|ở)\\s+)?`,
    `(?:điểm\\s+(?<points>${LIST(LETTER)})(?![\\p{L}\\d]))?\\s*,?\\s*`,
    `(?:khoản\\s+(?<clauses>${LIST('\\d{1,2}(?:\\.\\d{1,2})?')})(?![\\p{L}\\d]))?\\s*,?\\s*`,
    `(?:(?:Mục|mục|Phần|phần)\\s+(?<part>[IVXL]{1,6})(?![\\p{L}\\d]))?`,
    `(?<tail>\\s*(?:của\\s+)?(?:Kế hoạch|Điều|Luật|Nghị định|Thông tư|Quyết định|Nghị quyết)[^.;,]{0,20})?`,
  ].join(''),
  'gu',
)

const split = (list: string | undefined) => (list ? list.split(/\s*(?:,|và)\s*/u).filter(Boolean) : [])

/** Cross-references in one text, resolved against the section paths; unknown targets are warnings. */
export function findCrossRefs(text: string, where: { path: string; line: number }, ctx: Context): CrossRef[] {
  const out: CrossRef[] = []
  for (const m of text.matchAll(CROSS_RE)) {
    const g = m.groups ?? {}
    if (!g.points && !g.clauses && !g.part) continue
    // "khoản 1 Điều 5 Luật ..." points into another document.
    if (g.tail && !/Kế hoạch này/u.test(g.tail)) continue
    if (!g.part && !g.clauses) continue
    const here = where.path.split('.')
    const part = g.part ?? here[0] ?? ''
    const clauses = split(g.clauses)
    const bases = clauses.length > 0 ? clauses.map((c) => `${part}.${c}`) : [g.clauses ? '' : part]
    const points = split(g.points)
    const paths = points.length > 0 ? bases.flatMap((b) => points.map((p) => `${b}.${p}`)) : bases
    for (const p of paths) {
      if (ctx.byPath.size > 0 && !ctx.byPath.has(p)) {
        ctx.warn({
          code: 'unresolved-crossref',
          message: `"${m[0].trim()}" points to ${p}, which the plan does not have`,
          path: where.path,
          line: where.line,
        })
      }
    }
    out.push({ text: m[0].trim(), paths })
  }
  return out
}
