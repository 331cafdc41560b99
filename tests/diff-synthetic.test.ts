/**
 * `kh diff` end to end on two plans written for this test in the form of the development set
 * (a pipe-table header, bold headings wrapped over two lines, decimal clauses): a province plan and a
 * district plan that implements it, extracted from text as the CLI would.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES, type Pair, type PlanDiff } from '../schemas/diff.js'
import type { Plan } from '../schemas/plan.js'
import { diffPlans } from '../src/diff/index.js'
import { extract } from '../src/index.js'

type Parts = Record<string, string>

/** A plan's text: the header of its issuer, then its parts in the order given. */
function planText(issuer: string, place: string, number: number, parts: Parts, order: string[]): string {
  return [
    `| **ỦY BAN NHÂN DÂN ${issuer}** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |`,
    '|---|---|',
    `| Số: ${number}/KH-UBND | *${place}, ngày 10 tháng 3 năm 2025* |`,
    '',
    '**KẾ HOẠCH**',
    '',
    `**Chuyển đổi số trong cơ quan nhà nước ${place} năm 2025**`,
    '',
    ...order.flatMap((key) => [parts[key] ?? '', '']),
  ].join('\n')
}

const PROVINCE: Parts = {
  I: `**I. MỤC ĐÍCH,
YÊU CẦU**

**1. Mục đích**

Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước, nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn tỉnh.

**2. Yêu cầu**

Bảo đảm sự phối hợp chặt chẽ giữa các sở, ban, ngành và Ủy ban nhân dân các huyện trong triển khai nhiệm vụ.`,
  II: `**II. MỤC TIÊU**

Đến năm 2027, 90% hồ sơ thủ tục hành chính được xử lý trên môi trường điện tử.`,
  III: `**III. NHIỆM VỤ
VÀ GIẢI PHÁP**

1. Rà soát, sửa đổi các quy định về tiếp nhận và giải quyết hồ sơ trực tuyến của tỉnh.

2. Đầu tư nâng cấp mạng truyền số liệu chuyên dùng đến tất cả các xã, thị trấn.

3. Tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức cấp tỉnh và cấp huyện.`,
  IV: `**IV. KINH PHÍ
THỰC HIỆN**

Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành.`,
  V: `**V. TỔ CHỨC
THỰC HIỆN**

**1. Sở Khoa học và Công nghệ**

Chủ trì, phối hợp với các sở, ngành hướng dẫn, đôn đốc triển khai Kế hoạch; tổng hợp kết quả báo cáo Ủy ban nhân dân tỉnh.

**2. Sở Tài chính**

Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch theo quy định.

**3. Ủy ban nhân dân các huyện, thị xã, thành phố**

Xây dựng kế hoạch triển khai trên địa bàn; định kỳ trước ngày 30 tháng 11 hằng năm báo cáo kết quả về Sở Khoa học và Công nghệ.`,
}

// The district's plan: the province's rewritten for the district, without the infrastructure task
// (III.2), with a communication task, and its own agencies.
const DISTRICT: Parts = {
  ...PROVINCE,
  I: (PROVINCE.I ?? '').replaceAll('tỉnh', 'huyện').replace('các huyện', 'các xã, thị trấn'),
  III: `**III. NHIỆM VỤ
VÀ GIẢI PHÁP**

1. Rà soát, sửa đổi các quy định về tiếp nhận và giải quyết hồ sơ trực tuyến của huyện.

2. Tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức cấp huyện và cấp xã.

3. Tuyên truyền trên hệ thống loa truyền thanh cơ sở để người dân sử dụng dịch vụ công trực tuyến.`,
  V: `**V. TỔ CHỨC
THỰC HIỆN**

**1. Phòng Văn hóa và Thông tin**

Là cơ quan thường trực giúp Ủy ban nhân dân huyện theo dõi việc thực hiện Kế hoạch.

**2. Phòng Tài chính - Kế hoạch**

Tham mưu Ủy ban nhân dân huyện bố trí kinh phí thực hiện Kế hoạch theo quy định.

**3. Ủy ban nhân dân các xã, thị trấn**

Xây dựng kế hoạch triển khai trên địa bàn; định kỳ trước ngày 30 tháng 11 hằng năm báo cáo kết quả về Phòng Văn hóa và Thông tin.`,
}

const ORDER = ['I', 'II', 'III', 'IV', 'V']

let province: Plan
let shuffled: Plan
let district: Plan
let diff: PlanDiff

beforeAll(async () => {
  ;[province, shuffled, district] = await Promise.all([
    extract(planText('TỈNH AN LẠC', 'An Lạc', 45, PROVINCE, ORDER), { path: 'an-lac.md' }),
    extract(planText('TỈNH AN LẠC', 'An Lạc', 45, PROVINCE, ['I', 'IV', 'V', 'II', 'III']), {
      path: 'an-lac-shuffled.md',
    }),
    extract(planText('HUYỆN BÌNH SƠN', 'Bình Sơn', 12, DISTRICT, ORDER), { path: 'binh-son.md' }),
  ])
  diff = diffPlans(district, province)
})

const rows = (pairs: readonly Pair[]) =>
  pairs.map((p) => `${p.status} ${p.parent?.path ?? '-'} ${p.child?.path ?? '-'}`)

const allSame = (d: PlanDiff) => CATEGORIES.filter((c) => d[c].some((p) => p.status !== 'same'))

describe('a devset-like plan against itself', () => {
  it('is all the same, in every category it has', () => {
    const self = diffPlans(province, province)
    expect(allSame(self)).toEqual([])
    // Not vacuous: the plan has items in the categories that matter.
    for (const c of ['sections', 'solutions', 'targets', 'deadlines', 'assignments'] as const) {
      expect(self[c].length, c).toBeGreaterThan(0)
    }
  })

  it('is all the same with its parts in another order: items pair by content, not position', () => {
    const moved = diffPlans(shuffled, province)
    expect(allSame(moved)).toEqual([])
    expect(moved.sections).toHaveLength(diffPlans(province, province).sections.length)
  })
})

describe('a devset-like district plan against its province plan', () => {
  it('drops the infrastructure task, adds the communication one, and rewrites the rest for the district', () => {
    expect(rows(diff.solutions)).toEqual([
      'changed III.1 III.1',
      'removed III.2 -',
      'changed III.3 III.2',
      'added - III.3',
    ])
    expect(diff.solutions[0]?.changes).toEqual(['"tỉnh" → "huyện"'])
  })

  it('pairs Sở Tài chính with Phòng Tài chính - Kế hoạch and the province’s districts with the district’s communes', () => {
    expect(rows(diff.assignments)).toEqual([
      'removed V.1 -',
      'added - V.1',
      'changed V.2 V.2',
      'changed V.3 V.3',
    ])
    // Every agency has its counterpart: only the tasks' wording differs.
    expect(diff.assignments.flatMap((p) => p.changes ?? []).filter((c) => c.startsWith('agencies'))).toEqual(
      [],
    )
  })

  it('reports the 30 November report deadline as changed: sent to another recipient', () => {
    expect(diff.deadlines).toMatchObject([
      {
        status: 'changed',
        changes: ['recipients: Sở Khoa học và Công nghệ → Phòng Văn hóa và Thông tin'],
      },
    ])
  })

  it('swaps added and removed, pair for pair, when the plans swap', () => {
    const swapped = diffPlans(province, district)
    const flip = { added: 'removed', removed: 'added', changed: 'changed', same: 'same' } as const
    for (const c of CATEGORIES) {
      const mine = diff[c].map((p) => `${p.status} ${p.parent?.line} ${p.child?.line}`).sort()
      const theirs = swapped[c].map((p) => `${flip[p.status]} ${p.child?.line} ${p.parent?.line}`).sort()
      expect(theirs, c).toEqual(mine)
    }
  })
})
