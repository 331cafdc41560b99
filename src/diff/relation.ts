/** How the two plans relate: the levels of their issuers, and whether the child cites the parent. */
import type { Citation, LevelRelation } from '../../schemas/diff.js'
import type { Level, Meta, Plan, Reference } from '../../schemas/plan.js'
import { fold } from '../normalize/text.js'
import { relativeLevel } from './agencies.js'
import { keysOf, textSimilarity } from './similarity.js'

// Issuer abbreviations as references print them ("của UBND tỉnh Bà Rịa-Vũng Tàu").
const ISSUER_ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/\bHĐND\b/gu, 'Hội đồng nhân dân'],
]

// A reference whose title is at least this similar to the parent's title names the parent (with its issuer).
const TITLE_THRESHOLD = 0.5

/** The child issuer's level against the parent issuer's: "below" by `steps` levels, the same, or above. */
export function levelRelation(child: Level, parent: Level): LevelRelation {
  const steps = relativeLevel(child, parent)
  if (steps === null) {
    return {
      relation: 'unknown',
      steps: null,
      text: `levels unknown (child ${child ?? '?'}, parent ${parent ?? '?'})`,
    }
  }
  if (steps === 0) return { relation: 'same', steps, text: `both plans are ${child}-level` }
  const relation = steps > 0 ? 'below' : 'above'
  const count = Math.abs(steps) === 1 ? 'one level' : `${Math.abs(steps)} levels`
  return { relation, steps, text: `the child (${child}) is ${count} ${relation} the parent (${parent})` }
}

/**
 * Whether the child cites the parent among its legal bases: by the parent's
 * number and symbol, or, when the parent's number is blank (a draft or an
 * unsigned copy), by its issuer and a similar title.
 */
export function citation(child: Plan, parent: Plan): Citation {
  const bases = child.references.filter((r) => r.isLegalBasis)
  const by = parent.meta.number ? 'number' : 'issuer-title'
  const match = bases.find((r) =>
    by === 'number' ? citesByNumber(r, parent.meta) : citesByIssuerTitle(r, parent.meta),
  )
  return {
    cited: match !== undefined,
    by,
    reference: match?.id ?? null,
    line: match?.occurrences[0]?.line ?? null,
    legalBases: bases.map((r) => r.id),
  }
}

function citesByNumber(ref: Reference, meta: Meta): boolean {
  return ref.number === meta.number && symbolKey(ref.symbol) === symbolKey(meta.symbol)
}

function citesByIssuerTitle(ref: Reference, meta: Meta): boolean {
  if (!ref.title || !meta.issuer.name) return false
  if (!ref.issuer || !sameIssuer(ref.issuer, meta.issuer.name)) return false
  const title = meta.attachedTitle ?? meta.title
  return textSimilarity(ref.title, title) >= TITLE_THRESHOLD
}

// "UBND tỉnh" names the parent "Ủy ban nhân dân tỉnh Hà Nam" when it leaves out the locality.
function sameIssuer(refIssuer: string, parentIssuer: string): boolean {
  const a = keysOf(expandIssuer(refIssuer))
  const b = keysOf(parentIssuer)
  return (
    a.length > 0 &&
    a.length <= b.length &&
    a.every((k, i) => k === b[i]) &&
    (a.length === b.length || a.length >= 5)
  )
}

function expandIssuer(issuer: string): string {
  return ISSUER_ABBREVIATIONS.reduce((text, [re, full]) => text.replace(re, full), issuer)
}

function symbolKey(symbol: string | null): string {
  return fold(symbol ?? '').replace(/\s+/g, '')
}
