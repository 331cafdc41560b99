/**
 * What each category compares: where its items come from, how they are shown,
 * how similar two of them are, and what differs between a pair. One table,
 * keyed by category; the alignment itself is the same for all (compare.ts).
 */
import type { Category, DiffSide } from '../../schemas/diff.js'
import type {
  Agency,
  Assignment,
  AwardForm,
  AwardQuota,
  Deadline,
  Due,
  Group,
  Item,
  Phase,
  Plan,
  Reference,
  Section,
  SectionRole,
  Target,
} from '../../schemas/plan.js'
import { fold } from '../normalize/text.js'
import { agencyListChange, type Levels, namesOf, pairAgencies } from './agencies.js'
import { align } from './align.js'
import { agreement, jaccard, setChange, valueChange, wordingChange } from './fields.js'
import { type Interner, type Profile, profile, sameWording, similarity } from './similarity.js'
import { capped, quote, wordChanges } from './words.js'

/** Shared by every comparison of one diff. */
export interface DiffContext {
  levels: Levels
  interner: Interner
  threshold: number
}

/** One item of a category, prepared for comparison. */
export interface Entry<T> {
  value: T
  side: DiffSide
  /** Profile of the text it is matched by (the first of `matchTexts`, or the whole text). */
  profile: Profile
  /** Profiles of every text of `matchTexts`, in order. */
  profiles: Profile[]
}

/** How one category is compared. */
export interface CategorySpec<T> {
  /** The category's items in one plan, in document order. */
  items(plan: Plan): readonly T[]
  /** Where the item is and what it says. */
  side(item: T, plan: Plan): DiffSide
  /** The texts it is matched by, when not its whole text (a section's heading and its body). */
  matchTexts?(item: T): string[]
  /** Similarity of a parent item and a child item, 0..1; text similarity unless said otherwise. */
  similarity?(parent: Entry<T>, child: Entry<T>, ctx: DiffContext): number
  /** What differs, parent → child; empty when the pair is the same. */
  changes(parent: Entry<T>, child: Entry<T>, ctx: DiffContext): string[]
}

// The most changes listed for one pair; the rest are counted.
const MAX_CHANGES = 10

const wordingChanges = <T>(p: Entry<T>, c: Entry<T>): string[] =>
  sameWording(p.profile, c.profile) ? [] : wordChanges(p.side.text, c.side.text, MAX_CHANGES)

/** Purposes, requirements, objectives, contents, solutions: text items compared by wording. */
function itemSpec(pick: (plan: Plan) => readonly Item[]): CategorySpec<Item> {
  return {
    items: pick,
    side: (item) => ({ path: item.path, text: item.text, line: item.line }),
    changes: wordingChanges,
  }
}

/** A section of the flattened skeleton with the role of the part it belongs to. */
export interface PlacedSection {
  section: Section
  /** Its own role or the nearest ancestor's: the part of the plan it is in. */
  area: SectionRole
}

const sectionSpec: CategorySpec<PlacedSection> = {
  items: (plan) => placeSections(plan.sections, null),
  side: ({ section: s }) => ({ path: s.path, text: joinText([s.heading, sectionBody(s)]), line: s.line }),
  matchTexts: ({ section: s }) => [joinText([s.heading, sectionBody(s)]), s.heading, sectionBody(s)],
  similarity: (p, c) => {
    const [pt, ph, pb] = p.profiles as [Profile, Profile, Profile]
    const [ct, ch, cb] = c.profiles as [Profile, Profile, Profile]
    // One plan writes a clause on its label's line, the other as a heading with paragraphs under it:
    // compare the whole texts, or heading with heading and body with body, whichever agrees more.
    // With a body on one side only (a clause that adds paragraphs under the same words), the heading
    // decides, discounted for what it cannot see.
    const heading = similarity(ph, ch)
    const split = pb.size === 0 || cb.size === 0 ? 0.75 * heading : 0.5 * heading + 0.5 * similarity(pb, cb)
    const sim = Math.max(similarity(pt, ct), split)
    const [pr, cr] = [p.value.section.role, c.value.section.role]
    // Two sections about the same thing ("GIẢI PHÁP CHỦ YẾU", "GIẢI PHÁP THỰC HIỆN") pair more readily,
    // and sections from different parts (a requirement, a solution) less.
    if (pr !== null && pr === cr) return 0.5 + 0.5 * sim
    const [pa, ca] = [p.value.area, c.value.area]
    return pa !== null && ca !== null && pa !== ca ? 0.5 * sim : sim
  },
  changes: wordingChanges,
}

/** Criteria and standards: a target and its items; the items pair among themselves. */
function groupSpec(pick: (plan: Plan) => readonly Group[]): CategorySpec<Group> {
  return {
    items: pick,
    side: (g, plan) => ({
      path: g.path,
      text: `${g.target}: ${joinText(g.items.map((i) => i.text))}`,
      line: sectionAt(plan, g.path)?.line ?? g.items[0]?.line ?? null,
    }),
    changes: (p, c, ctx) =>
      capped(
        [
          ...wordingChange('target', p.value.target, c.value.target),
          ...nestedChanges(
            'item',
            p.value.items.map((i) => i.text),
            c.value.items.map((i) => i.text),
            ctx,
          ),
        ],
        MAX_CHANGES,
      ),
  }
}

const targetSpec: CategorySpec<Target> = {
  items: (plan) => plan.targets,
  side: (t) => ({ path: t.path, text: t.text, line: t.line }),
  similarity: (p, c) =>
    scaledBy(similarity(p.profile, c.profile), 0.3, [
      [p.value.unit, c.value.unit],
      [p.value.value, c.value.value],
    ]),
  changes: (p, c) => [
    ...valueChange('value', p.value.value, c.value.value),
    ...valueChange('unit', p.value.unit, c.value.unit),
    ...valueChange('year', p.value.year, c.value.year),
  ],
}

const awardFormSpec: CategorySpec<AwardForm> = {
  items: (plan) => plan.awards.forms,
  side: (f) => ({ path: f.path, text: f.name, line: f.line }),
  similarity: (p, c) =>
    similarity(p.profile, c.profile) * (0.8 + 0.2 * jaccard(p.value.occasions, c.value.occasions)),
  changes: (p, c) => [
    ...wordingChange('name', p.value.name, c.value.name),
    ...setChange('occasions', p.value.occasions, c.value.occasions),
  ],
}

const awardQuotaSpec: CategorySpec<AwardQuota> = {
  items: (plan) => plan.awards.quotas,
  side: (q) => ({ path: q.path, text: `${q.award}: ${q.text}`, line: q.line }),
  similarity: (p, c) =>
    scaledBy(similarity(p.profile, c.profile), 0.4, [
      [p.value.occasion, c.value.occasion],
      [p.value.year, c.value.year],
    ]),
  changes: (p, c) => {
    const [a, b] = [p.value, c.value]
    return [
      ...wordingChange('award', a.award, b.award),
      ...valueChange('occasion', a.occasion, b.occasion),
      ...valueChange('year', a.year, b.year),
      ...valueChange('collectives', a.collectives, b.collectives),
      ...valueChange('individuals', a.individuals, b.individuals),
      ...valueChange('households', a.households, b.households),
      ...wordingChange('per', a.per, b.per),
      ...valueChange('max', a.max, b.max),
      ...valueChange('collectives %', a.percent?.collectives ?? null, b.percent?.collectives ?? null),
      ...valueChange('individuals %', a.percent?.individuals ?? null, b.percent?.individuals ?? null),
    ]
  },
}

const phaseSpec: CategorySpec<Phase> = {
  items: (plan) => plan.phases,
  side: (ph) => ({ path: ph.path, text: ph.text, line: ph.line }),
  similarity: (p, c) =>
    0.6 *
      agreement([
        [labelKey(p.value.label), labelKey(c.value.label)],
        [p.value.startYear, c.value.startYear],
        [p.value.endYear, c.value.endYear],
      ]) +
    0.4 * similarity(p.profile, c.profile),
  // A phase is its name and its years; who carries it out is the assignments' business.
  changes: (p, c) => [
    ...wordingChange('label', p.value.label, c.value.label),
    ...valueChange('startYear', p.value.startYear, c.value.startYear),
    ...valueChange('endYear', p.value.endYear, c.value.endYear),
  ],
}

const deadlineSpec: CategorySpec<Deadline> = {
  items: (plan) => plan.deadlines,
  side: (d) => ({ path: d.path, text: d.text, line: d.line }),
  // An obligation is its date, what is due and who owes it to whom. A date shared by day and month says
  // much (half the score); a shared year little (a plan's phase years recur in many sentences), and the
  // rest of the score goes to the sentence or its parties, whichever agrees more (two sentences may be
  // worded apart while naming counterpart parties).
  similarity: (p, c, ctx) => {
    const weight = 0.5 * DUE_WEIGHT[p.value.due.kind]
    return (
      weight * dueAgreement(p.value.due, c.value.due) +
      (1 - weight) *
        Math.max(similarity(p.profile, c.profile), partiesAgreement(p.value, c.value, ctx.levels))
    )
  },
  // The obligation is its date, relation and parties; the sentence's wording is shown side by side.
  changes: (p, c, ctx) => {
    const [a, b] = [p.value, c.value]
    return [
      ...valueChange('due', a.due.kind, b.due.kind),
      ...valueChange('year', a.due.year, b.due.year),
      ...valueChange('quarter', a.due.quarter, b.due.quarter),
      ...valueChange('month', a.due.month, b.due.month),
      ...valueChange('day', a.due.day, b.due.day),
      ...valueChange('relation', a.relation, b.relation),
      ...agencyListChange('actors', a.actors, b.actors, ctx.levels),
      ...agencyListChange('recipients', a.recipients, b.recipients, ctx.levels),
    ]
  },
}

const assignmentSpec: CategorySpec<Assignment> = {
  items: (plan) => plan.assignments,
  side: (a) => ({ path: a.path, text: `${namesOf(a.agencies)}: ${tasksText(a)}`, line: a.line }),
  matchTexts: (a) => [tasksText(a)],
  // Who is assigned is half the identity of an assignment: without a counterpart agency
  // only near-identical duties (text similarity ≥ 2 × threshold) pair.
  similarity: (p, c, ctx) =>
    0.5 * pairAgencies(p.value.agencies, c.value.agencies, ctx.levels).score +
    0.5 * similarity(p.profile, c.profile),
  changes: (p, c, ctx) => {
    const [a, b] = [p.value, c.value]
    return capped(
      [
        ...agencyListChange('agencies', a.agencies, b.agencies, ctx.levels),
        ...valueChange('requested', a.requested, b.requested),
        ...nestedChanges(
          'task',
          a.tasks.map((t) => t.text),
          b.tasks.map((t) => t.text),
          ctx,
        ),
      ],
      MAX_CHANGES,
    )
  },
}

const referenceSpec: CategorySpec<Reference> = {
  items: (plan) => plan.references,
  side: (r) => ({
    path: r.occurrences[0]?.path ?? null,
    text: describeReference(r),
    line: r.occurrences[0]?.line ?? null,
  }),
  matchTexts: (r) => [r.title ?? ''],
  // The same document is the same id; a different document of the same kind pairs only by a similar title
  // (a city's plan for a programme in place of the province's plan for it).
  similarity: (p, c) => {
    if (idKey(p.value.id) === idKey(c.value.id)) return 1
    if (p.value.kind !== c.value.kind || !p.value.title || !c.value.title) return 0
    return 0.8 * similarity(p.profile, c.profile)
  },
  // A detail printed on one side only (a date, an issuer) is not a difference: the same id is the same document.
  changes: (p, c) => {
    const [a, b] = [p.value, c.value]
    const [da, db] = [dateText(a.date), dateText(b.date)]
    return [
      ...(idKey(a.id) === idKey(b.id) ? [] : [`id ${a.id} → ${b.id}`]),
      ...(da && db ? valueChange('date', da, db) : []),
      ...(a.issuer && b.issuer ? wordingChange('issuer', a.issuer, b.issuer) : []),
      ...(a.title && b.title ? wordingChange('title', a.title, b.title) : []),
      ...valueChange('legal basis', a.isLegalBasis, b.isLegalBasis),
    ]
  },
}

/** Every category's comparison, keyed by category. */
export const CATEGORY_SPECS: { [K in Category]: CategorySpec<ItemOf<K>> } = {
  sections: sectionSpec,
  purposes: itemSpec((p) => p.purposes),
  requirements: itemSpec((p) => p.requirements),
  objectives: itemSpec((p) => p.objectives),
  targets: targetSpec,
  contents: itemSpec((p) => p.contents),
  criteria: groupSpec((p) => p.criteria),
  standards: groupSpec((p) => p.standards),
  awardForms: awardFormSpec,
  awardQuotas: awardQuotaSpec,
  solutions: itemSpec((p) => p.solutions),
  phases: phaseSpec,
  deadlines: deadlineSpec,
  assignments: assignmentSpec,
  references: referenceSpec,
}

/** The item type of each category. */
export interface ItemTypes {
  sections: PlacedSection
  purposes: Item
  requirements: Item
  objectives: Item
  targets: Target
  contents: Item
  criteria: Group
  standards: Group
  awardForms: AwardForm
  awardQuotas: AwardQuota
  solutions: Item
  phases: Phase
  deadlines: Deadline
  assignments: Assignment
  references: Reference
}
export type ItemOf<K extends Category> = ItemTypes[K]

/** Changes between two lists of texts inside a pair (a group's items, an assignment's tasks). */
export function nestedChanges(
  label: string,
  parent: readonly string[],
  child: readonly string[],
  ctx: DiffContext,
): string[] {
  const a = parent.map((t) => profile(t, ctx.interner))
  const b = child.map((t) => profile(t, ctx.interner))
  const { matches, parentOnly, childOnly } = align(
    a.map((x) => b.map((y) => similarity(x, y))),
    b.length,
    ctx.threshold,
  )
  return [
    ...parentOnly.map((i) => `removed ${label} ${i + 1}: ${quote(parent[i] ?? '')}`),
    ...childOnly.map((j) => `added ${label} ${j + 1}: ${quote(child[j] ?? '')}`),
    ...matches
      .filter(([i, j]) => !sameWording(a[i] as Profile, b[j] as Profile))
      .map(
        ([i, j]) =>
          `${label} ${i + 1} → ${j + 1}: ${wordChanges(parent[i] ?? '', child[j] ?? '', 3).join('; ')}`,
      ),
  ]
}

/** Every section of a tree in document order. */
export function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)])
}

/** Every section of a tree in document order, each with the role of the part it is in. */
export function placeSections(sections: readonly Section[], area: SectionRole): PlacedSection[] {
  return sections.flatMap((section) => {
    const own = section.role ?? area
    return [{ section, area: own }, ...placeSections(section.children, own)]
  })
}

function sectionBody(s: Section): string {
  return joinText(s.items.map((i) => i.text))
}

// Section lookup by path, built once per plan.
const sectionMaps = new WeakMap<Plan, Map<string, Section>>()

function sectionAt(plan: Plan, path: string): Section | undefined {
  let map = sectionMaps.get(plan)
  if (!map) {
    map = new Map(flatten(plan.sections).map((s) => [s.path, s]))
    sectionMaps.set(plan, map)
  }
  return map.get(path)
}

function joinText(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(' ')
}

function tasksText(a: Assignment): string {
  return joinText(a.tasks.map((t) => t.text))
}

/**
 * A text similarity scaled down by up to `weight` for fields that disagree. Field agreement scales
 * the text's similarity rather than adding to it, so that two unrelated items never pair on equal
 * fields alone (two quotas for the same year, two targets of 100%).
 */
function scaledBy(textSim: number, weight: number, fields: Parameters<typeof agreement>[0]): number {
  return textSim * (1 - weight + weight * agreement(fields))
}

// Labels compare without case, diacritics or extra spaces: "Giai đoạn 1" = "giai doan 1".
function labelKey(label: string): string {
  return fold(label).replace(/\s+/g, ' ').trim()
}

// How much a shared due date says that two obligations are one: a day and month, much; a year, little.
const DUE_WEIGHT: Readonly<Record<Due['kind'], number>> = {
  date: 1,
  yearly: 1,
  monthly: 0.8,
  month: 0.8,
  quarter: 0.6,
  year: 0.4,
}

// Agreement of the actors and of the recipients, averaged over the roles either deadline names; 0 when
// neither names anyone (no evidence), so two deadlines never pair on empty lists.
function partiesAgreement(a: Deadline, b: Deadline, levels: Levels): number {
  const roles = [
    [a.actors, b.actors],
    [a.recipients, b.recipients],
  ].filter(([x, y]) => (x?.length ?? 0) + (y?.length ?? 0) > 0) as [Agency[], Agency[]][]
  if (roles.length === 0) return 0
  return roles.reduce((sum, [x, y]) => sum + pairAgencies(x, y, levels).score, 0) / roles.length
}

function dueAgreement(a: Due, b: Due): number {
  if (a.kind !== b.kind) return 0
  return agreement([
    [a.year, b.year],
    [a.quarter, b.quarter],
    [a.month, b.month],
    [a.day, b.day],
  ])
}

// Ids compare without spaces, case or diacritics: "1315/QĐ-TTg" = "1315/QD-TTG".
function idKey(id: string): string {
  return fold(id).replace(/\s+/g, '')
}

function dateText(date: Reference['date']): string | null {
  if (!date) return null
  return [date.day, date.month, date.year].filter((x) => x !== null).join('/') || null
}

function describeReference(r: Reference): string {
  const date = dateText(r.date)
  return joinText([
    `${r.kind} ${r.id}`,
    date ? `ngày ${date}` : '',
    r.issuer ? `của ${r.issuer}` : '',
    r.title ? `— ${r.title}` : '',
  ])
}
