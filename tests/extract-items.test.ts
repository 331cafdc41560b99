import { describe, expect, it } from 'vitest'
import { extractAppendices } from '../src/extract/appendices.js'
import { extractAwardForms, extractAwardQuotas, occasionsIn, readQuota } from '../src/extract/awards.js'
import { emptyContext } from '../src/extract/context.js'
import { extractFunding } from '../src/extract/funding.js'
import { extractGroups, extractItems } from '../src/extract/items.js'
import { extractPhases } from '../src/extract/phases.js'
import { extractTargets, parseNumber } from '../src/extract/targets.js'
import { doc } from './helpers.js'

describe('extractItems', () => {
  it('takes numbered points, or paragraphs where the plan does not number them', async () => {
    const d = await doc(
      'I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\na) Phát huy.\n\nb) Nâng cao.\n\n2. Yêu cầu\n\nThi đua.\n\n- Triển khai.',
    )
    expect(extractItems(d, 'purposes').map((i) => [i.path, i.text])).toEqual([
      ['I.1.a', 'Phát huy.'],
      ['I.1.b', 'Nâng cao.'],
    ])
    expect(extractItems(d, 'requirements').map((i) => [i.path, i.text, i.line])).toEqual([
      ['I.2', 'Thi đua.', 11],
      ['I.2', 'Triển khai.', 13],
    ])
  })

  it('counts untitled clauses of "MỤC ĐÍCH, YÊU CẦU" as purposes', async () => {
    const d = await doc(
      'I. MỤC ĐÍCH, YÊU CẦU\n\n1. Đẩy mạnh tuyên truyền.\n\n2. Bảo đảm đúng quy định.\n\nII. NỘI DUNG\n\n1. Rà soát.',
    )
    expect(extractItems(d, 'purposes').map((i) => i.path)).toEqual(['I.1', 'I.2'])
    expect(extractItems(d, 'requirements')).toEqual([])
  })

  it('splits untitled clauses of "MỤC ĐÍCH, YÊU CẦU" at the first later one saying what must be', async () => {
    const d = await doc(
      'I. MỤC ĐÍCH, YÊU CẦU\n\n1. Cán bộ phải nắm vững quy định.\n\n2. Nâng cao nhận thức về sự cần thiết của công tác bảo mật.\n\n3. Công tác bảo mật cần phải có sự phối hợp.\n\n4. Gắn với thi đua.\n\nII. NỘI DUNG\n\n1. Rà soát.',
    )
    expect(extractItems(d, 'purposes').map((i) => i.path)).toEqual(['I.1', 'I.2'])
    expect(extractItems(d, 'requirements').map((i) => i.path)).toEqual(['I.3', 'I.4'])
  })

  it('descends into sub-headings that only set a horizon, not into other sub-headings', async () => {
    const d = await doc(
      'I. MỤC TIÊU\n\n1. Đến năm 2030\n\n- 100% xã có trạm 5G.\n\n- 50% doanh nghiệp dùng IoT.\n\n2. Nông nghiệp công nghệ cao\n\n- 20 mô hình.',
    )
    expect(extractItems(d, 'objectives').map((i) => [i.path, i.text])).toEqual([
      ['I.1', '100% xã có trạm 5G.'],
      ['I.1', '50% doanh nghiệp dùng IoT.'],
      ['I.2', 'Nông nghiệp công nghệ cao. 20 mô hình.'],
    ])
  })

  it('takes a titled clause whole: its title, then the points and paragraphs under it', async () => {
    const d = await doc(
      'III. GIẢI PHÁP\n\n1. Hoàn thiện thể chế\n\na) Rà soát văn bản;\n\nb) Ban hành quy định.\n\n2. Tuyên truyền, cụ thể:\n\n- Tổ chức hội nghị.\n\n3. Đo lường, giám sát.\n\nIV. KINH PHÍ\n\nNgân sách nhà nước.',
    )
    expect(extractItems(d, 'solutions').map((i) => [i.path, i.text, i.line, i.endLine])).toEqual([
      ['III.1', 'Hoàn thiện thể chế. Rà soát văn bản; Ban hành quy định.', 3, 7],
      ['III.2', 'Tuyên truyền, cụ thể: Tổ chức hội nghị.', 9, 11],
      ['III.3', 'Đo lường, giám sát.', 13, 13],
    ])
  })

  it('takes nothing from sections without the role', async () => {
    const d = await doc(
      'I. NỘI DUNG\n\n1. Giải pháp khuyến khích phát triển văn hóa học tập trong cộng đồng dân cư và các cơ quan đơn vị.',
    )
    expect(extractItems(d, 'solutions')).toEqual([])
    expect(extractItems(d, 'contents')).toHaveLength(1)
  })
})

describe('extractGroups', () => {
  it('makes one group per point with its items and cross-references', async () => {
    const text =
      'III. KHEN\n\n1. Tiêu chí thi đua\n\na) Đối với cấp xã\n\n- Một.\n\n- Hai.\n\n2. Tiêu chuẩn\n\na) Đối với cấp xã\n\n- Đạt tiêu chí tại điểm a khoản 1 Mục III của Kế hoạch này.'
    const d = await doc(text)
    const ctx = emptyContext({ byPath: new Map(d.flat.map((s) => [s.path, s])) })
    expect(extractGroups(d, 'criteria', ctx)).toEqual([
      expect.objectContaining({
        path: 'III.1.a',
        label: 'a',
        target: 'Đối với cấp xã',
        items: [expect.objectContaining({ text: 'Một.' }), expect.objectContaining({ text: 'Hai.' })],
        crossRefs: [],
      }),
    ])
    expect(extractGroups(d, 'standards', ctx)[0]?.crossRefs[0]?.paths).toEqual(['III.1.a'])
  })
})

describe('awards', () => {
  it('reads forms with their occasions', async () => {
    const d = await doc(
      'III. KHEN\n\n2. Hình thức và tiêu chuẩn khen thưởng\n\nb) Khen thưởng trong đợt sơ kết và tổng kết\n\n- Hình thức khen thưởng: Bằng khen của Thủ tướng Chính phủ; Giấy khen.\n\n3. Số lượng khen thưởng\n\na) Giấy khen của UBND Thành phố\n\n- Khen thưởng sơ kết phong trào (năm 2025): 10 tập thể và 20 cá nhân.\n\n- Khen thưởng tổng kết phong trào (năm 2030): 20 tập thể và 30 cá nhân.',
    )
    expect(extractAwardForms(d).map((f) => [f.name, f.occasions])).toEqual([
      ['Bằng khen của Thủ tướng Chính phủ', ['interim', 'final']],
      ['Giấy khen', ['interim', 'final']],
      ['Giấy khen của UBND Thành phố', ['interim', 'final']],
    ])
    expect(
      extractAwardQuotas(d).map((q) => [q.award, q.occasion, q.year, q.collectives, q.individuals]),
    ).toEqual([
      ['Giấy khen của UBND Thành phố', 'interim', 2025, 10, 20],
      ['Giấy khen của UBND Thành phố', 'final', 2030, 20, 30],
    ])
  })

  it('reads a quota table by its header: a quota per row with a count, its award a form', async () => {
    const d = await doc(
      `
      II. HÌNH THỨC KHEN THƯỞNG

      2. Số lượng khen thưởng

      | Hình thức | Tập thể | Cá nhân |
      |---|---|---|
      | Giấy khen của Chủ tịch UBND huyện (sơ kết năm 2026) | 10 | 15 |
      | Giấy khen của Chủ tịch UBND huyện (tổng kết năm 2030) | không quá 15 | 20 |
      | Bằng khen của Chủ tịch UBND tỉnh (mẫu 01) | Theo quy định | |
      `,
      'markdown',
    )
    expect(
      extractAwardQuotas(d).map((q) => [
        q.award,
        q.occasion,
        q.year,
        q.collectives,
        q.individuals,
        q.max,
        q.path,
      ]),
    ).toEqual([
      ['Giấy khen của Chủ tịch UBND huyện', 'interim', 2026, 10, 15, false, 'II.2'],
      ['Giấy khen của Chủ tịch UBND huyện', 'final', 2030, 15, 20, true, 'II.2'],
    ])
    expect(extractAwardForms(d).map((f) => [f.name, f.occasions])).toEqual([
      ['Giấy khen của Chủ tịch UBND huyện', ['interim', 'final']],
      // A bracket that does not say when is part of the name.
      ['Bằng khen của Chủ tịch UBND tỉnh (mẫu 01)', []],
    ])
  })

  it('reads no quotas from a table without a header of kinds, nor from a table outside the award sections', async () => {
    const noKinds = await doc(
      `
      II. HÌNH THỨC KHEN THƯỞNG

      | Hình thức | Năm |
      |---|---|
      | Giấy khen | 2026 |
      `,
      'markdown',
    )
    expect(extractAwardQuotas(noKinds)).toEqual([])
    expect(extractAwardForms(noKinds).map((f) => f.name)).toEqual(['Giấy khen'])
    const elsewhere = await doc(
      `
      III. KẾT QUẢ NĂM 2024

      | Đơn vị | Tập thể | Cá nhân |
      |---|---|---|
      | Giấy khen | 10 | 15 |
      `,
      'markdown',
    )
    expect(extractAwardQuotas(elsewhere)).toEqual([])
    expect(extractAwardForms(elsewhere)).toEqual([])
  })

  it('reads counts with the number spelled out in brackets, and counts given after their kind', () => {
    expect(readQuota('khen thưởng 05 (năm) tập thể và 10 (mười) cá nhân')).toMatchObject({
      collectives: 5,
      individuals: 10,
    })
    expect(readQuota('Tập thể: 05; cá nhân: 10; Hộ gia đình: 3')).toMatchObject({
      collectives: 5,
      individuals: 10,
      households: 3,
    })
  })

  it('reads per-unit, upper-bound and percentage quotas, and no quota from text without counts', () => {
    expect(readQuota('mỗi xã, phường không quá 02 tập thể và 03 cá nhân')).toMatchObject({
      collectives: 2,
      individuals: 3,
      max: true,
      per: 'mỗi xã, phường',
    })
    expect(readQuota('Mỗi huyện chọn 01 tập thể, 02 cá nhân')?.per).toBe('mỗi huyện')
    expect(readQuota('Mỗi đơn vị trực thuộc Sở được đề nghị 01 tập thể')?.per).toBe('mỗi đơn vị trực thuộc')
    expect(readQuota('03 tập thể, 05 cá nhân/đơn vị')?.per).toBe('mỗi đơn vị')
    expect(readQuota('không quá 02 tập thể cho mỗi xã')?.per).toBe('mỗi xã')
    // A unit named without "mỗi" is not a quota per unit.
    expect(readQuota('Ủy ban nhân dân xã chọn 02 tập thể')?.per).toBeNull()
    expect(readQuota('10 tập thể/ năm')?.per).toBeNull()
    expect(readQuota('tối đa 15% cá nhân')).toMatchObject({
      percent: { collectives: null, individuals: 15 },
      max: true,
    })
    // A range gives its end as an upper bound; two separate counts are not a range.
    expect(readQuota('khen thưởng từ 3 - 5 tập thể')).toMatchObject({ collectives: 5, max: true })
    expect(readQuota('chọn 03 đến 05 cá nhân tiêu biểu')).toMatchObject({ individuals: 5, max: true })
    expect(readQuota('khen thưởng 3 tập thể - 5 cá nhân')).toMatchObject({
      collectives: 3,
      individuals: 5,
      max: false,
    })
    expect(readQuota('năm 2021 - 2025: 10 tập thể')).toMatchObject({ collectives: 10, max: false })
    expect(readQuota('Khen thưởng theo thẩm quyền các tập thể, cá nhân tiêu biểu')).toBeNull()
    expect(readQuota('Tập thể: 15%')).toBeNull()
    expect(readQuota('Tập thể: tiêu biểu; Cá nhân: xuất sắc')).toBeNull()
    expect(occasionsIn('Khen thưởng hàng năm')).toEqual(['annual'])
    expect(occasionsIn('Khen thưởng đột xuất')).toEqual([])
  })
})

describe('extractPhases', () => {
  it('reads phases of the timeline', async () => {
    const d = await doc(
      'V. TIẾN ĐỘ THỰC HIỆN\n\n1. Giai đoạn 1 (Từ 2023 - 2025)\n\nTriển khai.\n\n2. Giai đoạn 2 (từ 2026 - 2030)\n\nTổng kết.',
    )
    expect(extractPhases(d).map((p) => [p.label, p.startYear, p.endYear, p.path])).toEqual([
      ['Giai đoạn 1', 2023, 2025, 'V.1'],
      ['Giai đoạn 2', 2026, 2030, 'V.2'],
    ])
  })

  it('does not take a campaign period in a sentence for a phase', async () => {
    const d = await doc(
      'V. TIẾN ĐỘ THỰC HIỆN\n\nPhong trào được triển khai thực hiện từ năm 2023 đến năm 2030.',
    )
    expect(extractPhases(d)).toEqual([])
  })
})

describe('extractFunding', () => {
  it('names the sources of the funding section', async () => {
    const d = await doc(
      'VI. KINH PHÍ THỰC HIỆN\n\nKinh phí từ nguồn ngân sách nhà nước; huy động từ nguồn tài trợ và các nguồn kinh phí hợp pháp khác.',
    )
    expect(extractFunding(d)).toEqual({
      sources: ['state-budget', 'sponsorship', 'other-lawful'],
      text: 'Kinh phí từ nguồn ngân sách nhà nước; huy động từ nguồn tài trợ và các nguồn kinh phí hợp pháp khác.',
      path: 'VI',
    })
  })

  it('is empty when the plan has no funding section and says nothing of funds from a known source', async () => {
    const none = { sources: [], text: '', path: null }
    expect(extractFunding(await doc('I. NỘI DUNG\n\nNgân sách nhà nước.'))).toEqual(none)
    expect(extractFunding(await doc('I. NỘI DUNG\n\n1. Sử dụng kinh phí tiết kiệm, hiệu quả.'))).toEqual(none)
  })

  it('without a funding section, reads the clause that assigns the funds, one of the implementation part first', async () => {
    const d = await doc(
      'III. GIẢI PHÁP\n\n1. Huy động các nguồn kinh phí xã hội hóa.\n\nIV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ chủ trì.\n\n2. Sở Tài chính bố trí kinh phí trong dự toán ngân sách nhà nước hằng năm.',
    )
    expect(extractFunding(d)).toEqual({
      sources: ['state-budget'],
      text: 'Sở Tài chính bố trí kinh phí trong dự toán ngân sách nhà nước hằng năm.',
      path: 'IV.2',
    })
    const elsewhere = await doc('III. GIẢI PHÁP\n\n1. Huy động các nguồn kinh phí xã hội hóa.')
    expect(extractFunding(elsewhere)).toMatchObject({ sources: ['sponsorship'], path: 'III.1' })
  })
})

describe('extractTargets', () => {
  it('reads numbers in Vietnamese notation with unit and year', async () => {
    const d = await doc(
      'II. MỤC TIÊU\n\n1. 100% xã, phường đạt chuẩn trước năm 2030.\n\n2. Huy động 7.080 tỷ đồng, tăng 2,5%.',
    )
    expect(extractTargets(d).map((t) => [t.value, t.unit, t.year])).toEqual([
      [100, '%', 2030],
      [7080, 'tỷ đồng', null],
      [2.5, '%', null],
    ])
    expect(parseNumber('1.234,5')).toBe(1234.5)
  })

  it('dates a target by the horizon of a heading above it, or of a period before it', async () => {
    const d = await doc(
      'II. MỤC TIÊU\n\n1. Mục tiêu đến hết năm 2026\n\na) 100% xã có trạm 5G.\n\n2. Các chỉ tiêu khác\n\na) Trong giai đoạn 2026 - 2030 có ít nhất 10% cán bộ đạt chuẩn.',
    )
    expect(extractTargets(d).map((t) => [t.path, t.value, t.year])).toEqual([
      ['II.1.a', 100, 2026],
      ['II.2.a', 10, 2030],
    ])
  })

  it('counts products, projects, regions and centres; no noun outside the units, no rank, no figure of how things are now', async () => {
    const d = await doc(
      'II. MỤC TIÊU\n\n1. Đến năm 2030 hình thành ít nhất 02 vùng nuôi thủy sản, 01 trung tâm logistics và 10 sản phẩm du lịch; thí điểm 2 dự án; tổ chức 3 hội nghị; vào top 03 vùng dẫn đầu.\n\nHiện nay có khoảng 180 trạm, 22 trạm 5G và 40% xã đạt chuẩn.',
    )
    expect(extractTargets(d).map((t) => [t.value, t.unit, t.year])).toEqual([
      [2, 'vùng', 2030],
      [1, 'trung tâm', 2030],
      [10, 'sản phẩm', 2030],
      [2, 'dự án', 2030],
    ])
  })

  it('leaves the year null when neither the target nor a heading above it states one', async () => {
    const d = await doc('II. MỤC TIÊU\n\n1. Mục tiêu cụ thể\n\na) 100% xã có trạm 5G.')
    expect(extractTargets(d).map((t) => t.year)).toEqual([null])
  })

  it('reads targets under a "chỉ tiêu" heading beside the objectives', async () => {
    const d = await doc(
      'I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục tiêu\n\nNâng cao nhận thức.\n\n2. Các chỉ tiêu cụ thể đến năm 2030\n\na) Trên 80% trạm y tế đạt chuẩn.\n\nII. NỘI DUNG\n\n1. Hỗ trợ 50% kinh phí.',
    )
    expect(extractTargets(d).map((t) => [t.path, t.value, t.year])).toEqual([['I.2.a', 80, 2030]])
  })

  it('does not read dates, symbols or labels as targets', async () => {
    const d = await doc(
      'II. MỤC TIÊU\n\n1. Theo Quyết định số 1315/QĐ-TTg ngày 09/11/2023 giai đoạn 2023-2030.',
    )
    expect(extractTargets(d)).toEqual([])
  })
})

describe('extractAppendices', () => {
  it('reads the title and flattened table rows of an appendix after the signature', async () => {
    const text =
      'I. A\n\n1. Việc./.\n\nNơi nhận:\n- Lưu: VT.\n\nPHỤ LỤC\n\nNHIỆM VỤ CHỦ YẾU\n\n|\nTT\n|\nNội dung\n|\n|\n1\n|\nKhảo sát\n|\n|\n2\n|\nĐánh giá\n|'
    const apps = extractAppendices(await doc(text))
    expect(apps).toHaveLength(1)
    expect(apps[0]?.title).toBe('NHIỆM VỤ CHỦ YẾU')
    expect(apps[0]?.rows.map((r) => r.cells)).toEqual([
      ['TT', 'Nội dung'],
      ['1', 'Khảo sát'],
      ['2', 'Đánh giá'],
    ])
  })

  it('leaves the line naming the plan it is attached to out of the title, and keeps other brackets', async () => {
    const title = async (lines: string) =>
      extractAppendices(
        await doc(
          `I. A\n\n1. Việc./.\n\nNơi nhận:\n- Lưu: VT.\n\nPHỤ LỤC\n\n${lines}\n\n|\nTT\n|\nNội dung\n|`,
        ),
      )[0]?.title
    expect(await title('NHIỆM VỤ CHỦ YẾU\n\n(Kèm theo Kế hoạch số 310/KH-UBND ngày 24/11/2025)')).toBe(
      'NHIỆM VỤ CHỦ YẾU',
    )
    expect(await title('NHIỆM VỤ (Ban hành kèm theo Kế hoạch số /KH-UBND)')).toBe('NHIỆM VỤ')
    expect(await title('NHIỆM VỤ (giai đoạn 2026 - 2030)')).toBe('NHIỆM VỤ (giai đoạn 2026 - 2030)')
  })

  it('finds none in a plan without one', async () => {
    expect(extractAppendices(await doc('I. A\n\n1. Việc./.\n\nNơi nhận:\n- Lưu: VT.'))).toEqual([])
  })
})

describe('extractItems with sub-headings', () => {
  it('descends into sub-headings that carry the same role', async () => {
    const d = await doc(
      'I. MỤC TIÊU\n\n1. Mục tiêu tổng quát\n\nNâng cao nhận thức.\n\n2. Mục tiêu cụ thể\n\na) Giảm 10%.\n\nb) Tăng 20%.',
    )
    expect(extractItems(d, 'objectives').map((i) => [i.path, i.text])).toEqual([
      ['I.1', 'Nâng cao nhận thức.'],
      ['I.2.a', 'Giảm 10%.'],
      ['I.2.b', 'Tăng 20%.'],
    ])
  })
})
