import { describe, expect, it } from 'vitest'
import { emptyContext } from '../src/extract/context.js'
import { extractDeadlines } from '../src/extract/deadlines.js'
import { lineOfFact } from '../src/extract/lines.js'
import { extractReferences } from '../src/extract/references.js'
import { extractTargets } from '../src/extract/targets.js'
import { doc } from './helpers.js'

const ctx = emptyContext({ issuerLevel: 'province', locality: 'Hà Nam' })

describe('facts in a hard-wrapped paragraph are on their own line', () => {
  const wrapped = [
    'Hà Nam, ngày 10 tháng 5 năm 2024',
    '',
    'KẾ HOẠCH',
    '',
    'Về việc thử',
    '',
    'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Quyết định',
    'số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ; Kế hoạch số',
    '283/KH-UBND của UBND tỉnh về thực hiện Nghị quyết số 57-NQ/TW; Ủy ban',
    'nhân dân tỉnh ban hành Kế hoạch như sau:',
    '',
    'I. MỤC TIÊU',
    '',
    '1. Đến năm 2030 có 100% xã đạt chuẩn, ít nhất',
    '85% trường học đạt chuẩn quốc gia.',
    '',
    'II. TỔ CHỨC THỰC HIỆN',
    '',
    'Các sở, ngành xây dựng kế hoạch chi tiết và định kỳ báo cáo kết quả thực hiện',
    'trước ngày 20/11 hằng năm về Sở Nội vụ; sơ kết vào',
    'năm 2027.',
  ].join('\n')

  it('gives each citation the line it is on, a repeated one each of its lines', async () => {
    const refs = extractReferences(await doc(wrapped, 'markdown'), ctx)
    expect(refs.map((r) => [r.id, r.occurrences.map((o) => o.line)])).toEqual([
      ['57-NQ/TW', [7, 9]],
      ['1315/QĐ-TTg', [8]],
      ['283/KH-UBND', [9]],
    ])
  })

  it('gives a target and a deadline the line of their number', async () => {
    const d = await doc(wrapped, 'markdown')
    expect(extractTargets(d).map((t) => [t.value, t.line])).toEqual([
      [100, 14],
      [85, 15],
    ])
    expect(extractDeadlines(d, ctx).map((x) => [x.due.kind, x.line])).toEqual([
      ['yearly', 20],
      ['year', 21],
    ])
  })
})

describe('lineOfFact', () => {
  it('keeps the first line of a block of one line, of a fact without a number, or of a number not found', async () => {
    const d = await doc('Một dòng 2030.\n\nHai\ndòng 2030.', 'markdown')
    expect(lineOfFact(d, { line: 1, endLine: 1 }, 'Một dòng ', '2030.')).toBe(1)
    expect(lineOfFact(d, { line: 3, endLine: 4 }, '', 'Hai dòng')).toBe(3)
    expect(lineOfFact(d, { line: 3, endLine: 4 }, 'Hai dòng ', '2031.')).toBe(3)
    expect(lineOfFact(d, { line: 3, endLine: 4 }, 'Hai dòng ', '2030.')).toBe(4)
  })

  it('counts a number as a whole, and not in the label of a heading', async () => {
    const d = await doc('2. Năm 12 và năm\n2 và 2.', 'markdown')
    // The second "2" of the text is on line 2; "12" is no "2", and the label "2." is not in the text.
    expect(lineOfFact(d, { line: 1, endLine: 2, labelled: true }, 'Năm 12 và năm 2 và ', '2.')).toBe(2)
    expect(lineOfFact(d, { line: 1, endLine: 2, labelled: true }, 'Năm 12 và năm ', '2 và 2.')).toBe(2)
    expect(lineOfFact(d, { line: 1, endLine: 2, labelled: true }, 'Năm ', '12 và năm 2 và 2.')).toBe(1)
  })
})
