/**
 * Regenerate the PDF and DOCX fixtures under tests/fixtures/ingest/ from the corpus seeds.
 *
 *   npx tsx scripts/make-fixtures.ts
 *
 * Each seed is laid out as a printed plan (two-column national header, justified paragraphs with a
 * first-line indent, recipients beside the signature) and printed by two producers whose text layers
 * differ: headless Chromium (playwright-core's page.pdf, with a running header and "Trang n/N"; the
 * header table one row per line) and LibreOffice Writer (HTML import, running header and page number
 * from `<div title="header|footer">`; the header table one cell per column), which also writes the
 * DOCX. pdfkit draws layout.pdf line by line for the hazards the others never produce; qpdf locks a
 * copy of it; Chromium prints a picture of text as scan.pdf. The outputs are committed (each under
 * 100 KB), so the tests run without these tools; this script is how they were made.
 *
 * Needs (Debian): chromium, libreoffice-writer-nogui, fonts-liberation2, qpdf.
 */
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripMarks } from '../src/normalize/text.js'
import { parseDocument } from '../src/pipeline.js'
import type { Block } from '../src/types.js'
import { launchChromium } from './chromium.js'

const OUT = join('tests', 'fixtures', 'ingest')

interface Seed {
  /** Corpus file name without extension; fixtures are `<first 3 chars>.<producer>.pdf` and `.docx`. */
  id: string
  /** The issuing body as printed in the left column of the header, one line each. */
  issuer: string[]
  /** The running header printed on every page. */
  running: string
}

const SEEDS: Seed[] = [
  {
    id: '000_9dd6dbdf273703a0',
    issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH HÀ NAM'],
    running: 'Kế hoạch Phong trào thi đua xây dựng xã hội học tập - UBND tỉnh Hà Nam',
  },
  {
    id: '003_e34268d9a63c9a71',
    issuer: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ VŨNG TÀU'],
    running: 'UBND thành phố Vũng Tàu - Kế hoạch thực hiện Phong trào thi đua',
  },
]

const STYLE = `
  @page { size: A4; margin: 2cm 2cm 2cm 3cm }
  body { font-family: 'Liberation Serif', serif; font-size: 14pt; line-height: 1.25 }
  p { margin: 0 0 6pt; text-align: justify; text-indent: 1cm }
  p.c, td p { text-align: center; text-indent: 0; margin: 0 }
  p.b, h2, h3, h4 { font-weight: bold }
  h2, h3, h4 { font-size: 14pt; margin: 0 0 6pt; text-indent: 1cm }
  table.cols { width: 100%; border-collapse: collapse; margin-bottom: 12pt }
  table.cols td { vertical-align: top; width: 50% }
  table.rows td { text-align: center; font-size: 13pt; padding: 0 }
  table.rows td.n { width: 40% }
  table.rows td.w { width: 60% }
  table.grid td { border: 1px solid black; padding: 2pt }
`

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The lines of the seed that a block came from, for blocks whose line breaks are layout (the signature). */
function sourceLines(source: string, block: Block): string[] {
  return source
    .split('\n')
    .slice(block.line - 1, block.endLine)
    .map((l) => stripMarks(l).trim())
    .filter((l) => l !== '')
}

/** Two columns as one row of two cells (LibreOffice's export draws each cell in turn). */
function twoColumns(left: string[], right: string[]): string {
  const cell = (lines: string[]) => lines.map((l) => `<p class="c">${l}</p>`).join('')
  return `<table class="cols"><tr><td>${cell(left)}</td><td>${cell(right)}</td></tr></table>`
}

/** Two columns as one row per line, as Word users often build the header. */
function twoColumnRows(left: string[], right: string[]): string {
  const rows = left.map((l, i) => `<tr><td class="n">${l}</td><td class="w">${right[i] ?? ''}</td></tr>`)
  return `<table class="cols rows">${rows.join('')}</table>`
}

/** The national header: issuing body and number on the left, motto and place/date on the right. */
function header(seed: Seed, number: Block | undefined, place: Block | undefined, rows: boolean): string {
  const left = [...seed.issuer.map((l) => `<b>${escapeHtml(l)}</b>`), '———', escapeHtml(number?.text ?? '')]
  const right = [
    '<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>',
    '<b>Độc lập - Tự do - Hạnh phúc</b>',
    '———',
    escapeHtml(place?.text ?? ''),
  ]
  return rows ? twoColumnRows(left, right) : twoColumns(left, right)
}

/** Recipients on the left, signature on the right, as plans print them. */
function footer(source: string, tail: Block[]): string {
  const left = tail.filter((b) => /^Nơi nhận/.test(b.text) || b.marker === '-')
  const right = tail.filter((b) => !left.includes(b)).flatMap((b) => sourceLines(source, b))
  const recipients = left.map((b) =>
    b.marker ? `- ${escapeHtml(b.text)}` : `<b><i>${escapeHtml(b.text)}</i></b>`,
  )
  const cell = (lines: string[], align: string) =>
    `<td>${lines.map((l) => `<p style="text-align:${align};text-indent:0;margin:0">${l}</p>`).join('')}</td>`
  const signature = right.map((l, i) =>
    i === right.length - 1 ? `<br><br><br><b>${escapeHtml(l)}</b>` : `<b>${escapeHtml(l)}</b>`,
  )
  return `<table class="cols"><tr>${cell(recipients, 'left')}${cell(signature, 'center')}</tr></table>`
}

const HEADING = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s/

/** One body block as HTML: Markdown headings stay headings (mammoth keeps them), the rest are paragraphs. */
function blockHtml(block: Block): string {
  const text = escapeHtml(block.marker ? `${block.marker} ${block.text}` : block.text)
  if (block.kind === 'row')
    return `<tr>${(block.cells ?? []).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`
  if (block.kind === 'heading') return `<h3>${text}</h3>`
  return HEADING.test(block.text) ? `<p class="b">${text}</p>` : `<p>${text}</p>`
}

/** Rows of a table are wrapped in one <table>; every other block stands alone. */
function bodyHtml(blocks: Block[]): string {
  const out: string[] = []
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1]
    const next = blocks[i + 1]
    if (block.kind === 'row' && previous?.kind !== 'row') out.push('<table class="grid">')
    out.push(blockHtml(block))
    if (block.kind === 'row' && next?.kind !== 'row') out.push('</table>')
  })
  return out.join('\n')
}

/**
 * The seed laid out like a printed plan. `furniture` adds LibreOffice's running header and page footer;
 * `rows` builds the two-column header one row per line instead of one cell per column.
 */
async function seedHtml(seed: Seed, furniture: boolean, rows = false): Promise<string> {
  const source = readFileSync(join('corpus', `${seed.id}.txt`), 'utf8')
  const doc = await parseDocument(source)
  const number = doc.preamble.find((b) => /^Số\s*:/.test(b.text))
  const place = doc.preamble.find((b) => /^\p{Lu}[\p{L} ]+, ngày/u.test(b.text))
  const kind = doc.preamble.find((b) => b.text === 'KẾ HOẠCH')
  const title = kind ? doc.preamble[doc.preamble.indexOf(kind) + 1] : undefined
  const special = new Set([number, place, kind, title])
  const rest = doc.preamble.filter((b) => !special.has(b))
  const parts = [
    header(seed, number, place, rows),
    `<p class="c b">KẾ HOẠCH</p>`,
    `<p class="c b">${escapeHtml(title?.text ?? '')}</p><p class="c">———</p>`,
    bodyHtml([...rest, ...doc.blocks.slice(doc.preamble.length, doc.blocks.length - doc.tail.length)]),
    footer(source, doc.tail),
  ]
  const lo = furniture
    ? `<div title="header"><p class="c" style="font-size:10pt">${escapeHtml(seed.running)}</p></div>` +
      '<div title="footer"><p class="c" style="font-size:10pt"><sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>'
    : ''
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${lo}${parts.join('\n')}</body></html>`
}

/** Chromium prints the running header and "Trang n/N" in the page margins. */
async function chromiumPdf(html: string, running: string, file: string): Promise<void> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    const small = 'font-family:Liberation Serif;font-size:9pt;width:100%;text-align:center'
    await page.pdf({
      path: file,
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}">${escapeHtml(running)}</div>`,
      footerTemplate: `<div style="${small}">Trang <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
      margin: { top: '2cm', bottom: '2cm', left: '3cm', right: '2cm' },
    })
  } finally {
    await browser.close()
  }
}

/** LibreOffice converts an HTML file to `ext` (pdf or docx) next to it and returns the path. */
function soffice(htmlFile: string, target: string): string {
  const dir = join(htmlFile, '..')
  execFileSync(
    'soffice',
    ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', target, '--outdir', dir, htmlFile],
    {
      stdio: 'ignore',
      env: { ...process.env, HOME: dir },
    },
  )
  return htmlFile.replace(/\.html$/, `.${target.split(':')[0]}`)
}

/** A page that is only a picture of text: a PDF with no text layer, as a scanner makes. */
async function scanPdf(file: string): Promise<void> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 500, height: 120 } })
    await page.setContent(
      '<p style="font:20px serif;margin:20px">KẾ HOẠCH<br>Triển khai Phong trào thi đua</p>',
    )
    const png = await page.screenshot({ type: 'png' })
    await page.setContent(`<img src="data:image/png;base64,${png.toString('base64')}" width="500">`)
    await page.pdf({ path: file, width: '600px', height: '200px' })
  } finally {
    await browser.close()
  }
}

const FONT_DIR = '/usr/share/fonts/truetype/liberation2'
const MARGIN = 56
const WIDTH = 595.28 - 2 * MARGIN

/**
 * A two-page plan drawn line by line with pdfkit, for what the other producers never do: the header's
 * two columns run together in one text item, a syllable drawn in pieces ("ĐIỀ U KHO ẢN"), a word
 * hyphenated at a line end, a paragraph going on over the page break, running header and page numbers.
 */
async function layoutPdf(file: string): Promise<void> {
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: 'kh layout fixture' },
  })
  const out = createWriteStream(file)
  doc.pipe(out)
  doc.registerFont('r', join(FONT_DIR, 'LiberationSerif-Regular.ttf'))
  doc.registerFont('b', join(FONT_DIR, 'LiberationSerif-Bold.ttf'))
  const at = (text: string, x: number, y: number, font = 'r') =>
    doc.font(font).fontSize(13).text(text, x, y, { lineBreak: false })
  const centered = (text: string, y: number, font = 'b') =>
    at(text, MARGIN + (WIDTH - doc.font(font).fontSize(13).widthOfString(text)) / 2, y, font)
  const paragraph = (text: string, y: number) => {
    doc.font('r').fontSize(13).text(text, MARGIN, y, { width: WIDTH, align: 'justify', indent: 28 })
    return doc.y
  }
  const furniture = (page: number) => {
    // Drawn inside the margins: without this pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0
    doc.font('r').fontSize(9).text('Kế hoạch số 12/KH-UBND của UBND tỉnh Hà Nam', MARGIN, 24, {
      width: WIDTH,
      align: 'center',
      lineBreak: false,
    })
    doc
      .font('r')
      .fontSize(9)
      .text(String(page), MARGIN, 800, { width: WIDTH, align: 'center', lineBreak: false })
  }
  doc.addPage()
  furniture(1)
  at('ỦY BAN NHÂN DÂN TỈNH HÀ NAM   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN, 60, 'b')
  at('Độc lập - Tự do - Hạnh phúc', 345, 78, 'b')
  at('Số: 12/KH-UBND                                   Hà Nam, ngày 05 tháng 3 năm 2024', MARGIN + 20, 104)
  centered('KẾ HOẠCH', 140)
  centered('Triển khai thí điểm chuyển đổi số trong quản lý các khoản kinh phí', 158)
  let x = MARGIN + 28
  for (const piece of ['I. ĐIỀ', 'U KHO', 'ẢN CHUNG']) {
    at(piece, x, 190, 'b')
    x += doc.widthOfString(piece) + 3
  }
  at('1. Phạm vi áp dụng', MARGIN + 28, 212, 'b')
  at('Kế hoạch này áp dụng cho các sở, ban, ngành và Ủy ban nhân dân tỉnh Bà Rịa-', MARGIN + 28, 234)
  at('Vũng Tàu trong quản lý các khoản kinh phí được giao.', MARGIN, 252)
  let y = paragraph(
    'Các cơ quan, đơn vị thực hiện nghiêm túc Kế hoạch này; định kỳ báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 hằng năm để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.',
    276,
  )
  at('2. Tổ chức thực hiện', MARGIN + 28, y + 8, 'b')
  y = paragraph(
    'Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan hướng dẫn việc lập dự toán, sử dụng và quyết toán kinh phí thực hiện Kế hoạch theo quy định hiện hành; tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm của các cơ quan, đơn vị và',
    y + 30,
  )
  doc.addPage()
  furniture(2)
  y = paragraph('địa phương theo phân cấp quản lý ngân sách nhà nước.', 60)
  at('Nơi nhận:', MARGIN, y + 20, 'b')
  at('TM. ỦY BAN NHÂN DÂN', 360, y + 20, 'b')
  at('- Sở Tài chính;', MARGIN, y + 38)
  at('CHỦ TỊCH', 395, y + 38, 'b')
  at('- Lưu: VT.', MARGIN, y + 56)
  at('Nguyễn Văn An', 380, y + 110, 'b')
  doc.end()
  await once(out, 'finish')
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const work = mkdtempSync(join(tmpdir(), 'kh-fixtures-'))
  try {
    for (const seed of SEEDS) {
      const short = seed.id.slice(0, 3)
      await chromiumPdf(await seedHtml(seed, false, true), seed.running, join(OUT, `${short}.chromium.pdf`))
      const html = join(work, `${short}.html`)
      writeFileSync(html, await seedHtml(seed, true))
      renameSync(soffice(html, 'pdf'), join(OUT, `${short}.soffice.pdf`))
      writeFileSync(html, await seedHtml(seed, false))
      renameSync(soffice(html, 'docx:MS Word 2007 XML'), join(OUT, `${short}.docx`))
    }
    await scanPdf(join(OUT, 'scan.pdf'))
    const layout = join(OUT, 'layout.pdf')
    await layoutPdf(layout)
    // A user password locks the text; an owner password alone does not.
    execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', layout, join(OUT, 'encrypted.pdf')])
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', layout, join(OUT, 'encrypted-open.pdf')])
    for (const file of readdirSync(OUT)) console.log(`${file}\t${statSync(join(OUT, file)).size} bytes`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
