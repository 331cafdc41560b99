/**
 * Agencies across levels: a province plan's Sở Giáo dục và Đào tạo is a district
 * plan's Phòng Giáo dục và Đào tạo, and the province's "UBND các huyện" (its
 * subordinate level) is the district's "UBND các phường, xã" (its own).
 */
import type { Agency, Level } from '../../schemas/plan.js'
import { GROUP_NOUNS, LEVEL_WORDS } from '../lexicon/agencies.js'
import { slug } from '../normalize/text.js'
import { assignAbove } from './assign.js'

/** The issuer level of each plan, for reading agency levels relative to their plan. */
export interface Levels {
  parent: Level
  child: Level
}

/** An agency together with the level of the plan that names it. */
interface Placed {
  agency: Agency
  issuer: Level
}

const RANK: Readonly<Record<NonNullable<Level>, number>> = {
  national: 0,
  province: 1,
  district: 2,
  commune: 3,
}

/** Keys name the same function: equal, or one extends the other ("tai-chinh" ↔ "tai-chinh-ke-hoach"). */
export function keysMatch(a: string, b: string): boolean {
  if (a === '' || b === '') return false
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`)
}

/** Steps below the issuer (0 its own level, 1 its subordinate level, -1 above it); null when unknown. */
export function relativeLevel(agency: Level, issuer: Level): number | null {
  return agency === null || issuer === null ? null : RANK[agency] - RANK[issuer]
}

/**
 * How well two agencies of the same function correspond, 0..1: 1 when they
 * stand in the same place relative to their plans (Sở in a province plan ↔
 * Phòng in a district plan; each plan's subordinate level), less when only
 * the direction or only the absolute level agrees, 0 otherwise.
 */
export function levelAffinity(a: Placed, b: Placed): number {
  const ra = relativeLevel(a.agency.level, a.issuer)
  const rb = relativeLevel(b.agency.level, b.issuer)
  if (ra === null || rb === null) return a.agency.level === b.agency.level ? 1 : 0.75
  if (ra === rb) return 1
  // Both below their issuer, a different number of steps: province → commune after 2025 vs district → commune.
  if (Math.sign(ra) === Math.sign(rb)) return 0.75
  // The same body named from two levels: "UBND tỉnh" in both plans.
  if (a.agency.level === b.agency.level) return 0.5
  return 0
}

/** Correspondence of a parent agency and a child agency, 0..1. */
export function agencyAffinity(parent: Agency, child: Agency, levels: Levels): number {
  const byKey = keysMatch(parent.key, child.key)
    ? levelAffinity({ agency: parent, issuer: levels.parent }, { agency: child, issuer: levels.child })
    : 0
  return Math.max(byKey, groupAffinity(parent, child))
}

// Group nouns as keys, longest first, to read a group's key back into its nouns.
const GROUP_NOUN_KEYS = [...new Set(GROUP_NOUNS.map(slug))].sort((a, b) => b.length - a.length)

// Nouns that name one level's offices ("sở" in a province, "phòng" in a district): a group differs by them
// only in level, as "Sở"/"Phòng" do in names.
const LEVEL_NOUN_KEYS = new Set(
  Object.entries(LEVEL_WORDS).flatMap(([word, level]) => (level === null ? [] : [slug(word)])),
)

/** The nouns of a generic group's key ("so-ban-nganh" → so, ban, nganh); null when the key is not a group's. */
export function groupNouns(agency: Agency): string[] | null {
  if (agency.level !== null || agency.key === '') return null
  const nouns: string[] = []
  let rest = agency.key
  while (rest !== '') {
    const noun = GROUP_NOUN_KEYS.find((n) => rest === n || rest.startsWith(`${n}-`))
    if (!noun) return null
    nouns.push(noun)
    rest = rest.slice(noun.length + 1)
  }
  return nouns
}

/**
 * Two generic groups correspond by the kinds of bodies they name, leaving out the level's own offices:
 * a province's "các sở, ban, ngành" is a district's "các cơ quan, ban, ngành, đoàn thể" (ban, ngành in
 * both). The overlap coefficient, so a list that names more kinds still holds the other; 0 unless both are groups.
 */
export function groupAffinity(a: Agency, b: Agency): number {
  const [x, y] = [groupNouns(a), groupNouns(b)].map((nouns) =>
    nouns ? new Set(nouns.filter((n) => !LEVEL_NOUN_KEYS.has(n))) : null,
  )
  if (!x || !y || x.size === 0 || y.size === 0) return 0
  const shared = [...x].filter((n) => y.has(n)).length
  return shared / Math.min(x.size, y.size)
}

/** How two lists of agencies pair: counterparts, and those on one side only. */
export interface AgencyPairing {
  pairs: [parent: Agency, child: Agency][]
  parentOnly: Agency[]
  childOnly: Agency[]
  /** Dice coefficient over the pairs' affinities, 0..1; two empty lists score 1. */
  score: number
}

/** Pair a parent plan's agencies with a child plan's, optimally and one to one. */
export function pairAgencies(
  parent: readonly Agency[],
  child: readonly Agency[],
  levels: Levels,
): AgencyPairing {
  if (parent.length === 0 && child.length === 0) return { pairs: [], parentOnly: [], childOnly: [], score: 1 }
  const weights = parent.map((p) => child.map((c) => agencyAffinity(p, c, levels)))
  const matches = assignAbove(weights, Number.MIN_VALUE)
  const pairedParent = new Set(matches.map(([i]) => i))
  const pairedChild = new Set(matches.map(([, j]) => j))
  const total = matches.reduce((sum, [i, j]) => sum + (weights[i]?.[j] ?? 0), 0)
  return {
    pairs: matches.map(([i, j]) => [parent[i] as Agency, child[j] as Agency]),
    parentOnly: parent.filter((_, i) => !pairedParent.has(i)),
    childOnly: child.filter((_, j) => !pairedChild.has(j)),
    score: (2 * total) / (parent.length + child.length),
  }
}

/** "agencies: A, B → C" when the lists do not pair completely; nothing when every agency has its counterpart. */
export function agencyListChange(
  label: string,
  parent: readonly Agency[],
  child: readonly Agency[],
  levels: Levels,
): string[] {
  const pairing = pairAgencies(parent, child, levels)
  if (pairing.parentOnly.length === 0 && pairing.childOnly.length === 0) return []
  return [`${label}: ${namesOf(parent)} → ${namesOf(child)}`]
}

/** Agency names for a report: canonical (abbreviations expanded), or "none". */
export function namesOf(agencies: readonly Agency[]): string {
  return agencies.length === 0 ? 'none' : agencies.map((a) => a.canonical || a.name).join(', ')
}
