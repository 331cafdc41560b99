import { describe, expect, it } from 'vitest'
import type { Warning } from '../schemas/plan.js'
import { findDate, makeDate } from '../src/extract/dates.js'
import { extractMeta } from '../src/extract/meta.js'
import { doc } from './helpers.js'

const HEADER = `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH

Số: 141/KH-UBND

Bắc Ninh, ngày 20 tháng 11 năm 2025

KẾ HOẠCH

Triển khai Phong trào “Cả nước thi đua xây dựng xã hội học tập giai đoạn 2023-2030” trên địa bàn tỉnh

Căn cứ Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ;

I. MỤC ĐÍCH

1. Một việc./.

Nơi nhận:
- Bộ GDĐT (để b/c);
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Phạm Văn Thịnh`

async function meta(text: string) {
  const warnings: Warning[] = []
  const result = extractMeta(await doc(text), (w) => warnings.push(w))
  return { ...result, warnings }
}

describe('dates', () => {
  it('reads both printed forms', () => {
    expect(findDate('ngày 09/11/2023 của')?.date).toEqual({
      iso: '2023-11-09',
      year: 2023,
      month: 11,
      day: 9,
    })
    expect(findDate('ngày 10 tháng 5 năm 2019')?.date).toEqual({
      iso: '2019-05-10',
      year: 2019,
      month: 5,
      day: 10,
    })
  })

  it('keeps blank parts null', () => {
    expect(findDate('Hà Nam, ngày tháng năm 2024')?.date).toEqual({
      iso: null,
      year: 2024,
      month: null,
      day: null,
    })
    expect(findDate('ngày   /   /2025')?.date).toEqual({ iso: null, year: 2025, month: null, day: null })
  })

  it('finds no date where there is none and rejects impossible months', () => {
    expect(findDate('giai đoạn 2023-2030')).toBeNull()
    expect(makeDate(2024, 13, 40)).toEqual({ iso: null, year: 2024, month: null, day: null })
  })
})

describe('extractMeta', () => {
  it('reads number, place, date, issuer, title, campaign, signer and recipients', async () => {
    const { meta: m, warnings } = await meta(HEADER)
    expect(m).toMatchObject({
      kind: 'KH',
      number: '141',
      symbol: 'KH-UBND',
      issuer: { name: 'Ủy ban nhân dân tỉnh Bắc Ninh', level: 'province', locality: 'Bắc Ninh' },
      place: 'Bắc Ninh',
      date: { iso: '2025-11-20' },
      campaign: { startYear: 2023, endYear: 2030 },
      signer: {
        name: 'Phạm Văn Thịnh',
        title: 'Phó Chủ tịch',
        authority: 'TM. Ủy ban nhân dân',
        onBehalfOf: 'KT. Chủ tịch',
      },
      recipients: ['Bộ GDĐT (để b/c)', 'Lưu: VT'],
    })
    expect(m.title).toMatch(/^Triển khai Phong trào “Cả nước/)
    expect(warnings).toEqual([])
  })

  it('warns about a blank number and date, and infers the issuer from the preamble', async () => {
    const text = HEADER.replace('ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\n', '')
      .replace('141/KH-UBND', '/KH-UBND')
      .replace('ngày 20 tháng 11 năm 2025', 'ngày tháng năm 2024')
      .replace(
        'Thủ tướng Chính phủ;',
        'Thủ tướng Chính phủ, UBND thành phố Vũng Tàu xây dựng Kế hoạch như sau:',
      )
      .replace('Bắc Ninh, ngày', 'Vũng Tàu, ngày')
    const { meta: m, warnings } = await meta(text)
    expect(m.number).toBeNull()
    expect(m.date).toEqual({ iso: null, year: 2024, month: null, day: null })
    expect(m.issuer).toEqual({
      name: 'Ủy ban nhân dân thành phố Vũng Tàu',
      level: 'district',
      locality: 'Vũng Tàu',
    })
    expect(warnings.map((w) => w.code)).toEqual(['blank-number', 'blank-date'])
  })

  it('does not take a cited issuer for the plan issuer, and has no campaign without a quoted movement', async () => {
    const text = HEADER.replace('ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\n', '')
      .replace('Thủ tướng Chính phủ;', 'UBND tỉnh Bà Rịa-Vũng Tàu;')
      .replace(/Triển khai Phong trào .*/, 'Nâng cao năng lực cán bộ')
    const { meta: m } = await meta(text)
    expect(m.issuer.name).toBeNull()
    expect(m.campaign).toBeNull()
  })

  it('reads the campaign of "Phong trào thi đua “…”", straight quotes too', async () => {
    const { meta: m } = await meta(
      HEADER.replace(
        /Triển khai Phong trào .*/,
        'Thực hiện Phong trào thi đua "Dân vận khéo" giai đoạn 2024 - 2030 trên địa bàn tỉnh',
      ),
    )
    expect(m.campaign).toEqual({ name: 'Dân vận khéo', startYear: 2024, endYear: 2030 })
    const { meta: plain } = await meta(
      HEADER.replace(/Triển khai Phong trào .*/, 'Thực hiện công tác thi đua "năm 2024"'),
    )
    expect(plain.campaign).toBeNull()
  })

  it('makes a centrally-run city a province-level issuer', async () => {
    const { meta: m } = await meta(
      HEADER.replace('TỈNH BẮC NINH', 'THÀNH PHỐ CẦN THƠ').replace('Bắc Ninh, ngày', 'Cần Thơ, ngày'),
    )
    expect(m.issuer).toEqual({
      name: 'Ủy ban nhân dân thành phố Cần Thơ',
      level: 'province',
      locality: 'Cần Thơ',
    })
  })
})

describe('a Markdown plan whose header and signature are two-column tables', () => {
  const TABLES = `| ỦY BAN NHÂN DÂN<br>HUYỆN KIM BẢNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 45/KH-UBND | *Kim Bảng, ngày 12 tháng 3 năm 2024* |

# KẾ HOẠCH

Triển khai phong trào thi đua năm 2024

### I. MỤC ĐÍCH

1. Một việc.

| Hình thức | Tập thể | Cá nhân |
|---|---|---|
| Giấy khen<br>của Chủ tịch UBND huyện | 10 | 15 |

| **Nơi nhận:**<br>- UBND tỉnh;<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br>**Nguyễn Văn An** |
|---|---|
`

  it('reads them column by column, as the text of a plan, with <br> as a line break', async () => {
    const warnings: Warning[] = []
    const { meta: m } = extractMeta(await doc(TABLES, 'markdown'), (w) => warnings.push(w))
    expect(m).toMatchObject({
      number: '45',
      symbol: 'KH-UBND',
      issuer: { name: 'Ủy ban nhân dân huyện Kim Bảng', level: 'district', locality: 'Kim Bảng' },
      place: 'Kim Bảng',
      date: { iso: '2024-03-12' },
      signer: { name: 'Nguyễn Văn An', title: 'Phó Chủ tịch', authority: 'TM. Ủy ban nhân dân' },
      recipients: ['UBND tỉnh', 'Lưu: VT'],
    })
    expect(warnings).toEqual([])
  })

  it('keeps a table of data as rows of cells, a <br> in a cell a space', async () => {
    const d = await doc(TABLES, 'markdown')
    const rows = d.blocks.filter((b) => b.kind === 'row').map((b) => b.cells)
    expect(rows).toEqual([
      ['Hình thức', 'Tập thể', 'Cá nhân'],
      ['Giấy khen của Chủ tịch UBND huyện', '10', '15'],
    ])
    expect(d.blocks.some((b) => b.text.includes('<br'))).toBe(false)
  })
})

describe('a decision with an attached plan', () => {
  const DECISION = `ỦY BAN NHÂN DÂN
TỈNH NAM ĐỊNH

Số: 25/QĐ-UBND

Nam Định, ngày 05 tháng 3 năm 2024

QUYẾT ĐỊNH

Ban hành Kế hoạch thực hiện Phong trào “Thi đua xây dựng xã hội học tập giai đoạn 2023-2030”

ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH

Căn cứ Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Phong trào.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Chánh Văn phòng và các sở chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Phạm Đình Nghị

KẾ HOẠCH

Thực hiện Phong trào “Thi đua xây dựng xã hội học tập giai đoạn 2023-2030”

(Kèm theo Quyết định số 25/QĐ-UBND ngày 05/3/2024 của UBND tỉnh)

I. MỤC ĐÍCH

1. Một việc.`

  it('describes the decision in meta, its articles apart, and the plan in sections', async () => {
    const d = await doc(DECISION)
    const { meta: m } = extractMeta(d, () => {})
    expect(m).toMatchObject({
      kind: 'QĐ',
      number: '25',
      symbol: 'QĐ-UBND',
      issuer: { level: 'province', locality: 'Nam Định' },
    })
    expect(m.title).toMatch(/^Ban hành Kế hoạch/)
    expect(m.attachedTitle).toMatch(/^Thực hiện Phong trào/)
    expect(m.signer).toMatchObject({
      name: 'Phạm Đình Nghị',
      title: 'Chủ tịch',
      authority: 'TM. Ủy ban nhân dân',
    })
    expect(m.recipients).toEqual(['Như Điều 3', 'Lưu: VT'])
    const { extractArticles } = await import('../src/extract/articles.js')
    expect(extractArticles(d).map((a) => a.label)).toEqual(['Điều 1', 'Điều 2', 'Điều 3'])
    const { extractReferences } = await import('../src/extract/references.js')
    const { emptyContext } = await import('../src/extract/context.js')
    expect(extractReferences(d, emptyContext()).map((r) => r.id)).toEqual(['1315/QĐ-TTg'])
    expect(d.flat.map((s) => s.path)).toEqual(['I', 'I.1'])
  })

  it('gives a plain plan no articles', async () => {
    const { extractArticles } = await import('../src/extract/articles.js')
    expect(extractArticles(await doc(HEADER))).toEqual([])
  })
})
