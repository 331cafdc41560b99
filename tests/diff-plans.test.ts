/** diffPlans on small hand-made plans: alignment, statuses, field changes, relation of the plans. */
import { describe, expect, it } from 'vitest'
import { CATEGORIES, type Pair, PlanDiffSchema } from '../schemas/diff.js'
import type { Agency, Deadline, Plan } from '../schemas/plan.js'
import { DEFAULT_THRESHOLD, diffPlans } from '../src/diff/index.js'
import { textSimilarity } from '../src/diff/similarity.js'
import {
  agency,
  assignment,
  group,
  items,
  phase,
  plan,
  quota,
  reference,
  section,
  yearlyDeadline,
} from './diff-fixtures.js'

const rows = (pairs: readonly Pair[]) =>
  pairs.map((p) => `${p.status} ${p.parent?.path ?? '-'} ${p.child?.path ?? '-'}`)

const soGD = agency('Sở Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'province')
const soNV = agency('Sở Nội vụ', 'noi-vu', 'province')
const phongGD = agency('Phòng Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'district')

// A province plan and a district plan implementing it, in miniature.
const parent: Plan = plan('province', {
  references: [
    reference('1315/QĐ-TTg', {
      kind: 'Quyết định',
      date: { iso: '2023-11-09', year: 2023, month: 11, day: 9 },
    }),
  ],
  sections: [
    section('IV', 'GIẢI PHÁP CHỦ YẾU', [], 'solutions'),
    section('VI', 'KINH PHÍ THỰC HIỆN', [], 'funding'),
  ],
  criteria: [
    group(
      'III.1.a',
      'Đối với sở, ban, ngành, cơ quan cấp tỉnh',
      'Kịp thời tham mưu Ủy ban nhân dân tỉnh triển khai các cơ chế, chính sách.',
    ),
    group('III.1.d', 'Đối với cấp xã', 'Được công nhận “Cộng đồng học tập” cấp xã.'),
    group(
      'III.1.đ',
      'Đối với hộ gia đình, dòng họ',
      'Đạt danh hiệu “Gia đình học tập” và “Dòng họ học tập”.',
    ),
  ],
  solutions: items(
    'IV',
    'Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng, chính quyền các cấp.',
    'Rà soát, xây dựng, hoàn thiện, ban hành các chính sách thúc đẩy công tác xây dựng xã hội học tập.',
    'Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong tổ chức thực hiện Phong trào thi đua.',
  ),
  awards: {
    forms: [],
    quotas: [
      quota('Giấy khen của Ủy ban nhân dân tỉnh', {
        occasion: 'interim',
        year: 2025,
        collectives: 10,
        individuals: 20,
      }),
    ],
  },
  phases: [
    phase(
      'Giai đoạn 1',
      2023,
      2025,
      'Các sở, ban, ngành tổ chức triển khai thực hiện Phong trào thi đua.',
      'V.1',
    ),
    phase('Giai đoạn 2', 2026, 2030, 'Sở Giáo dục và Đào tạo chủ trì tổng kết vào năm 2030.', 'V.2'),
  ],
  deadlines: [
    yearlyDeadline(
      'Trước ngày 05 tháng 12 hằng năm, các đơn vị báo cáo về Sở Giáo dục và Đào tạo và Sở Nội vụ.',
      5,
      12,
      [soGD, soNV],
    ),
  ],
  assignments: [
    assignment(
      'VII.2',
      [soGD],
      'Chủ trì, phối hợp với Sở Nội vụ tham mưu thành lập Ban Chỉ đạo phong trào thi đua cấp tỉnh.',
    ),
    assignment(
      'VII.7',
      [agency('Ban Tuyên giáo Tỉnh ủy', 'ban-tuyen-giao', 'province')],
      'Phối hợp tuyên truyền thực hiện Phong trào thi đua trên địa bàn tỉnh.',
      true,
    ),
    assignment(
      'VII.9',
      [agency('Ủy ban nhân dân các huyện, thị xã, thành phố', 'uy-ban-nhan-dan', 'district')],
      'Xây dựng kế hoạch cụ thể để tổ chức Phong trào thi đua trên địa bàn.',
    ),
  ],
})

const child: Plan = plan('district', {
  references: [
    reference('1315/QĐ-TTg', { kind: 'Quyết định' }),
    reference('108/KH-UBND', {
      issuer: 'UBND tỉnh Bà Rịa-Vũng Tàu',
      title: 'triển khai thực hiện phong trào',
    }),
  ],
  sections: [section('IV', 'GIẢI PHÁP THỰC HIỆN', [], 'solutions')],
  criteria: [
    group(
      'III.1.a',
      'Đối với các cơ quan, đơn vị Thành phố',
      'Kịp thời tham mưu UBND Thành phố triển khai các cơ chế, chính sách.',
    ),
    group('III.1.c', 'Đối với phường, xã', 'Được công nhận “Cộng đồng học tập” cấp xã.'),
    group(
      'III.1.d',
      'Đối với hộ gia đình, dòng họ',
      'Đạt danh hiệu “Gia đình học tập” hoặc “Dòng họ học tập”.',
    ),
  ],
  // The same solutions in another order, plus one of the child's own.
  solutions: items(
    'IV',
    'Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong tổ chức thực hiện phong trào thi đua.',
    'Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng, chính quyền các cấp.',
    'Rà soát, xây dựng, hoàn thiện, ban hành các chính sách thúc đẩy công tác xây dựng xã hội học tập.',
    'Thường xuyên kiểm tra, giám sát việc thực hiện phong trào thi đua.',
  ),
  awards: {
    forms: [],
    quotas: [
      quota('Giấy khen của Ủy ban nhân dân Thành phố', {
        occasion: 'interim',
        year: 2026,
        collectives: 10,
        individuals: 30,
      }),
    ],
  },
  phases: [
    phase(
      'Giai đoạn 1',
      2023,
      2025,
      'Các cơ quan, ban, ngành, Ủy ban nhân dân các phường, xã tổ chức triển khai.',
      'V.1',
    ),
    phase(
      'Giai đoạn 2',
      2026,
      2030,
      'Tiếp tục triển khai giai đoạn 2 và tổng kết theo hướng dẫn của Bộ.',
      'V.2',
    ),
  ],
  deadlines: [
    yearlyDeadline(
      'Các đơn vị báo cáo gửi về Phòng Giáo dục và Đào tạo trước ngày 05 tháng 12 hàng năm.',
      5,
      12,
      [phongGD],
    ),
  ],
  assignments: [
    assignment(
      'VII.2',
      [phongGD],
      'Chủ trì, phối hợp với Phòng Nội vụ đề xuất thành lập Ban Chỉ đạo phong trào thi đua.',
    ),
    assignment(
      'VII.6',
      [agency('Liên đoàn Lao động thành phố Vũng Tàu', 'lien-doan-lao-dong', 'district')],
      'Phối hợp tuyên truyền thực hiện Phong trào thi đua trong công nhân lao động.',
      true,
    ),
    assignment(
      'VII.9',
      [agency('Ủy ban nhân dân các phường, xã', 'uy-ban-nhan-dan', 'commune')],
      'Xây dựng kế hoạch cụ thể để tổ chức Phong trào thi đua trên địa bàn phường, xã.',
    ),
  ],
})

const diff = diffPlans(child, parent)

describe('diffPlans', () => {
  it('writes the diff contract, with a summary that counts the pairs', () => {
    expect(PlanDiffSchema.parse(diff)).toEqual(diff)
    expect(diff.threshold).toBe(DEFAULT_THRESHOLD)
    for (const category of CATEGORIES) {
      const pairs = diff[category]
      expect(diff.summary[category]).toEqual({
        same: pairs.filter((p) => p.status === 'same').length,
        changed: pairs.filter((p) => p.status === 'changed').length,
        added: pairs.filter((p) => p.status === 'added').length,
        removed: pairs.filter((p) => p.status === 'removed').length,
      })
    }
  })

  it('pairs items by content, not by position: reordered solutions are the same', () => {
    expect(rows(diff.solutions)).toEqual([
      'same IV.1 IV.2',
      'same IV.2 IV.3',
      'same IV.3 IV.1',
      'added - IV.4',
    ])
  })

  it('pairs the province’s point đ) with the district’s d), and cấp xã with phường, xã', () => {
    expect(rows(diff.criteria)).toEqual([
      'changed III.1.a III.1.a',
      'changed III.1.d III.1.c',
      'changed III.1.đ III.1.d',
    ])
    expect(diff.criteria[2]?.changes).toEqual(['item 1 → 1: "và" → "hoặc"'])
    expect(diff.criteria[1]?.changes).toEqual(['target: "Đối với cấp xã" → "Đối với phường, xã"'])
  })

  it('compares quotas field by field', () => {
    expect(diff.awardQuotas).toHaveLength(1)
    expect(diff.awardQuotas[0]?.changes).toEqual([
      'award: "Giấy khen của Ủy ban nhân dân tỉnh" → "Giấy khen của Ủy ban nhân dân Thành phố"',
      'year 2025 → 2026',
      'individuals 20 → 30',
    ])
  })

  it('finds phases with the same label and years the same, whatever their wording', () => {
    expect(rows(diff.phases)).toEqual(['same V.1 V.1', 'same V.2 V.2'])
  })

  it('reports a deadline sent to different recipients as changed', () => {
    expect(diff.deadlines).toMatchObject([
      {
        status: 'changed',
        changes: ['recipients: Sở Giáo dục và Đào tạo, Sở Nội vụ → Phòng Giáo dục và Đào tạo'],
      },
    ])
  })

  it('pairs deadlines on what is due and by whom, never on a shared year alone', () => {
    const due2025 = (text: string, actors: Agency[], path: string): Deadline => ({
      ...yearlyDeadline(text, 1, 1, [], path),
      due: { kind: 'year', year: 2025, month: null, day: null, quarter: null },
      relation: 'in',
      actors,
    })
    const p = plan('province', {
      deadlines: [
        due2025(
          'Chủ trì, phối hợp với Sở Nội vụ: Tham mưu Ủy ban nhân dân tỉnh thành lập, kiện toàn Ban Chỉ đạo cấp tỉnh; hướng dẫn, đôn đốc, kiểm tra việc thực hiện Kế hoạch này; tham mưu tổ chức sơ kết vào năm 2025',
          [soGD],
          'VII.2',
        ),
      ],
    })
    const c = plan('district', {
      deadlines: [
        due2025('Khen thưởng sơ kết phong trào (năm 2025): 10 tập thể và 20 cá nhân.', [], 'III.3.a'),
        due2025('Tham mưu UBND thành phố tổ chức sơ kết vào năm 2025', [phongGD], 'VII.2'),
      ],
    })
    // The same year and little shared wording (the seeds' VII.2 and III.3.a): no pair; a counterpart
    // agency pairs the other, worded apart as it is.
    expect(rows(diffPlans(c, p).deadlines)).toEqual(['added - III.3.a', 'same VII.2 VII.2'])
    expect(rows(diffPlans({ ...c, deadlines: c.deadlines.slice(0, 1) }, p).deadlines)).toEqual([
      'removed VII.2 -',
      'added - III.3.a',
    ])
  })

  it('pairs assignments by agency across levels and keeps bodies without a counterpart apart', () => {
    // The two requested bodies' tasks read alike; text alone would pair them.
    const [btg, ldld] = [parent.assignments[1], child.assignments[1]]
    expect(textSimilarity(btg?.tasks[0]?.text ?? '', ldld?.tasks[0]?.text ?? '')).toBeGreaterThan(
      DEFAULT_THRESHOLD,
    )
    expect(rows(diff.assignments)).toEqual([
      'changed VII.2 VII.2',
      'removed VII.7 -',
      'added - VII.6',
      'changed VII.9 VII.9',
    ])
    expect(diff.assignments[0]?.changes?.some((c) => c.startsWith('agencies'))).toBe(false)
  })

  it('pairs references by id; a date printed on one side only is no difference', () => {
    expect(rows(diff.references)).toEqual(['same - -', 'added - -'])
    expect(diff.references[0]?.parent?.text).toContain('1315/QĐ-TTg')
  })

  it('pairs sections about the same thing under different headings', () => {
    expect(rows(diff.sections)).toEqual(['changed IV IV', 'removed VI -'])
    expect(diff.sections[0]?.changes).toEqual(['"CHỦ YẾU" → "THỰC HIỆN"'])
  })

  it('gives unpaired items their best score against the other plan', () => {
    const added = diff.solutions.find((p) => p.status === 'added')
    expect(added?.similarity).toBeGreaterThan(0)
    expect(added?.similarity).toBeLessThan(DEFAULT_THRESHOLD)
  })
})

describe('alignment', () => {
  const withSolutions = (level: 'province' | 'district', ...texts: string[]) =>
    plan(level, { solutions: items('IV', ...texts) })

  it('is an optimal one-to-one assignment, not first-come greedy', () => {
    const p = withSolutions(
      'province',
      'Tuyên truyền, nâng cao nhận thức về học tập suốt đời trong gia đình, dòng họ, cộng đồng',
      'Tuyên truyền, nâng cao nhận thức về học tập suốt đời',
    )
    const c = withSolutions(
      'district',
      'Tuyên truyền, nâng cao nhận thức về học tập suốt đời',
      'Đẩy mạnh học tập suốt đời trong gia đình, dòng họ, cộng đồng',
    )
    // Greedy would give IV.1 its best match (IV.1, 0.75) and leave IV.2 without any.
    expect(rows(diffPlans(c, p).solutions)).toEqual(['changed IV.1 IV.2', 'same IV.2 IV.1'])
  })

  it('never pairs items below the threshold: they are removed and added', () => {
    const p = withSolutions(
      'province',
      'Kinh phí thực hiện từ nguồn ngân sách nhà nước phân cấp theo quy định.',
    )
    const c = withSolutions('district', 'Thường xuyên kiểm tra, giám sát việc thực hiện phong trào thi đua.')
    expect(rows(diffPlans(c, p).solutions)).toEqual(['removed IV.1 -', 'added - IV.1'])
    expect(rows(diffPlans(c, p, { threshold: 0.05 }).solutions)).toEqual(['changed IV.1 IV.1'])
  })

  it('lays rows out in document order, removed before added in each gap', () => {
    const p = withSolutions(
      'province',
      'Một hai ba bốn năm',
      'Sáu bảy tám chín mười',
      'Mười một mười hai mười ba',
    )
    const c = withSolutions(
      'district',
      'Một hai ba bốn năm',
      'Khác hẳn hoàn toàn',
      'Mười một mười hai mười ba',
      'Cuối cùng thêm vào',
    )
    expect(rows(diffPlans(c, p).solutions)).toEqual([
      'same IV.1 IV.1',
      'removed IV.2 -',
      'added - IV.2',
      'same IV.3 IV.3',
      'added - IV.4',
    ])
  })

  it('finds a plan all the same as itself, and swapping the plans swaps added and removed', () => {
    const self = diffPlans(parent, parent)
    expect(CATEGORIES.every((c) => self[c].every((p) => p.status === 'same'))).toBe(true)
    const swapped = diffPlans(parent, child)
    for (const category of CATEGORIES) {
      expect(swapped.summary[category].added, category).toBe(diff.summary[category].removed)
      expect(swapped.summary[category].removed, category).toBe(diff.summary[category].added)
    }
  })
})

describe('how the plans relate', () => {
  it('gives the level relation of the issuers', () => {
    expect(diff.levels).toMatchObject({ relation: 'below', steps: 1 })
    expect(diffPlans(parent, child).levels).toMatchObject({ relation: 'above', steps: -1 })
    expect(diffPlans(child, child).levels).toMatchObject({ relation: 'same', steps: 0 })
  })

  it('finds the parent among the legal bases by number and symbol', () => {
    const numbered = { ...parent, meta: { ...parent.meta, number: '108' } }
    expect(diffPlans(child, numbered).citation).toMatchObject({
      cited: true,
      by: 'number',
      reference: '108/KH-UBND',
      line: 5,
    })
  })

  it('falls back to issuer and title when the parent’s number is blank', () => {
    const brvt = {
      ...parent,
      meta: {
        ...parent.meta,
        issuer: {
          name: 'Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu',
          level: 'province' as const,
          locality: 'Bà Rịa-Vũng Tàu',
        },
        title: 'Triển khai thực hiện phong trào thi đua',
      },
    }
    expect(diffPlans(child, brvt).citation).toMatchObject({
      cited: true,
      by: 'issuer-title',
      reference: '108/KH-UBND',
    })
    // Hà Nam issued the parent: plan 108 of Bà Rịa-Vũng Tàu is not it.
    expect(diff.citation).toMatchObject({
      cited: false,
      by: 'issuer-title',
      legalBases: ['1315/QĐ-TTg', '108/KH-UBND'],
    })
  })

  it('does not count a reference outside the legal bases', () => {
    const numbered = { ...parent, meta: { ...parent.meta, number: '108' } }
    const cited = child.references.map((r) => ({ ...r, isLegalBasis: false }))
    expect(diffPlans({ ...child, references: cited }, numbered).citation.cited).toBe(false)
  })
})
