/** `diffPlans`: every category aligned and compared, plus how the two plans relate. */
import {
  CATEGORIES,
  type Category,
  type Counts,
  DIFF_SCHEMA_VERSION,
  type Pair,
  type PlanDiff,
  type PlanRef,
} from '../../schemas/diff.js'
import type { Plan } from '../../schemas/plan.js'
import { align, bestOf, DEFAULT_THRESHOLD, documentOrder } from './align.js'
import { CATEGORY_SPECS, type CategorySpec, type DiffContext, type Entry, type ItemOf } from './categories.js'
import { citation, levelRelation } from './relation.js'
import { Interner, profile, similarity } from './similarity.js'

/** Options of `diffPlans`. */
export interface DiffOptions {
  /** Items less similar than this are never paired (default 0.4, see align.ts). */
  threshold?: number
}

/** Compare a lower-level plan (child) with the plan it implements (parent). */
export function diffPlans(child: Plan, parent: Plan, options: DiffOptions = {}): PlanDiff {
  const ctx: DiffContext = {
    levels: { parent: parent.meta.issuer.level, child: child.meta.issuer.level },
    interner: new Interner(),
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
  }
  const categories = Object.fromEntries(
    CATEGORIES.map((category) => [category, compareCategory(category, child, parent, ctx)]),
  ) as Record<Category, Pair[]>
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    child: planRef(child),
    parent: planRef(parent),
    levels: levelRelation(child.meta.issuer.level, parent.meta.issuer.level),
    citation: citation(child, parent),
    threshold: ctx.threshold,
    summary: Object.fromEntries(CATEGORIES.map((c) => [c, countPairs(categories[c])])) as Record<
      Category,
      Counts
    >,
    ...categories,
  }
}

/** How many pairs of each status. */
export function countPairs(pairs: readonly Pair[]): Counts {
  const counts: Counts = { same: 0, changed: 0, added: 0, removed: 0 }
  for (const pair of pairs) counts[pair.status]++
  return counts
}

function compareCategory<K extends Category>(
  category: K,
  child: Plan,
  parent: Plan,
  ctx: DiffContext,
): Pair[] {
  return comparePairs(CATEGORY_SPECS[category] as CategorySpec<ItemOf<K>>, child, parent, ctx)
}

// Align one category and turn each row into a pair with its status and changes.
function comparePairs<T>(spec: CategorySpec<T>, child: Plan, parent: Plan, ctx: DiffContext): Pair[] {
  const parents = entries(spec, parent, ctx)
  const children = entries(spec, child, ctx)
  const score = spec.similarity ?? ((p: Entry<T>, c: Entry<T>) => similarity(p.profile, c.profile))
  const weights = parents.map((p) => children.map((c) => clamp(score(p, c, ctx))))
  const alignment = align(weights, children.length, ctx.threshold)
  return documentOrder(alignment).map(({ parent: i, child: j }): Pair => {
    const p = i === null ? undefined : parents[i]
    const c = j === null ? undefined : children[j]
    if (p && c) {
      const changes = spec.changes(p, c, ctx)
      const score = round(weights[i as number]?.[j as number] ?? 0)
      return changes.length === 0
        ? { status: 'same', parent: p.side, child: c.side, similarity: score }
        : { status: 'changed', parent: p.side, child: c.side, similarity: score, changes }
    }
    const best = round(bestOf(weights, i, j))
    return p
      ? { status: 'removed', parent: p.side, child: null, similarity: best }
      : { status: 'added', parent: null, child: (c as Entry<T>).side, similarity: best }
  })
}

function entries<T>(spec: CategorySpec<T>, plan: Plan, ctx: DiffContext): Entry<T>[] {
  return spec.items(plan).map((value) => {
    const side = spec.side(value, plan)
    const profiles = (spec.matchTexts?.(value) ?? [side.text]).map((text) => profile(text, ctx.interner))
    return { value, side, profile: profiles[0] ?? profile('', ctx.interner), profiles }
  })
}

function planRef(plan: Plan): PlanRef {
  const { number, symbol, issuer, title, attachedTitle } = plan.meta
  return {
    path: plan.source.path,
    issuer: issuer.name,
    level: issuer.level,
    id: number && symbol ? `${number}/${symbol}` : null,
    title: attachedTitle ?? title,
  }
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
