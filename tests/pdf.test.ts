/**
 * PDF ingestion end to end, on the committed fixtures (scripts/make-fixtures.ts): two producers'
 * PDFs of each corpus seed must read like the seed's text, and the odd files must fail clearly.
 */
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { extract, extractFile, parseDocument } from '../src/pipeline.js'
import type { Doc } from '../src/types.js'
import {
  blockLines,
  canScore,
  corpus,
  extractBoth,
  FIXTURES,
  fixture,
  SEEDS,
  score,
  withoutPositions,
} from './fixtures/ingest/seeds.js'

const PRODUCERS = ['chromium', 'soffice'] as const

const collapse = (text: string): string => text.replace(/\s+/g, ' ')

/** The raw text of every page, as pdf.js gives it, to check the page each block claims. */
async function pageTexts(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise
  const pages: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(collapse(content.items.map((i) => ('str' in i ? i.str : '')).join(' ')))
  }
  await doc.destroy()
  return pages
}

describe.each(SEEDS)('PDFs of $short', (seed) => {
  let text: Doc
  beforeAll(async () => {
    text = await parseDocument(corpus(seed.id), { path: `${seed.id}.txt` })
  })

  describe.each(PRODUCERS)('made by %s', (producer) => {
    const name = `${seed.short}.${producer}.pdf`
    let doc: Doc
    beforeAll(async () => {
      doc = await parseDocument(fixture(name), { path: name })
    })

    it('has the blocks of the plain text, plus the printed national header', () => {
      expect(blockLines(doc)).toEqual(blockLines(text))
      expect(doc.blocks[0]?.text).toMatch(/^ỦY BAN NHÂN DÂN /)
    })

    it('gives every block the page it starts on', async () => {
      const pages = await pageTexts(fixture(name))
      expect(doc.source.pages).toBe(pages.length)
      for (const block of doc.blocks) {
        const start = collapse(block.text).split(' ').slice(0, 4).join(' ')
        expect(pages[(block.page ?? 0) - 1], `${block.line}: ${start}`).toContain(start)
      }
    })

    it('drops the running header and the page numbers', () => {
      const lines = doc.source.text.split('\n')
      expect(lines.filter((l) => /^(Trang )?\d+(\/\d+)?$/.test(l.trim()))).toEqual([])
      expect(
        lines.filter((l) =>
          /Kế hoạch Phong trào thi đua xây dựng xã hội học tập - UBND|UBND thành phố Vũng Tàu - Kế hoạch/.test(
            l,
          ),
        ),
      ).toEqual([])
    })

    it('extracts the same meta and outline as the plain text', async () => {
      const [fromPdf, fromText] = await extractBoth(name, seed.id)
      expect(fromPdf.meta).toEqual(fromText.meta)
      expect(withoutPositions(fromPdf.sections)).toEqual(withoutPositions(fromText.sections))
    })

    it.skipIf(!canScore(seed.id))('scores within 2 points of the plain text', async () => {
      const [fromPdf, fromText] = await extractBoth(name, seed.id)
      expect(Math.abs(score(fromPdf, seed.id) - score(fromText, seed.id))).toBeLessThanOrEqual(0.02)
    })
  })
})

describe('a PDF drawn line by line (layout.pdf)', () => {
  let doc: Doc
  beforeAll(async () => {
    doc = await parseDocument(fixture('layout.pdf'), { path: 'layout.pdf' })
  })
  const texts = () => doc.blocks.map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text))

  it('splits a header whose two columns the producer ran together', () => {
    expect(texts().slice(0, 5)).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      'Số: 12/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nam, ngày 05 tháng 3 năm 2024',
    ])
  })

  it('repairs a syllable drawn in pieces and keeps the hyphen of a compound cut at the line end', () => {
    expect(texts()).toContain('I. ĐIỀU KHOẢN CHUNG')
    expect(texts()).toContain(
      'Kế hoạch này áp dụng cho các sở, ban, ngành và Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu trong quản lý các khoản kinh phí được giao.',
    )
  })

  it('goes on over the page break, without the running header or the page number', () => {
    const financed = doc.blocks.find((b) => b.text.startsWith('Sở Tài chính chủ trì'))
    expect(financed?.text).toMatch(
      /các cơ quan, đơn vị và địa phương theo phân cấp quản lý ngân sách nhà nước\.$/,
    )
    expect(financed?.page).toBe(1)
    expect(texts().some((t) => t.includes('Kế hoạch số 12/KH-UBND của UBND') || /^\d+$/.test(t))).toBe(false)
  })

  it('reads the signature after the recipients', async () => {
    const plan = await extract(fixture('layout.pdf'), { path: 'layout.pdf' })
    expect(plan.meta).toMatchObject({
      number: '12',
      symbol: 'KH-UBND',
      place: 'Hà Nam',
      date: { iso: '2024-03-05' },
      issuer: { name: 'Ủy ban nhân dân tỉnh Hà Nam', level: 'province' },
      signer: { name: 'Nguyễn Văn An', title: 'Chủ tịch', authority: 'TM. Ủy ban nhân dân' },
      recipients: ['Sở Tài chính', 'Lưu: VT'],
    })
    expect(plan.source).toMatchObject({ format: 'pdf', pages: 2 })
  })
})

describe('PDFs that cannot be read', () => {
  it('says a scan has no text layer and needs OCR', async () => {
    await expect(extractFile(join(FIXTURES, 'scan.pdf'))).rejects.toThrow(
      /^Cannot read `.*scan\.pdf`: no text layer: the PDF is a scan; OCR is needed$/,
    )
  })

  it('says an encrypted PDF is encrypted', async () => {
    await expect(extractFile(join(FIXTURES, 'encrypted.pdf'))).rejects.toThrow(
      /^Cannot read `.*encrypted\.pdf`: the PDF is encrypted; remove the password first$/,
    )
  })

  it('reads a PDF encrypted with an owner password only: its text is not locked', async () => {
    const plan = await extractFile(join(FIXTURES, 'encrypted-open.pdf'))
    expect(plan.meta.number).toBe('12')
  })

  it('says a truncated PDF is damaged', async () => {
    const bytes = fixture('layout.pdf')
    await expect(extract(bytes.subarray(0, bytes.length / 2), { path: 'half.pdf' })).rejects.toThrow(
      /^Cannot read `half\.pdf`: not a readable PDF: the file is damaged or truncated/,
    )
  })

  it('says a file named .pdf that is not one is not a PDF', async () => {
    await expect(extract(new TextEncoder().encode('KẾ HOẠCH'), { path: 'plan.pdf' })).rejects.toThrow(
      'Cannot read `plan.pdf`: not a readable PDF: it does not start with %PDF-',
    )
  })

  it('says an empty file is empty', async () => {
    await expect(extract(new Uint8Array(0), { path: 'empty.pdf' })).rejects.toThrow(
      'Cannot read `empty.pdf`: the file is empty',
    )
  })

  it('leaves the caller its bytes (pdf.js would detach the buffer it is given)', async () => {
    const bytes = fixture('layout.pdf')
    await extract(bytes, { path: 'layout.pdf' })
    expect(bytes.byteLength).toBeGreaterThan(0)
  })
})
