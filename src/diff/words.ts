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

/** The parent text turned into the child text, as runs of kept, removed and added words. */
export function wordSegments(parent: string, child: string): Segment[] {
  const a = tokenize(parent)
  const b = tokenize(child)
  const changes = diffArrays(a, b, { comparator: (x: Token, y: Token) => x.key === y.key })
  const segments: Segment[] = []
  // Kept runs may differ in case, tone placement or punctuation: walk both sides to keep each as written.
  let ai = 0
  let bi = 0
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same'
    const fromParent = kind === 'added' ? [] : a.slice(ai, ai + change.count)
    const fromChild = kind === 'removed' ? [] : b.slice(bi, bi + change.count)
    ai += fromParent.length
    bi += fromChild.length
    const run = { kind, parent: join(fromParent), child: join(fromChild) } as const
    const last = segments.at(-1)
    if (last?.kind === kind) {
      last.parent += run.parent
      last.child += run.child
    } else segments.push({ ...run })
  }
  return segments
}

/** What one side shows: the kept runs in its own wording and its own removals or additions. */
export function sideRuns(segments: readonly Segment[], side: 'parent' | 'child'): SideRun[] {
  const hidden = side === 'parent' ? 'added' : 'removed'
  return segments.filter((s) => s.kind !== hidden).map((s) => ({ kind: s.kind, text: s[side] }))
}

function join(tokens: readonly Token[]): string {
  return tokens.map((t) => t.surface).join('')
}

/** Human-readable edits: `"tỉnh" → "thành phố"`, `removed "cấp ủy"`, `added "là"`; at most `limit`. */
export function wordChanges(parent: string, child: string, limit = 8): string[] {
  const segments = wordSegments(parent, child)
  const edits: string[] = []
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as Segment
    const next = segments[i + 1]
    if (s.kind === 'removed' && next?.kind === 'added') {
      edits.push(`${quote(s.parent)} → ${quote(next.child)}`)
      i++
    } else if (s.kind === 'removed') edits.push(`removed ${quote(s.parent)}`)
    else if (s.kind === 'added') edits.push(`added ${quote(s.child)}`)
  }
  return capped(edits, limit)
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
