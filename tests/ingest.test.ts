/** Ingest: decoding text bytes, Unicode form, and picking the format from the content. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { onePerLine } from '../src/ingest/blocks-text.js'
import { TCVN3_TABLE } from '../src/ingest/encoding.js'
import { ingest, toBlocks } from '../src/ingest/index.js'
import { looksLikeMarkdown } from '../src/ingest/sniff.js'
import { FIXTURES } from './fixtures/ingest/seeds.js'

const PLAN =
  'Uỷ ban nhân dân tỉnh ban hành kế hoạch triển khai phong trào thi đua xây dựng xã hội học tập; ' +
  'sở giáo dục và đào tạo chủ trì, phối hợp với sở nội vụ tổ chức thực hiện.'

/** Encode with TCVN3 (ABC): ASCII stays, each Vietnamese letter becomes its one byte. */
function tcvn3(text: string): Uint8Array {
  const codes = new Map(TCVN3_TABLE)
  return Uint8Array.from(
    [...text.normalize('NFC')].map((c) => (c < '\x80' ? c : (codes.get(c) ?? '?')).charCodeAt(0)),
  )
}

describe('ingest of text bytes', () => {
  it('decodes TCVN3 (ABC) and says so in a warning', async () => {
    const source = await ingest(tcvn3(PLAN), { path: 'old.txt' })
    expect(source.text).toBe(PLAN)
    expect(source.warnings).toEqual([
      {
        code: 'legacy-encoding-converted',
        message: expect.stringMatching(/^decoded as TCVN3 \(ABC\)/),
        path: null,
        line: null,
      },
    ])
  })

  it('reads UTF-8 without a warning', async () => {
    const source = await ingest(new TextEncoder().encode(PLAN))
    expect(source).toMatchObject({ text: PLAN, format: 'text', warnings: [] })
  })

  it('turns decomposed (NFD) text into NFC', async () => {
    const source = await ingest(new TextEncoder().encode(PLAN.normalize('NFD')))
    expect(source.text).toBe(PLAN.normalize('NFC'))
    expect(source.text).not.toBe(PLAN.normalize('NFD'))
  })

  it('drops a byte order mark and normalizes line ends', async () => {
    const source = await ingest(new TextEncoder().encode(`\uFEFFKẾ HOẠCH\r\nTriển khai\rphong trào`))
    expect(source.text).toBe('KẾ HOẠCH\nTriển khai\nphong trào')
  })
})

describe('format from the content', () => {
  it('reads PDF bytes as PDF whatever the name or the format asked for', async () => {
    const pdf = new Uint8Array(readFileSync(join(FIXTURES, 'layout.pdf')))
    const source = await ingest(pdf, { path: 'plan.txt', format: 'text' })
    expect(source).toMatchObject({ format: 'pdf', pages: 2 })
    expect(source.pageOfLine).toHaveLength(source.text.split('\n').length)
  })

  it('gives DOCX blocks that toBlocks hands out as copies', async () => {
    const source = await ingest(new Uint8Array(readFileSync(join(FIXTURES, '000.docx'))))
    const blocks = toBlocks(source)
    expect(blocks).toEqual(source.blocks)
    expect(blocks[0]).not.toBe(source.blocks?.[0])
  })
})

describe('markdown blocks', () => {
  /** The blocks of a Markdown text. */
  const markdown = (text: string) =>
    toBlocks({ text, format: 'markdown', pageOfLine: null, pages: null, warnings: [] })

  it('drops emphasis stars that Markdown could not pair', () => {
    expect(
      markdown('*Thời gian thực hiện: *Tháng 12/2025.\n\n*Đơn vị chủ trì*: Sở Tư pháp.\n').map((b) => b.text),
    ).toEqual(['Thời gian thực hiện: Tháng 12/2025.', 'Đơn vị chủ trì: Sở Tư pháp.'])
  })

  it('reads a bullet inside emphasis as a bullet, without its dash', () => {
    expect(markdown('*- Thủy sản*\n\nMột - hai.\n').map((b) => [b.kind, b.marker, b.text])).toEqual([
      ['item', '-', 'Thủy sản'],
      ['paragraph', null, 'Một - hai.'],
    ])
  })

  it('puts the kind line on its own when the title follows it with no blank line', () => {
    expect(
      markdown('**KẾ HOẠCH**\n**Triển khai phong trào thi đua năm 2024**\n').map((b) => [b.text, b.line]),
    ).toEqual([
      ['KẾ HOẠCH', 1],
      ['Triển khai phong trào thi đua năm 2024', 2],
    ])
    // Not a kind line alone: one paragraph, as written.
    expect(markdown('KẾ HOẠCH HÀNH ĐỘNG\nnăm 2024\n').map((b) => b.text)).toEqual([
      'KẾ HOẠCH HÀNH ĐỘNG năm 2024',
    ])
  })

  it("drops a converter's footnote mark after a word, and keeps a bracketed number after a space", () => {
    expect(markdown('Các văn bản có liên quan[1]; các đề án[^2].\n')[0]?.text).toBe(
      'Các văn bản có liên quan; các đề án.',
    )
    expect(markdown('Theo điểm [1] và mục [a].\n')[0]?.text).toBe('Theo điểm [1] và mục [a].')
  })

  it('keeps a footnote mark (*)', () => {
    expect(markdown('Các chỉ tiêu (*) được tính theo năm.\n')[0]?.text).toBe(
      'Các chỉ tiêu (*) được tính theo năm.',
    )
  })
})

describe('text blocks', () => {
  const text = (body: string) =>
    toBlocks({ text: body, format: 'text', pageOfLine: null, pages: null, warnings: [] }).map((b) => b.text)

  it('reads a header written without blank lines: rules, the number line, the place-and-date line, tab-separated columns', () => {
    expect(
      text(
        'ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n-------\tCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 141/KH-UBND\tBắc Ninh, ngày 20\ntháng 11 năm 2025\n',
      ),
    ).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 141/KH-UBND',
      'Bắc Ninh, ngày 20 tháng 11 năm 2025',
    ])
    // A place wrapped before its date goes on; the motto above a place-and-date line does not.
    expect(text('Số: 172/KH-UBND\tThành phố Hồ Chí\nMinh, ngày 18 tháng 11 năm 2025\n')).toEqual([
      'Số: 172/KH-UBND',
      'Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025',
    ])
    expect(text('Độc lập - Tự do - Hạnh phúc\nHà Nam, ngày 04 tháng 5 năm 2024\n')).toEqual([
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nam, ngày 04 tháng 5 năm 2024',
    ])
  })

  it('reads a table Word wrote with tabs as rows, a short group row inside it too, and two columns as a layout', () => {
    const blocks = toBlocks({
      text: 'PHỤ LỤC\nSTT\tNhiệm vụ\tChủ trì\tThời gian\nI\tNHÓM GIẢI PHÁP\n1\tRà soát văn bản\tSở Tư pháp\t\nNơi nhận:\t\tKT. CHỦ TỊCH\n',
      format: 'text',
      pageOfLine: null,
      pages: null,
      warnings: [],
    })
    expect(blocks.map((b) => [b.kind, b.cells ?? b.text])).toEqual([
      ['paragraph', 'PHỤ LỤC'],
      ['row', ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian']],
      ['row', ['I', 'NHÓM GIẢI PHÁP']],
      ['row', ['1', 'Rà soát văn bản', 'Sở Tư pháp', '']],
      ['paragraph', 'Nơi nhận:'],
      ['paragraph', 'KT. CHỦ TỊCH'],
    ])
  })

  it('keeps a heading in capitals wrapped over lines whole in a text with a paragraph per line', () => {
    const perLine = Array.from(
      { length: 4 },
      (_, i) => `Đoạn văn thứ ${i + 1} đủ dài để là một đoạn của văn bản này.`,
    )
    expect(text(['ỦY BAN NHÂN DÂN', 'TỈNH ĐỒNG THÁP', ...perLine].join('\n'))).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
      ...perLine,
    ])
  })

  it('ends the last recipient before the signature in capitals, and leaves a sentence naming a date whole', () => {
    expect(text('- Lưu: VT, NC.\tTM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\n')).toEqual([
      'Lưu: VT, NC.',
      'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH',
    ])
    expect(text('Các đơn vị báo cáo kết quả về Sở Nội vụ trước\nngày 15 tháng 12 hằng năm.\n')).toEqual([
      'Các đơn vị báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 hằng năm.',
    ])
  })

  it('puts the kind line on its own when the title follows it with no blank line', () => {
    expect(text('KẾ HOẠCH\nTriển khai phong trào thi đua\nnăm 2024\n')).toEqual([
      'KẾ HOẠCH',
      'Triển khai phong trào thi đua năm 2024',
    ])
    expect(text('Tổ chức thực hiện\nkế hoạch này\n')).toEqual(['Tổ chức thực hiện kế hoạch này'])
  })

  it('ends a heading in capitals at the first line that is not', () => {
    expect(text('II. KINH PHÍ\nKinh phí từ Quỹ thi đua, khen thưởng.\n')).toEqual([
      'II. KINH PHÍ',
      'Kinh phí từ Quỹ thi đua, khen thưởng.',
    ])
    // A heading wrapped onto a second line in capitals stays one.
    expect(text('III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC\nKHEN THƯỞNG\n')).toEqual([
      'III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG',
    ])
  })

  // What Word's "Plain Text" export writes: a paragraph per line, no blank line between them.
  const PER_LINE = [
    '3. Khen thưởng',
    'Chủ tịch Ủy ban nhân dân huyện tặng Giấy khen cho 05 tập thể và 10 cá nhân.',
    'Các tập thể, cá nhân được khen thưởng phải có thành tích tiêu biểu, xuất sắc.',
    'Hồ sơ đề nghị khen thưởng gửi về Phòng Nội vụ trước ngày 15 tháng 11.',
    'Phòng Nội vụ tổng hợp, trình Chủ tịch Ủy ban nhân dân huyện xem xét,',
    'quyết định khen thưởng theo quy định.',
  ]

  it('reads each line as a paragraph in a text with a paragraph per line, a line in lower case continuing one', () => {
    expect(onePerLine(PER_LINE)).toBe(true)
    expect(text(`${PER_LINE.join('\n')}\n`)).toEqual([
      '3. Khen thưởng',
      PER_LINE[1],
      PER_LINE[2],
      PER_LINE[3],
      `${PER_LINE[4]} ${PER_LINE[5]}`,
    ])
  })

  it('joins the lines of a wrapped text, and of one that spaces its paragraphs with blank lines', () => {
    const wrapped = [
      'Ủy ban nhân dân huyện ban hành Kế hoạch triển khai phong trào thi',
      'đua yêu nước năm 2024 trên địa bàn huyện với các nội dung chủ yếu',
      'như sau, nhằm động viên cán bộ, công chức và Nhân dân thi đua hoàn',
      'thành thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội.',
    ]
    expect(onePerLine(wrapped)).toBe(false)
    expect(text(`${wrapped.join('\n')}\n`)).toEqual([wrapped.join(' ')])
    expect(onePerLine(PER_LINE.flatMap((l) => [l, '']))).toBe(false)
  })
})

describe('looksLikeMarkdown', () => {
  it('is true for two kinds of Markdown sign, or one kind three times', () => {
    expect(looksLikeMarkdown('# KẾ HOẠCH\n\n**Điều 1.** Giao Sở Nội vụ')).toBe(true)
    expect(looksLikeMarkdown('## I. MỤC ĐÍCH\n\n## II. NỘI DUNG\n\n## III. TỔ CHỨC')).toBe(true)
    expect(looksLikeMarkdown('| STT | Nội dung |\n| 1 | Tuyên truyền |\n| 2 | Khen thưởng |')).toBe(true)
  })

  it('is false for plain text with one sign or none', () => {
    expect(looksLikeMarkdown('KẾ HOẠCH\nThực hiện **một** nội dung\n')).toBe(false)
    expect(looksLikeMarkdown('I. MỤC ĐÍCH\n---\n1. Nâng cao nhận thức')).toBe(false)
    expect(looksLikeMarkdown('#1 và #2 không phải tiêu đề; [1] không phải liên kết')).toBe(false)
  })
})
