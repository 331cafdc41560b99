/**
 * Word-level changes inside a changed pair, with jsdiff: words compare by
 * their key (case and tone placement ignored), and are shown as written.
 */
import { diffArrays } from 'diff'
import { type Token, tokenize } from './similarity.js'

/** A run of the merged text with each side's wording: kept (both), removed (parent only) or added (child only). */
export interface Segment {
  kind: 'same' | 'removed' | 'added'
  parent: string
  child: string
}

/** A run of one side's text, for display. */
export interface SideRun {
  kind: Segment['kind']
  text: string
}

// A run of tokens from each side; a kept run has as many on both sides.
interface Run {
  kind: Segment['kind']
  a: Token[]
  b: Token[]
}

/** The parent text turned into the child text, as runs of kept, removed and added words. */
export function wordSegments(parent: string, child: string): Segment[] {
  const a = tokenize(parent)
  const b = tokenize(child)
  const changes = diffArrays(a, b, { comparator: (x: Token, y: Token) => x.key === y.key })
  // Kept runs may differ in case, tone placement or punctuation: walk both sides to keep each as written.
  let ai = 0
  let bi = 0
  const runs: Run[] = changes.map((change) => {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same'
    const fromParent = kind === 'added' ? [] : a.slice(ai, ai + change.count)
    const fromChild = kind === 'removed' ? [] : b.slice(bi, bi + change.count)
    ai += fromParent.length
    bi += fromChild.length
    return { kind, a: fromParent, b: fromChild }
  })
  return absorbChaff(runs).map((r) => ({ kind: r.kind, parent: join(r.a), child: join(r.b) }))
}

/**
 * A rewritten sentence shares a few common words with the old one ("và", "các", "thành"), and a
 * plain word diff keeps each of them, leaving a confetti of edits no reader can follow. As
 * diff-match-patch's semantic cleanup does, a kept run shorter than the edits on either side of
 * it is folded into them, so the rewrite reads as one replacement.
 */
function absorbChaff(input: readonly Run[]): Run[] {
  let runs = regroup(input)
  for (;;) {
    const k = runs.findIndex((r, i) => r.kind === 'same' && isChaff(runs, i))
    if (k === -1) return runs
    const kept = runs[k] as Run
    runs = regroup([
      ...runs.slice(0, k),
      { kind: 'removed', a: kept.a, b: [] },
      { kind: 'added', a: [], b: kept.b },
      ...runs.slice(k + 1),
    ])
  }
}

// A kept run between edits longer than it on both sides ("cấp" → "phường" xã added "Triển khai" keeps "xã").
function isChaff(runs: readonly Run[], i: number): boolean {
  const before = editSize(runs, i, -1)
  const after = editSize(runs, i, 1)
  const size = (runs[i] as Run).a.length
  return size < before && size < after
}

// Words of the edit next to run i in one direction: the longer of its removed and added runs.
function editSize(runs: readonly Run[], i: number, step: 1 | -1): number {
  let removed = 0
  let added = 0
  for (let j = i + step; j >= 0 && j < runs.length && (runs[j] as Run).kind !== 'same'; j += step) {
    removed += (runs[j] as Run).a.length
    added += (runs[j] as Run).b.length
  }
  return Math.max(removed, added)
}

// Between two kept runs, all removed words then all added words; adjacent kept runs merged.
function regroup(runs: readonly Run[]): Run[] {
  const out: Run[] = []
  let removed: Token[] = []
  let added: Token[] = []
  const flush = (): void => {
    if (removed.length > 0) out.push({ kind: 'removed', a: removed, b: [] })
    if (added.length > 0) out.push({ kind: 'added', a: [], b: added })
    removed = []
    added = []
  }
  for (const run of runs) {
    if (run.kind === 'removed') removed = [...removed, ...run.a]
    else if (run.kind === 'added') added = [...added, ...run.b]
    else {
      flush()
      const last = out.at(-1)
      if (last?.kind === 'same')
        out[out.length - 1] = { kind: 'same', a: [...last.a, ...run.a], b: [...last.b, ...run.b] }
      else out.push({ kind: 'same', a: [...run.a], b: [...run.b] })
    }
  }
  flush()
  return out
}

/** What one side shows: the kept runs in its own wording and its own removals or additions. */
export function sideRuns(segments: readonly Segment[], side: 'parent' | 'child'): SideRun[] {
  const hidden = side === 'parent' ? 'added' : 'removed'
  return segments.filter((s) => s.kind !== hidden).map((s) => ({ kind: s.kind, text: s[side] }))
}

function join(tokens: readonly Token[]): string {
  return tokens.map((t) => t.surface).join('')
}

/**
 * Human-readable edits: `"tỉnh" → "thành phố"`, `removed "cấp ủy"`, `added "là"`, and
 * `moved "địa phương"` for words removed in one place and added in another; at most `limit`.
 */
export function wordChanges(parent: string, child: string, limit = 8): string[] {
  const segments = wordSegments(parent, child)
  const moved = movedRuns(segments)
  const edits: string[] = []
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment
    const next = segments[i + 1]
    if (s.kind === 'removed' && next?.kind === 'added') {
      edits.push(`${quote(s.parent)} → ${quote(next.child)}`)
      i++
    } else if (s.kind === 'removed')
      edits.push(moved.has(i) ? `moved ${quote(s.parent)}` : `removed ${quote(s.parent)}`)
    else if (s.kind === 'added' && !moved.has(i)) edits.push(`added ${quote(s.child)}`)
  }
  return capped(edits, limit)
}

// Indexes of lone removed runs and lone added runs with the same words: one move each.
function movedRuns(segments: readonly Segment[]): Set<number> {
  const lone = (kind: 'removed' | 'added', other: 'removed' | 'added') =>
    segments.flatMap((s, i) =>
      s.kind === kind && segments[i - 1]?.kind !== other && segments[i + 1]?.kind !== other ? [i] : [],
    )
  const keyOf = (s: Segment): string =>
    tokenize(s.kind === 'removed' ? s.parent : s.child)
      .map((t) => t.key)
      .join(' ')
  // Each run's words once, not once for every pair of runs compared.
  const added = lone('added', 'removed').map((k) => ({ k, key: keyOf(segments[k] as Segment) }))
  const moved = new Set<number>()
  for (const i of lone('removed', 'added')) {
    const key = keyOf(segments[i] as Segment)
    const match = added.find((a) => !moved.has(a.k) && a.key === key)
    if (match !== undefined) moved.add(i).add(match.k)
  }
  return moved
}

/** At most `limit` entries, the rest counted in a last one. */
export function capped(entries: readonly string[], limit: number): string[] {
  if (entries.length <= limit) return [...entries]
  return [...entries.slice(0, limit - 1), `… and ${entries.length - limit + 1} more`]
}

/** Quote a run of words for a change list: punctuation at its edges dropped, long runs shortened. */
export function quote(text: string, max = 80): string {
  const words = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
  return `"${words.length > max ? `${words.slice(0, max - 1)}…` : words}"`
}
