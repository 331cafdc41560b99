import { describe, expect, it } from 'vitest'
import { emptyContext } from '../src/extract/context.js'
import { findCrossRefs } from '../src/extract/crossrefs.js'
import { extractReferences } from '../src/extract/references.js'
import { doc } from './helpers.js'

describe('extractReferences', () => {
  it('runs a title on past the document it names ("về thực hiện Nghị quyết số ..."), not past its own end, nor into its short name', async () => {
    const d = await doc(`KẾ HOẠCH

Tiêu đề

Căn cứ Kế hoạch số 283/KH-UBND ngày 24/9/2025 của UBND tỉnh về thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ; Quyết định số 12/QĐ-UBND ngày 02/01/2025 của UBND tỉnh về việc ban hành Quy chế; Kế hoạch số 3/KH-UBND của UBND tỉnh; Quyết định số 7/QĐ-BCA ngày 08/9/2025 của Bộ Công an phê duyệt Chương trình quốc gia (sau đây viết tắt là Chương trình).

I. NỘI DUNG

1. Thực hiện.`)
    const titles = extractReferences(d, emptyContext()).map((r) => [r.id, r.title])
    expect(titles).toEqual([
      ['283/KH-UBND', 'thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ'],
      ['71/NQ-CP', null],
      ['12/QĐ-UBND', 'ban hành Quy chế'],
      ['3/KH-UBND', null],
      ['7/QĐ-BCA', 'Chương trình quốc gia'],
    ])
  })

  it('ends a title at the end of its sentence, or where the plan goes on with its own, not at "TP."', async () => {
    const d = await doc(`KẾ HOẠCH

Tiêu đề

Thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng pháp luật, UBND tỉnh ban hành Kế hoạch như sau:

I. NỘI DUNG

1. Tổng kết Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng Chính phủ về tăng cường công tác bảo mật. Đề xuất khen thưởng.

2. Thực hiện Quyết định số 5/QĐ-UBND của UBND tỉnh về phát triển TP. Hồ Chí Minh, vùng Đông Nam Bộ.`)
    const titles = extractReferences(d, emptyContext()).map((r) => [r.id, r.title])
    expect(titles).toEqual([
      ['66-NQ/TW', 'đổi mới công tác xây dựng pháp luật'],
      ['32/CT-TTg', 'tăng cường công tác bảo mật'],
      ['5/QĐ-UBND', 'phát triển TP. Hồ Chí Minh, vùng Đông Nam Bộ'],
    ])
  })

  it('takes the issuer a symbol names when the text gives none, and no other', async () => {
    const d = await doc(`KẾ HOẠCH

Tiêu đề

Căn cứ các Quyết định: số 36/QĐ-TTg, số 163/2024/QH15, số 71/NQ-CP, số 9/QĐ-UBND, số 57-NQ/TW và số 2/QĐ-TTg ngày 01/01/2025 của Bộ trưởng.

I. NỘI DUNG

1. Thực hiện.`)
    const issuers = extractReferences(d, emptyContext()).map((r) => [r.id, r.issuer])
    expect(issuers).toEqual([
      ['36/QĐ-TTg', 'Thủ tướng Chính phủ'],
      ['163/2024/QH15', 'Quốc hội'],
      ['71/NQ-CP', 'Chính phủ'],
      ['9/QĐ-UBND', null],
      ['57-NQ/TW', null],
      ['2/QĐ-TTg', 'Bộ trưởng'],
    ])
  })

  it('warns of a date in another year than the number states, and only then', async () => {
    const d = await doc(`KẾ HOẠCH

Tiêu đề

Căn cứ Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2025 của Quốc hội; Quyết định số 15/2021/QĐ-UBND ngày 08/7/2021 của UBND tỉnh; Quyết định số 1315/QĐ-TTg ngày 09/11/2023; Thông tư số 25/2023/TT-BGDĐT.

I. NỘI DUNG

1. Thực hiện.`)
    const warnings: unknown[] = []
    extractReferences(d, emptyContext({ warn: (w) => warnings.push(w) }))
    expect(warnings).toEqual([
      {
        code: 'reference-date-mismatch',
        message: '163/2024/QH15 is dated 27/11/2025, but its number says it was issued in 2024',
        path: null,
        line: 5,
      },
    ])
  })

  it('reads id, kind, date, issuer, title and the legal-basis flag, once per id', async () => {
    const d = await doc(`KẾ HOẠCH

Tiêu đề

Căn cứ Quyết định số 1315/QĐ-TTg ngày 09 tháng 11 năm 2023 của Thủ tướng Chính phủ về việc ban hành Kế hoạch;

Tiếp theo các Kế hoạch của Ủy ban nhân dân tỉnh: Số 481/KH-UBND ngày 25/02/2022 triển khai Đề án;

I. NỘI DUNG

Theo Kết luận số 49-KL/TW ngày 10 tháng 5 năm 2019 của Ban Bí thư về tăng cường; theo Quyết định số 1373/QĐ-TTg và Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo.

1. Nhắc lại Quyết định số 1315/QĐ-TTg.`)
    const refs = extractReferences(d, emptyContext())
    expect(refs.map((r) => r.id)).toEqual([
      '1315/QĐ-TTg',
      '481/KH-UBND',
      '49-KL/TW',
      '1373/QĐ-TTg',
      '25/2023/TT-BGDĐT',
    ])
    expect(refs[0]).toMatchObject({
      kind: 'Quyết định',
      number: '1315',
      symbol: 'QĐ-TTg',
      date: { iso: '2023-11-09' },
      issuer: 'Thủ tướng Chính phủ',
      isLegalBasis: true,
    })
    expect(refs[0]?.occurrences.map((o) => o.path)).toEqual([null, 'I.1'])
    expect(refs[1]).toMatchObject({ kind: 'Kế hoạch', date: { iso: '2022-02-25' }, isLegalBasis: true })
    expect(refs[2]).toMatchObject({
      kind: 'Kết luận',
      date: { iso: '2019-05-10' },
      issuer: 'Ban Bí thư',
      isLegalBasis: false,
    })
    expect(refs[3]?.date).toBeNull()
    expect(refs[4]).toMatchObject({ kind: 'Thông tư', number: '25', date: { iso: '2023-12-27' } })
  })

  it('repairs stray spaces in symbols, merges an id printed in capitals, and ends issuers before the next citation', async () => {
    const d = await doc(
      'KẾ HOẠCH\n\nTRIỂN KHAI CHỈ THỊ SỐ 32/CT-TTG\n\nThực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng Chính phủ; Nghị quyết số 27/NQ- TW ngày 09/11/2022 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/KH-UBND.\n\nI. A',
    )
    const refs = extractReferences(d, emptyContext())
    expect(refs.map((r) => [r.id, r.kind, r.issuer])).toEqual([
      ['32/CT-TTg', 'Chỉ thị', 'Thủ tướng Chính phủ'],
      ['27/NQ-TW', 'Nghị quyết', 'Ban Thường vụ Tỉnh ủy'],
      ['24/KH-UBND', 'Kế hoạch', null],
    ])
  })

  it('ignores numbers that are not citations', async () => {
    const d = await doc(
      'I. A\n\nGiai đoạn 2023 - 2030, năm 2025 - Phòng Nội vụ, 10/20 cá nhân, ngày 05/12 hằng năm, Số: /KH-UBND.',
    )
    expect(extractReferences(d, emptyContext())).toEqual([])
  })
})

describe('findCrossRefs', () => {
  const ctx = (paths: string[], warnings: unknown[] = []) =>
    emptyContext({ byPath: new Map(paths.map((p) => [p, {} as never])), warn: (w) => warnings.push(w) })

  it('resolves points, clauses and parts to paths', () => {
    const refs = findCrossRefs(
      'Thực hiện đạt các tiêu chí thi đua tại điểm a, b, khoản 1 Mục III của Kế hoạch này.',
      { path: 'III.2.a', line: 1 },
      ctx(['III.1.a', 'III.1.b']),
    )
    expect(refs).toEqual([
      { text: expect.stringContaining('điểm a, b, khoản 1 Mục III'), paths: ['III.1.a', 'III.1.b'] },
    ])
    expect(
      findCrossRefs('tại điểm c khoản 1 Mục III', { path: 'III.2.b', line: 1 }, ctx(['III.1.c']))[0]?.paths,
    ).toEqual(['III.1.c'])
    expect(findCrossRefs('theo khoản 2', { path: 'IV.1', line: 1 }, ctx(['IV.2']))[0]?.paths).toEqual([
      'IV.2',
    ])
  })

  it('warns about targets the plan does not have and skips other documents', () => {
    const warnings: unknown[] = []
    findCrossRefs('tại điểm k khoản 1 Mục III', { path: 'III.2', line: 7 }, ctx(['III.1.a'], warnings))
    expect(warnings).toEqual([expect.objectContaining({ code: 'unresolved-crossref', line: 7 })])
    expect(
      findCrossRefs('theo khoản 1 Điều 5 Luật Thi đua, khen thưởng', { path: 'I', line: 1 }, ctx([])),
    ).toEqual([])
    expect(findCrossRefs('nâng cao điểm số', { path: 'I', line: 1 }, ctx([]))).toEqual([])
  })

  it('finds each reference of a long text once, wherever it starts', () => {
    const filler = 'Tiếp tục nâng cao chất lượng công tác thi đua của các đơn vị trong toàn tỉnh. '.repeat(20)
    const refs = findCrossRefs(
      `${filler}Thực hiện theo khoản 2 Mục II và tại điểm a khoản 1 Mục III. ${filler}`,
      { path: 'IV.1', line: 1 },
      ctx(['II.2', 'III.1.a']),
    )
    expect(refs.map((r) => [r.text, r.paths])).toEqual([
      ['theo khoản 2 Mục II', ['II.2']],
      ['tại điểm a khoản 1 Mục III', ['III.1.a']],
    ])
    expect(findCrossRefs(filler, { path: 'IV.1', line: 1 }, ctx([]))).toEqual([])
  })
})
