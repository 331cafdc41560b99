import { beforeAll, describe, expect, it } from 'vitest'
import { htmlBlocks } from '../src/ingest/blocks-html.js'
import { ingest } from '../src/ingest/index.js'
import { extract, parseDocument } from '../src/pipeline.js'
import type { Doc } from '../src/types.js'
import {
  blockLines,
  canScore,
  corpus,
  extractBoth,
  fixture,
  SEEDS,
  score,
  withoutPositions,
} from './fixtures/ingest/seeds.js'

describe.each(SEEDS)('the DOCX of $short', (seed) => {
  const name = `${seed.short}.docx`
  let doc: Doc
  let text: Doc
  beforeAll(async () => {
    doc = await parseDocument(fixture(name), { path: name })
    text = await parseDocument(corpus(seed.id), { path: `${seed.id}.txt` })
  })

  it('has the blocks of the plain text, plus the printed national header', () => {
    expect(doc.source.format).toBe('docx')
    expect(blockLines(doc)).toEqual(blockLines(text))
  })

  it('numbers each block by its line in the text the parser saw (blocks joined with blank lines)', () => {
    const lines = doc.source.text.split('\n')
    for (const block of doc.source.blocks ?? []) {
      expect(lines[block.line - 1]).toBe(block.marker ? `${block.marker} ${block.text}` : block.text)
    }
    expect(doc.source.blocks?.map((b) => b.line).slice(0, 3)).toEqual([1, 3, 5])
  })

  it('extracts the same meta and outline as the plain text', async () => {
    const [fromDocx, fromText] = await extractBoth(name, seed.id)
    expect(fromDocx.meta).toEqual(fromText.meta)
    expect(withoutPositions(fromDocx.sections)).toEqual(withoutPositions(fromText.sections))
  })

  it.skipIf(!canScore(seed.id))('scores within 2 points of the plain text', async () => {
    const [fromDocx, fromText] = await extractBoth(name, seed.id)
    expect(Math.abs(score(fromDocx, seed.id) - score(fromText, seed.id))).toBeLessThanOrEqual(0.02)
  })
})

describe('htmlBlocks', () => {
  const blocks = (html: string) =>
    htmlBlocks(html).map(({ kind, text, marker, cells }) => ({
      kind,
      text,
      marker,
      ...(cells ? { cells } : {}),
    }))

  it('keeps headings, and reads a typed bullet as a list item', () => {
    expect(blocks('<h2>I. MỤC ĐÍCH</h2><p>1. Mục đích</p><p>- Sở Nội vụ;</p><p>———</p>')).toEqual([
      { kind: 'heading', text: 'I. MỤC ĐÍCH', marker: null },
      { kind: 'paragraph', text: '1. Mục đích', marker: null },
      { kind: 'item', text: 'Sở Nội vụ;', marker: '-' },
    ])
  })

  it('numbers the items of an ordered list, which mammoth writes without numbers, and walks nested lists', () => {
    expect(blocks('<ol><li>Tuyên truyền<ul><li>báo chí</li></ul></li><li>Khen thưởng</li></ol>')).toEqual([
      { kind: 'item', text: 'Tuyên truyền', marker: '1.' },
      { kind: 'item', text: 'báo chí', marker: '-' },
      { kind: 'item', text: 'Khen thưởng', marker: '2.' },
    ])
  })

  it('reads a data table row by row, with its cells', () => {
    const html =
      '<table><tr><td><p>STT</p></td><td><p>Nội dung</p></td><td><p>Thời gian</p></td></tr><tr><td>1</td><td>Sơ kết</td><td>Quý IV</td></tr></table>'
    expect(blocks(html)).toEqual([
      {
        kind: 'row',
        text: 'STT | Nội dung | Thời gian',
        marker: null,
        cells: ['STT', 'Nội dung', 'Thời gian'],
      },
      { kind: 'row', text: '1 | Sơ kết | Quý IV', marker: null, cells: ['1', 'Sơ kết', 'Quý IV'] },
    ])
  })

  it('reads the two-column header table column by column, one item per block', () => {
    const html =
      '<table><tr><td><p><strong>ỦY BAN NHÂN DÂN</strong></p><p><strong>TỈNH HÀ NAM</strong></p><p>———</p><p>Số: 12/KH-UBND</p></td>' +
      '<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p><p>Hà Nam, ngày 05 tháng 3 năm 2024</p></td></tr></table>'
    expect(blocks(html).map((b) => b.text)).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      'Số: 12/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nam, ngày 05 tháng 3 năm 2024',
    ])
  })

  it('reads the signature table as recipients, then the signer', () => {
    const html =
      '<table><tr><td><p>Nơi nhận:</p><p>- Như trên;</p><p>- Lưu: VT.</p></td>' +
      '<td><p>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</p><p></p><p>Nguyễn Văn An</p></td></tr></table>'
    expect(blocks(html)).toEqual([
      { kind: 'paragraph', text: 'Nơi nhận:', marker: null },
      { kind: 'item', text: 'Như trên;', marker: '-' },
      { kind: 'item', text: 'Lưu: VT.', marker: '-' },
      { kind: 'paragraph', text: 'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH', marker: null },
      { kind: 'paragraph', text: 'Nguyễn Văn An', marker: null },
    ])
  })
})

describe('files that are not DOCX', () => {
  const docx = fixture('000.docx')

  it('recognizes a DOCX by its content, whatever its name', async () => {
    expect((await ingest(docx)).format).toBe('docx')
    expect((await ingest(docx, { path: 'plan.txt' })).format).toBe('docx')
  })

  it('says random bytes named .docx are not a ZIP archive', async () => {
    const random = Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)
    await expect(extract(random, { path: 'plan.docx' })).rejects.toThrow(
      'Cannot read `plan.docx`: not a DOCX file (not a ZIP archive)',
    )
  })

  it('says a ZIP archive without a Word document is not a DOCX', async () => {
    // Same archive, the document part renamed in place: still a valid ZIP.
    const renamed = Buffer.from(docx).toString('latin1').replaceAll('word/document.xml', 'word/documenx.xml')
    await expect(extract(Buffer.from(renamed, 'latin1'), { path: 'plan.docx' })).rejects.toThrow(
      'Cannot read `plan.docx`: not a DOCX file (the archive has no word/document.xml)',
    )
  })

  it('says a truncated DOCX cannot be read, without a stack trace in the message', async () => {
    await expect(extract(docx.subarray(0, 3000), { path: 'cut.docx' })).rejects.toThrow(
      /^Cannot read `cut\.docx`: not a readable DOCX file \(.+\)$/,
    )
  })
})
