/**
 * Alignment: which parent item is which child item. Items pair by content
 * (a similarity matrix and an optimal one-to-one assignment), never by position
 * or path; the pairs are then laid out in document order.
 */
import { assignAbove, type Match } from './assign.js'

/**
 * Items less similar than this are never paired. On the seed plans, counterparts
 * score 0.45 and more (most above 0.7) and items without a counterpart 0.35 at
 * most; with the Dice measure of similarity.ts, 0.4 is "a good part of the
 * wording shared". See docs/diff.md.
 */
export const DEFAULT_THRESHOLD = 0.4

/** The outcome of pairing two lists: pairs, and the indexes left on each side. */
export interface Alignment {
  matches: Match[]
  parentOnly: number[]
  childOnly: number[]
}

/** Pair parent items (rows) with child items (columns) optimally, keeping pairs at or above `threshold`. */
export function align(
  weights: readonly (readonly number[])[],
  childCount: number,
  threshold: number,
): Alignment {
  const matches = assignAbove(weights, threshold)
  const pairedParent = new Set(matches.map(([i]) => i))
  const pairedChild = new Set(matches.map(([, j]) => j))
  return {
    matches,
    parentOnly: weights.map((_, i) => i).filter((i) => !pairedParent.has(i)),
    childOnly: Array.from({ length: childCount }, (_, j) => j).filter((j) => !pairedChild.has(j)),
  }
}

/** One row of the laid-out result: a pair, a parent item alone, or a child item alone. */
export interface Row {
  parent: number | null
  child: number | null
}

/**
 * Rows in document order: the parent's order, and each child-only item just
 * before the pair that follows it in the child, after the parent-only items
 * of that gap, so a gap reads "removed, then added" (at the end when no pair follows).
 */
export function documentOrder(alignment: Alignment): Row[] {
  const parentOfChild = new Map(alignment.matches.map(([i, j]) => [j, i]))
  const keyed: { key: [number, number]; row: Row }[] = [
    ...alignment.matches.map(([i, j]) => ({ key: [i, j] as [number, number], row: { parent: i, child: j } })),
    ...alignment.parentOnly.map((i) => ({
      key: [i, -1] as [number, number],
      row: { parent: i, child: null },
    })),
    ...alignment.childOnly.map((j) => ({
      key: [nextAnchor(j, parentOfChild) - 0.5, j] as [number, number],
      row: { parent: null, child: j },
    })),
  ]
  return keyed.sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1]).map((k) => k.row)
}

// The parent index of the nearest paired child item after child item j, or +∞.
function nextAnchor(j: number, parentOfChild: ReadonlyMap<number, number>): number {
  const later = [...parentOfChild.keys()].filter((k) => k > j)
  return later.length === 0 ? Number.POSITIVE_INFINITY : (parentOfChild.get(Math.min(...later)) as number)
}

/** Best weight in row i or column j: how close an unpaired item came to any item of the other plan. */
export function bestOf(
  weights: readonly (readonly number[])[],
  row: number | null,
  col: number | null,
): number {
  if (row !== null) return Math.max(0, ...(weights[row] ?? []))
  if (col !== null) return Math.max(0, ...weights.map((r) => r[col] ?? 0))
  return 0
}
