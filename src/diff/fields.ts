/** Field-by-field comparison, said the way a reviewer reads it: "year 2025 → 2026". */
import { keysOf } from './similarity.js'
import { quote } from './words.js'

type Scalar = string | number | boolean | null

/** `label parent → child` when two scalar values differ. */
export function valueChange(label: string, parent: Scalar, child: Scalar): string[] {
  return parent === child ? [] : [`${label} ${show(parent)} → ${show(child)}`]
}

/** `label: "parent" → "child"` when two texts differ in wording (not just case, tone placement or punctuation). */
export function wordingChange(label: string, parent: string | null, child: string | null): string[] {
  if (sameWords(parent, child)) return []
  return [`${label}: ${parent === null ? 'none' : quote(parent)} → ${child === null ? 'none' : quote(child)}`]
}

/** `label: a, b → c` when two sets of words differ (order ignored). */
export function setChange(label: string, parent: readonly string[], child: readonly string[]): string[] {
  const a = [...new Set(parent)].sort()
  const b = [...new Set(child)].sort()
  if (a.length === b.length && a.every((x, i) => x === b[i])) return []
  return [`${label}: ${a.join(', ') || 'none'} → ${b.join(', ') || 'none'}`]
}

/** Two texts have the same words in the same order (both null counts as the same). */
export function sameWords(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  const x = keysOf(a)
  const y = keysOf(b)
  return x.length === y.length && x.every((k, i) => k === y[i])
}

/** Fraction of the given field pairs that are equal, 0..1. */
export function agreement(pairs: readonly (readonly [Scalar, Scalar])[]): number {
  return pairs.length === 0 ? 1 : pairs.filter(([a, b]) => a === b).length / pairs.length
}

/** Jaccard index of two sets, 0..1; two empty sets score 1. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a)
  const y = new Set(b)
  if (x.size === 0 && y.size === 0) return 1
  const shared = [...x].filter((v) => y.has(v)).length
  return shared / (x.size + y.size - shared)
}

function show(value: Scalar): string {
  if (value === null) return 'none'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return String(value)
}
