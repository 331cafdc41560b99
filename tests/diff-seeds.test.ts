/**
 * Acceptance: `kh diff` of the Vũng Tàu city plan (child) against the Hà Nam
 * province plan (parent), both extracted from the corpus as the CLI would.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES, type Pair, type PlanDiff, PlanDiffSchema } from '../schemas/diff.js'
import type { Agency, Assignment, Deadline, Plan } from '../schemas/plan.js'
import { CATEGORY_SPECS, flatten } from '../src/diff/categories.js'
import { diffPlans } from '../src/diff/index.js'
import { extractFile } from '../src/index.js'
import { agency, yearlyDeadline } from './diff-fixtures.js'

const CHILD = 'corpus/003_e34268d9a63c9a71.txt'
const PARENT = 'corpus/000_9dd6dbdf273703a0.txt'

let child: Plan
let parent: Plan
let diff: PlanDiff

beforeAll(async () => {
  ;[child, parent] = await Promise.all([extractFile(CHILD), extractFile(PARENT)])
  diff = diffPlans(child, parent)
})

/** The pair whose parent and child sit at these paths (null: that side is absent). */
function pairAt(
  pairs: readonly Pair[],
  parentPath: string | null,
  childPath: string | null,
): Pair | undefined {
  return pairs.find(
    (p) =>
      (p.parent?.path ?? null) === parentPath &&
      (p.child?.path ?? null) === childPath &&
      (p.parent || p.child),
  )
}

const statuses = (pairs: readonly Pair[]) => pairs.map((p) => p.status)

describe('Vũng Tàu (child) against Hà Nam (parent)', () => {
  it('follows the diff contract', () => {
    expect(PlanDiffSchema.parse(diff)).toEqual(diff)
    expect(diff.levels).toMatchObject({ relation: 'below', steps: 1 })
  })

  it('reports that the child does not cite Hà Nam: its legal bases are the national decision and plan 108', () => {
    expect(diff.citation).toMatchObject({ cited: false, by: 'issuer-title', reference: null })
    expect(diff.citation.legalBases).toEqual(['1315/QĐ-TTg', '108/KH-UBND'])
  })

  it('shows the two award quotas as added', () => {
    expect(statuses(diff.awardQuotas)).toEqual(['added', 'added'])
    expect(diff.awardQuotas.map((p) => p.child?.text)).toEqual([
      expect.stringContaining('10 tập thể và 20 cá nhân'),
      expect.stringContaining('20 tập thể và 30 cá nhân'),
    ])
  })

  it('shows the provincial Ban Tuyên giáo assignment (VII.7) as removed', () => {
    const pair = pairAt(diff.assignments, 'VII.7', null)
    expect(pair?.status).toBe('removed')
    expect(pair?.parent?.text).toContain('Ban Tuyên giáo')
  })

  it('shows the Liên đoàn Lao động assignment (VII.6) as added', () => {
    const pair = pairAt(diff.assignments, null, 'VII.6')
    expect(pair?.status).toBe('added')
    expect(pair?.child?.text).toContain('Liên đoàn Lao động')
  })

  it('pairs Sở Giáo dục và Đào tạo (VII.2) with Phòng Giáo dục và Đào tạo (VII.2)', () => {
    const pair = pairAt(diff.assignments, 'VII.2', 'VII.2')
    expect(pair?.status).toMatch(/same|changed/)
    expect(pair?.parent?.text).toContain('Sở Giáo dục và Đào tạo')
    expect(pair?.child?.text).toContain('Phòng Giáo dục và Đào tạo')
  })

  it('pairs UBND các huyện (VII.9) with UBND các phường, xã (VII.9)', () => {
    const pair = pairAt(diff.assignments, 'VII.9', 'VII.9')
    expect(pair?.status).toMatch(/same|changed/)
  })

  it('pairs the clauses for all agencies (VII.1): the province’s “sở, ban, ngành” are the city’s “cơ quan, ban, ngành”', () => {
    const pair = pairAt(diff.assignments, 'VII.1', 'VII.1')
    expect(pair?.status).toMatch(/same|changed/)
    expect(pair?.parent?.text).toMatch(/^Các sở, ban, ngành/)
    expect(pair?.child?.text).toMatch(/^Các cơ quan, ban, ngành/)
  })

  it('pairs no deadline on a shared year alone: the city’s 2025 and 2030 award lines have no counterpart', () => {
    const awardLines = diff.deadlines.filter((p) => /Khen thưởng (sơ|tổng) kết/.test(p.child?.text ?? ''))
    expect(awardLines.map((p) => p.status)).toEqual(['added', 'added'])
    const phases = diff.deadlines.filter(
      (p) => p.parent?.path?.startsWith('V.') && p.child?.path?.startsWith('V.'),
    )
    expect(phases.map((p) => [p.parent?.path, p.child?.path])).toEqual([
      ['V.1', 'V.1'],
      ['V.2', 'V.2'],
    ])
  })

  it('pairs the criteria for households and clans: the province’s point đ) with the city’s d)', () => {
    const pair = pairAt(diff.criteria, 'III.1.đ', 'III.1.d')
    expect(pair?.status).toMatch(/same|changed/)
    expect(pair?.child?.text).toMatch(/^Đối với hộ gia đình, dòng họ/)
  })

  it('shows solutions IV.7 and IV.8 as added', () => {
    expect(pairAt(diff.solutions, null, 'IV.7')?.status).toBe('added')
    expect(pairAt(diff.solutions, null, 'IV.8')?.status).toBe('added')
    expect(diff.summary.solutions).toMatchObject({ added: 2, removed: 0 })
  })

  it('shows the yearly 5 December report deadline as changed: different recipients', () => {
    const pair = diff.deadlines.find(
      (p) => /05 tháng 12/.test(p.parent?.text ?? '') && /05 tháng 12/.test(p.child?.text ?? ''),
    )
    expect(pair?.status).toBe('changed')
    expect(pair?.changes).toEqual(
      expect.arrayContaining([expect.stringMatching(/^recipients: .*Sở Nội vụ.* → /)]),
    )
  })

  it('shows both phases as the same', () => {
    expect(statuses(diff.phases)).toEqual(['same', 'same'])
    expect(diff.phases.map((p) => [p.parent?.path, p.child?.path])).toEqual([
      ['V.1', 'V.1'],
      ['V.2', 'V.2'],
    ])
  })
})

describe('diffing the seeds with themselves and swapped', () => {
  it('finds a plan all the same as itself', () => {
    for (const plan of [child, parent]) {
      const self = diffPlans(plan, plan)
      for (const category of CATEGORIES) {
        expect(
          self[category].every((p) => p.status === 'same' && p.similarity === 1),
          category,
        ).toBe(true)
        expect(self[category], category).toHaveLength(CATEGORY_SPECS[category].items(plan).length)
      }
    }
  })

  it('swaps added and removed when child and parent swap', () => {
    const swapped = diffPlans(parent, child)
    for (const category of CATEGORIES) {
      const [a, b] = [diff.summary[category], swapped.summary[category]]
      expect({ added: b.added, removed: b.removed, changed: b.changed, same: b.same }, category).toEqual({
        added: a.removed,
        removed: a.added,
        changed: a.changed,
        same: a.same,
      })
    }
    expect(statuses(swapped.awardQuotas)).toEqual(['removed', 'removed'])
  })

  it('makes the same pairs when child and parent swap, each side on the other', () => {
    const swapped = diffPlans(parent, child)
    const flip = { added: 'removed', removed: 'added', changed: 'changed', same: 'same' } as const
    for (const category of CATEGORIES) {
      const row = (status: Pair['status'], a: Pair['parent'], b: Pair['child']) =>
        `${status} ${a?.path ?? '-'}:${a?.line ?? '-'} ${b?.path ?? '-'}:${b?.line ?? '-'}`
      const mine = diff[category].map((p) => row(p.status, p.parent, p.child)).sort()
      const theirs = swapped[category].map((p) => row(flip[p.status], p.child, p.parent)).sort()
      expect(theirs, category).toEqual(mine)
    }
  })
})

// Part VII of both seeds as the contract describes it (contract.md, "Assignment", "Deadline"), written by
// hand from the documents: the alignment is checked on the real texts whatever the extractors do today.
const PARENT_AGENCIES: Record<string, [Agency[], boolean]> = {
  'VII.2': [[agency('Sở Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'province')], false],
  'VII.3': [[agency('Sở Nội vụ', 'noi-vu', 'province')], false],
  'VII.4': [[agency('Sở Tài chính', 'tai-chinh', 'province')], false],
  'VII.5': [
    [
      agency('Sở Thông tin và Truyền thông', 'thong-tin-va-truyen-thong', 'province'),
      agency('Báo Hà Nam', 'bao', 'province'),
      agency('Đài Phát thanh và Truyền hình tỉnh', 'dai-phat-thanh-va-truyen-hinh', 'province'),
    ],
    false,
  ],
  'VII.6': [[agency('Hội Khuyến học tỉnh', 'hoi-khuyen-hoc', 'province')], false],
  'VII.7': [[agency('Ban Tuyên giáo Tỉnh ủy', 'ban-tuyen-giao', 'province')], true],
  'VII.8': [
    [agency('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'uy-ban-mat-tran-to-quoc-viet-nam', 'province')],
    true,
  ],
  'VII.9': [[agency('Ủy ban nhân dân các huyện, thị xã, thành phố', 'uy-ban-nhan-dan', 'district')], false],
}
const CHILD_AGENCIES: Record<string, [Agency[], boolean]> = {
  'VII.2': [[agency('Phòng Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'district')], false],
  'VII.3': [[agency('Phòng Nội vụ', 'noi-vu', 'district')], false],
  'VII.4': [[agency('Phòng Tài chính - Kế hoạch', 'tai-chinh-ke-hoach', 'district')], false],
  'VII.5': [
    [
      agency('Phòng Văn hóa và Thông tin', 'van-hoa-va-thong-tin', 'district'),
      agency(
        'Trung tâm Văn hóa, Thông tin và Thể thao',
        'trung-tam-van-hoa-thong-tin-va-the-thao',
        'district',
      ),
    ],
    false,
  ],
  'VII.6': [[agency('Liên đoàn Lao động thành phố Vũng Tàu', 'lien-doan-lao-dong', 'district')], true],
  'VII.7': [[agency('Hội Khuyến học thành phố Vũng Tàu', 'hoi-khuyen-hoc', 'district')], true],
  'VII.8': [
    [
      agency(
        'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Vũng Tàu',
        'uy-ban-mat-tran-to-quoc-viet-nam',
        'district',
      ),
    ],
    true,
  ],
  'VII.9': [[agency('Ủy ban nhân dân các phường, xã', 'uy-ban-nhan-dan', 'commune')], false],
}

/** Assignments from a plan's part VII clauses: the clause text as tasks, the agencies as given. */
function handAssignments(plan: Plan, agencies: Record<string, [Agency[], boolean]>): Assignment[] {
  const part = plan.sections.find((s) => s.path === 'VII')
  return (part?.children ?? []).flatMap((clause) => {
    const known = agencies[clause.path]
    if (!known) return []
    const texts = [clause.heading, ...clause.items.map((i) => i.text)]
    return [
      {
        agencies: known[0],
        requested: known[1],
        tasks: texts.map((text) => ({ text, role: 'other' as const, partners: [], line: clause.line })),
        path: clause.path,
        line: clause.line,
      },
    ]
  })
}

/** The "before 5 December every year" report sentence of a plan, as a deadline with the given recipients. */
function handDeadline(plan: Plan, recipients: Agency[]): Deadline[] {
  const paragraphs = flatten(plan.sections).flatMap((s) => [
    { text: s.heading, path: s.path },
    ...s.items.map((i) => ({ text: i.text, path: s.path })),
  ])
  const sentence = paragraphs.find((p) => /05 tháng 12/.test(p.text))
  return sentence ? [yearlyDeadline(sentence.text, 5, 12, recipients, sentence.path)] : []
}

describe('Vũng Tàu against Hà Nam with part VII written by hand as the contract describes it', () => {
  let hand: PlanDiff
  beforeAll(() => {
    const c: Plan = {
      ...child,
      assignments: handAssignments(child, CHILD_AGENCIES),
      deadlines: handDeadline(child, [
        agency('Phòng Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'district'),
      ]),
    }
    const p: Plan = {
      ...parent,
      assignments: handAssignments(parent, PARENT_AGENCIES),
      deadlines: handDeadline(parent, [
        agency('Sở Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'province'),
        agency('Sở Nội vụ', 'noi-vu', 'province'),
      ]),
    }
    hand = diffPlans(c, p)
  })

  it('removes Ban Tuyên giáo (VII.7), adds Liên đoàn Lao động (VII.6), and pairs the rest by agency', () => {
    const rows = hand.assignments.map((p) => `${p.status} ${p.parent?.path ?? '-'} ${p.child?.path ?? '-'}`)
    expect(rows).toEqual([
      'changed VII.2 VII.2',
      'changed VII.3 VII.3',
      'changed VII.4 VII.4',
      'removed VII.5 -',
      'added - VII.5',
      'added - VII.6',
      'changed VII.6 VII.7',
      'removed VII.7 -',
      'changed VII.8 VII.8',
      'changed VII.9 VII.9',
    ])
  })

  it('says which agencies differ only where no counterpart exists', () => {
    const vii2 = pairAt(hand.assignments, 'VII.2', 'VII.2')
    expect(vii2?.changes?.some((c) => c.startsWith('agencies:'))).toBe(false)
    expect(pairAt(hand.assignments, 'VII.6', 'VII.7')?.changes).toContain('requested no → yes')
  })

  it('reports the 5 December deadline as changed, with its recipients', () => {
    expect(hand.deadlines).toHaveLength(1)
    expect(hand.deadlines[0]).toMatchObject({
      status: 'changed',
      changes: ['recipients: Sở Giáo dục và Đào tạo, Sở Nội vụ → Phòng Giáo dục và Đào tạo'],
    })
  })
})
