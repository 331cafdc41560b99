/** The PDF clean-up stages on hand-made lines: no PDF needed to read what each stage does. */
import { describe, expect, it } from 'vitest'
import { splitHeader, splitSignature } from '../src/ingest/pdf-columns.js'
import { repairLine } from '../src/ingest/pdf-diacritics.js'
import { dropFurniture } from '../src/ingest/pdf-furniture.js'
import type { Cell, PdfLine } from '../src/ingest/pdf-lines.js'
import { pageLines } from '../src/ingest/pdf-lines.js'
import { layoutParagraphs } from '../src/ingest/pdf-paragraphs.js'
import { isSyllable } from '../src/ingest/pdf-syllable.js'

const SIZE = 13
const LEFT = 85
const RIGHT = 538

/** A line of body text: `indent` in points, `width` as a share of the column (1 = justified full line). */
function body(text: string, page: number, top: number, { indent = 0, width = 1 } = {}): PdfLine {
  const left = LEFT + indent
  return { text, page, box: { left, right: left + (RIGHT - LEFT - indent) * width, top, size: SIZE } }
}

/** A line of two cells at the given x ranges. */
function twoCells(
  page: number,
  top: number,
  a: [string, number, number],
  b: [string, number, number],
): PdfLine {
  const cells: Cell[] = [a, b].map(([text, left, right]) => ({ text, left, right }))
  return { text: `${a[0]}\t${b[0]}`, page, box: { left: a[1], right: b[2], top, size: SIZE }, cells }
}

const cell = (text: string, page: number, top: number, left: number, right: number): PdfLine => ({
  text,
  page,
  box: { left, right, top, size: SIZE },
})

const texts = (lines: PdfLine[]) => lines.map((l) => l.text)
const paragraphs = (lines: PdfLine[]) => layoutParagraphs(lines).text.split('\n\n')

describe('pageLines', () => {
  const item = (str: string, x: number, y: number, width: number) => ({
    str,
    transform: [SIZE, 0, 0, SIZE, x, y],
    width,
    height: SIZE,
  })

  it('puts items on one baseline in one line, left to right, whatever order they were drawn in', () => {
    const lines = pageLines(
      [item('nhân dân', 150, 700, 60), item('Ủy ban', 85, 700, 55), item('tỉnh', 85, 680, 30)],
      842,
      1,
    )
    expect(texts(lines)).toEqual(['Ủy ban nhân dân', 'tỉnh'])
    expect(lines[0]?.box).toMatchObject({ left: 85, right: 210, top: 142 })
  })

  it('splits a line at a wide gap into cells: the two columns of a header', () => {
    const [line] = pageLines(
      [item('ỦY BAN NHÂN DÂN', 100, 780, 120), item('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 780, 230)],
      842,
      1,
    )
    expect(line?.text).toBe('ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(line?.cells?.map((c) => c.left)).toEqual([100, 300])
  })

  it('joins glyph runs that touch without a space', () => {
    expect(texts(pageLines([item('Kế hoạ', 85, 700, 40), item('ch', 125.5, 700, 12)], 842, 1))).toEqual([
      'Kế hoạch',
    ])
  })
})

describe('dropFurniture', () => {
  const page = (n: number, words: string) => [
    cell('UBND tỉnh Hà Nam - Kế hoạch số 12/KH-UBND', n, 30, 200, 400),
    body(`${words} thứ nhất của trang`, n, 80),
    body(`${words} thứ hai của trang`, n, 100),
    body(`${words} thứ ba của trang`, n, 120),
    body(`${words} thứ tư của trang`, n, 140),
    cell(`Trang ${n}/3`, n, 800, 280, 320),
  ]

  it('removes a running header and "Trang n/N" repeated at the page edges', () => {
    const out = dropFurniture([...page(1, 'Dòng'), ...page(2, 'Câu'), ...page(3, 'Ý')])
    expect(out).toHaveLength(12)
    expect(out.some((l) => /Trang|Kế hoạch số/.test(l.text))).toBe(false)
  })

  it('removes a lone page number even in a one-page file, but not a number inside the text', () => {
    const lines = [
      body('Mục tiêu năm', 1, 80),
      body('2030', 1, 100),
      body('Hết', 1, 120),
      body('x', 1, 140),
      body('y', 1, 160),
      body('z', 1, 180),
      cell('1', 1, 800, 290, 296),
    ]
    expect(texts(dropFurniture(lines))).toEqual(['Mục tiêu năm', '2030', 'Hết', 'x', 'y', 'z'])
  })

  it('keeps a line that repeats in the body but not at the page edges', () => {
    const lines = [1, 2].flatMap((n) => [
      body(`Mở đầu ${n}a`, n, 80),
      body(`Mở đầu ${n}b`, n, 100),
      body(`Mở đầu ${n}c`, n, 110),
      body('Phong trào thi đua', n, 120),
      body(`Kết ${n}a`, n, 140),
      body(`Kết ${n}b`, n, 160),
      body(`Kết ${n}c`, n, 180),
    ])
    expect(dropFurniture(lines).filter((l) => l.text === 'Phong trào thi đua')).toHaveLength(2)
  })
})

describe('splitHeader', () => {
  const rest = [
    cell('KẾ HOẠCH', 1, 200, 260, 330),
    body('Căn cứ Luật Tổ chức chính quyền địa phương;', 1, 230),
  ]

  it('reads a header given row by row as one item per line, left column first', () => {
    const lines = [
      twoCells(1, 60, ['ỦY BAN NHÂN DÂN', 110, 230], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 300, 520]),
      cell('VIỆT NAM', 1, 78, 380, 450),
      twoCells(1, 96, ['TỈNH HÀ NAM', 125, 215], ['Độc lập - Tự do - Hạnh phúc', 330, 500]),
      twoCells(1, 114, ['———', 150, 190], ['———', 390, 430]),
      twoCells(1, 132, ['Số: 12/KH-UBND', 120, 220], ['Hà Nam, ngày 05 tháng 3 năm 2024', 320, 520]),
      ...rest,
    ]
    expect(texts(splitHeader(lines)).filter((t) => t !== '')).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      'Số: 12/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nam, ngày 05 tháng 3 năm 2024',
      'KẾ HOẠCH',
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
    ])
  })

  it('cuts a line where the producer ran both columns into one piece', () => {
    const lines = [
      cell('ỦY BAN NHÂN DÂN TỈNH HÀ NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 1, 60, 85, 540),
      cell('Số: /KH-UBND Hà Nam, ngày tháng năm 2024', 1, 80, 100, 500),
      ...rest,
    ]
    expect(texts(splitHeader(lines)).filter((t) => t !== '')).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      'Số: /KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Hà Nam, ngày tháng năm 2024',
      'KẾ HOẠCH',
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
    ])
  })

  it('leaves a page without the national header alone', () => {
    const lines = [cell('TÀI LIỆU HỌP', 1, 60, 250, 340), ...rest]
    expect(splitHeader(lines)).toBe(lines)
  })
})

describe('splitSignature', () => {
  it('reads recipients, then the signer, when the two columns share lines', () => {
    const lines = [
      body('đề nghị các đơn vị kịp thời báo cáo./.', 3, 100, { width: 0.5 }),
      twoCells(3, 130, ['Nơi nhận:', 87, 147], ['TM. ỦY BAN NHÂN DÂN', 342, 503]),
      twoCells(3, 148, ['- Sở Nội vụ;', 92, 200], ['KT. CHỦ TỊCH', 375, 471]),
      cell('- Các cơ quan, đơn vị, địa phương', 3, 166, 92, 283),
      cell('trong Kế hoạch;', 3, 184, 92, 170),
      twoCells(3, 220, ['- Lưu: VT.', 92, 150], ['Trần Văn B', 368, 470]),
    ]
    expect(texts(splitSignature(lines))).toEqual([
      'đề nghị các đơn vị kịp thời báo cáo./.',
      'Nơi nhận:',
      '- Sở Nội vụ;',
      '- Các cơ quan, đơn vị, địa phương',
      'trong Kế hoạch;',
      '- Lưu: VT.',
      '',
      'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH',
      '',
      'Trần Văn B',
      '',
    ])
  })

  it('ends the block at a line across both columns (an appendix after the signature)', () => {
    const lines = [
      twoCells(3, 130, ['Nơi nhận:', 87, 147], ['CHỦ TỊCH', 390, 470]),
      cell('- Như trên;', 3, 148, 92, 180),
      cell('Nguyễn Văn A', 3, 200, 370, 480),
      body('Phụ lục kèm theo Kế hoạch này gồm các biểu mẫu báo cáo định kỳ hằng năm.', 4, 60),
    ]
    expect(texts(splitSignature(lines)).at(-1)).toBe(
      'Phụ lục kèm theo Kế hoạch này gồm các biểu mẫu báo cáo định kỳ hằng năm.',
    )
  })
})

describe('repairLine', () => {
  const none = new Set<string>()

  it('joins a syllable split at its toned vowel', () => {
    expect(repairLine('ĐIỀ U KHO ẢN CHUNG', new Set(['khoản']))).toBe('ĐIỀU KHOẢN CHUNG')
    expect(repairLine('nghiệp vụ: NGHI Ệ P VỤ', none)).toBe('nghiệp vụ: NGHIỆP VỤ')
  })

  it('attaches a combining mark that a space cut from its letter', () => {
    expect(repairLine('ĐIÊ \u0300U', none)).toBe('ĐIỀU')
  })

  it('leaves two real words alone, even when together they would spell a syllable', () => {
    expect(repairLine('cho ảnh và hồ ao', none)).toBe('cho ảnh và hồ ao')
    expect(repairLine('KHO ẢNH', none)).toBe('KHO ẢNH')
  })

  it('joins two valid pieces only when the document spells the whole word elsewhere', () => {
    expect(repairLine('các KHO ẢN chi', none)).toBe('các KHO ẢN chi')
    expect(repairLine('các KHO ẢN chi', new Set(['khoản']))).toBe('các KHOẢN chi')
  })

  it('does not join across punctuation or mixed case', () => {
    expect(repairLine('Điề, u', none)).toBe('Điề, u')
    expect(repairLine('ĐIỀ u', none)).toBe('ĐIỀ u')
  })
})

describe('isSyllable', () => {
  it('accepts syllables and rejects pieces of them', () => {
    for (const word of ['điều', 'KHOẢN', 'nghiệp', 'quyết', 'gì', 'giữa', 'thuở', 'Việt'])
      expect(isSyllable(word), word).toBe(true)
    for (const word of ['điề', 'nghiệ', 'p', 'khóả', 'technology', 'ản̉'])
      expect(isSyllable(word), word).toBe(false)
  })
})

describe('layoutParagraphs', () => {
  it('joins the lines of a justified paragraph and starts one at a first-line indent', () => {
    const lines = [
      body('Phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, nâng', 1, 100, {
        indent: 28,
      }),
      body('cao nhận thức của các tầng lớp Nhân dân về xây dựng xã hội học tập.', 1, 118, { width: 0.8 }),
      body('Nâng cao vai trò, trách nhiệm của các cấp, các ngành, các cơ quan, đơn vị,', 1, 136, {
        indent: 28,
      }),
      body('tổ chức trong việc chỉ đạo.', 1, 154, { width: 0.3 }),
    ]
    expect(paragraphs(lines)).toEqual([
      'Phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, nâng\ncao nhận thức của các tầng lớp Nhân dân về xây dựng xã hội học tập.',
      'Nâng cao vai trò, trách nhiệm của các cấp, các ngành, các cơ quan, đơn vị,\ntổ chức trong việc chỉ đạo.',
    ])
  })

  it('keeps a sentence that ends at a full line inside its paragraph', () => {
    const lines = [
      body('Thi đua học tập suốt đời là nhiệm vụ trọng tâm của các tổ chức và toàn xã hội.', 1, 100, {
        indent: 28,
      }),
      body('Phong trào thi đua phải được triển khai sâu rộng đến tận địa bàn khu phố.', 1, 118, {
        width: 0.9,
      }),
    ]
    expect(paragraphs(lines)).toHaveLength(1)
  })

  it('in ragged text, reads paragraphs from the indent, not from where a sentence stops short', () => {
    const lines = [
      body('Các đơn vị báo cáo tình hình thực hiện về Sở Nội vụ để', 1, 100, { indent: 28, width: 0.95 }),
      body('tổng hợp.', 1, 118, { width: 0.85 }),
      body('Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các', 1, 136, { width: 0.9 }),
      body('đơn vị kịp thời báo cáo.', 1, 154, { width: 0.4 }),
      body('Sở Tài chính bố trí kinh phí thực hiện Kế hoạch hằng năm,', 1, 172, { indent: 28, width: 0.92 }),
      body('theo phân cấp ngân sách.', 1, 190, { width: 0.88 }),
    ]
    expect(paragraphs(lines).map((p) => p.slice(0, 12))).toEqual(['Các đơn vị b', 'Sở Tài chính'])
  })

  it('goes on over a page break and ends at a short last line', () => {
    const lines = [
      body('Sở Tài chính chủ trì, phối hợp với các sở, ngành hướng dẫn việc lập dự toán của', 1, 780),
      body('Ủy ban nhân dân các huyện theo phân cấp quản lý ngân sách.', 2, 60, { width: 0.6 }),
      body('Sở Nội vụ tổng hợp kết quả thi đua hằng năm.', 2, 78, { width: 0.5 }),
    ]
    expect(paragraphs(lines)).toHaveLength(2)
  })

  it('starts a block at a label or a bullet, not at a wrapped "- xã hội"', () => {
    const lines = [
      body('1. Mục đích', 1, 100, { indent: 28, width: 0.2 }),
      body('a) Phát huy sức mạnh của các tổ chức chính trị', 1, 118, { indent: 28 }),
      body('- xã hội và toàn dân.', 1, 136, { width: 0.3 }),
      body('- Sở Nội vụ;', 1, 154, { width: 0.2 }),
    ]
    expect(paragraphs(lines)).toEqual([
      '1. Mục đích',
      'a) Phát huy sức mạnh của các tổ chức chính trị - xã hội và toàn dân.',
      '- Sở Nội vụ;',
    ])
  })

  it('keeps the hyphen of a Vietnamese compound cut at the line end and drops a Latin one', () => {
    const lines = [
      body('Ủy ban nhân dân tỉnh Bà Rịa-', 1, 100, { indent: 28, width: 0.9 }),
      body('Vũng Tàu triển khai nền tảng infor-', 1, 118),
      body('mation chung.', 1, 136, { width: 0.2 }),
    ]
    expect(paragraphs(lines)).toEqual([
      'Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu triển khai nền tảng information chung.',
    ])
  })

  it('keeps the kind line and a centred title apart, and the lines of the title together', () => {
    const center = (text: string, top: number, half: number) => cell(text, 1, top, 311 - half, 311 + half)
    const lines = [
      center('KẾ HOẠCH', 140, 40),
      center('Triển khai Phong trào thi đua xây dựng xã hội học tập, đẩy mạnh học', 158, 200),
      center('tập suốt đời giai đoạn 2023-2030', 176, 100),
      body('Căn cứ Quyết định số 1315/QĐ-TTg của Thủ tướng Chính phủ;', 1, 200, { indent: 28, width: 0.7 }),
    ]
    expect(paragraphs(lines)).toEqual([
      'KẾ HOẠCH',
      'Triển khai Phong trào thi đua xây dựng xã hội học tập, đẩy mạnh học\ntập suốt đời giai đoạn 2023-2030',
      'Căn cứ Quyết định số 1315/QĐ-TTg của Thủ tướng Chính phủ;',
    ])
  })

  it('gives every line of the text its page', () => {
    const lines = [
      body('Dòng đầu của một đoạn văn dài, trải hết bề ngang của trang giấy', 1, 100),
      body('và hết ở đây.', 1, 118, { width: 0.3 }),
      body('Dòng một của trang hai.', 2, 60, { width: 0.3 }),
    ]
    expect(layoutParagraphs(lines)).toEqual({
      text: 'Dòng đầu của một đoạn văn dài, trải hết bề ngang của trang giấy\nvà hết ở đây.\n\nDòng một của trang hai.',
      pageOfLine: [1, 1, 2, 2],
    })
  })
})
