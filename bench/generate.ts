/**
 * A benchmark corpus made from corpus/*.txt: thousands of plans that differ in numbers,
 * dates, agencies, places, and in the order and number of their parts and bullets,
 * half Markdown and half plain text, plus a few dozen PDFs rendered with an embedded
 * Unicode font. Same seed, same corpus, so runs compare; different documents, so the
 * parser's caches and the CPU's branch predictors are not flattered by one text repeated.
 *
 *   npx tsx bench/generate.ts [dir] [--count 2000] [--pdfs 40] [--manifest corpus.json]
 */
import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

export interface BenchDoc {
  file: string
  format: 'markdown' | 'text' | 'pdf'
  bytes: number
}

export interface BenchCorpus {
  dir: string
  docs: BenchDoc[]
  /** Why there are no PDFs, when there are none. */
  pdfSkipped: string | null
}

export interface GenerateOptions {
  dir: string
  /** Markdown and text plans together. */
  count?: number
  pdfs?: number
  seed?: number
  corpus?: string
}

type Rand = () => number

// ---------------------------------------------------------------- vocabulary to vary

const DEPARTMENTS = [
  'Giáo dục và Đào tạo',
  'Nội vụ',
  'Tài chính',
  'Y tế',
  'Tư pháp',
  'Xây dựng',
  'Công Thương',
  'Khoa học và Công nghệ',
  'Thông tin và Truyền thông',
  'Văn hóa, Thể thao và Du lịch',
  'Lao động - Thương binh và Xã hội',
  'Nông nghiệp và Phát triển nông thôn',
  'Tài nguyên và Môi trường',
  'Kế hoạch và Đầu tư',
]
const PROVINCES = [
  'Hà Nam',
  'Nghệ An',
  'Bắc Ninh',
  'Đồng Tháp',
  'Cần Thơ',
  'Quảng Ninh',
  'Thanh Hóa',
  'Đắk Lắk',
  'Lào Cai',
  'Bình Định',
]
const CITIES = [
  'Vũng Tàu',
  'Phủ Lý',
  'Vinh',
  'Bắc Ninh',
  'Cao Lãnh',
  'Hạ Long',
  'Quy Nhơn',
  'Buôn Ma Thuột',
  'Lào Cai',
  'Thanh Hóa',
]

// ---------------------------------------------------------------- randomness

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function random(seed: number): Rand {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const between = (rand: Rand, low: number, high: number) => low + Math.floor(rand() * (high - low + 1))
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
const pad2 = (n: number) => String(n).padStart(2, '0')

function shuffle<T>(rand: Rand, list: readonly T[]): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

// ---------------------------------------------------------------- a seed, taken apart

interface Skeleton {
  head: string[]
  parts: string[][]
  tail: string[]
}

const PART_LINE = /^[IVX]+\.\s+\S/
const TAIL_LINE = /^Nơi nhận/

/** Markdown marks removed, so both seeds start from the same plain lines. */
function plainLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/\*\*/g, '')
        .replace(/\s+$/, ''),
    )
}

/** Head (before part I), the parts (I, II, ...) and the tail (from "Nơi nhận"). */
function skeleton(text: string): Skeleton {
  const lines = plainLines(text)
  const starts = lines.flatMap((line, i) => (PART_LINE.test(line) ? [i] : []))
  const first = starts[0] ?? lines.length
  const tailAt = lines.findIndex((line, i) => i > first && TAIL_LINE.test(line))
  const end = tailAt < 0 ? lines.length : tailAt
  const parts = starts.map((start, k) => lines.slice(start, Math.min(starts[k + 1] ?? end, end)))
  return { head: lines.slice(0, first), parts, tail: lines.slice(end) }
}

// ---------------------------------------------------------------- variations

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']

/** Part I stays first and the implementation part last; the ones between are shuffled, dropped or repeated. */
function reorder(rand: Rand, parts: string[][]): string[][] {
  if (parts.length < 3) return parts
  const first = parts[0] as string[]
  const last = parts[parts.length - 1] as string[]
  let middle = shuffle(rand, parts.slice(1, -1))
  if (rand() < 0.15) middle = middle.slice(1)
  if (rand() < 0.15) middle = [...middle, pick(rand, middle)]
  return [first, ...middle, last].map((part, i) => [
    part[0]?.replace(/^[IVX]+\./, `${ROMAN[i]}.`) ?? '',
    ...part.slice(1),
  ])
}

/** Some bullets dropped, some repeated: documents of different lengths. */
function varyBullets(rand: Rand, lines: string[]): string[] {
  return lines.flatMap((line) => {
    if (!line.startsWith('- ')) return [line]
    const r = rand()
    if (r < 0.08) return []
    return r > 0.92 ? [line, '', line] : [line]
  })
}

/** Numbers, dates, agencies and places changed consistently within one document. */
function varyText(rand: Rand, text: string): string {
  const shift = between(rand, -3, 3)
  const departments = new Map(DEPARTMENTS.map((d) => [d, d]))
  const permuted = shuffle(rand, DEPARTMENTS)
  DEPARTMENTS.forEach((d, i) => {
    if (rand() < 0.5) departments.set(d, permuted[i] as string)
  })
  const province = pick(rand, PROVINCES)
  const city = pick(rand, CITIES)
  const departmentRe = new RegExp(
    `(Sở|Phòng) (${[...DEPARTMENTS].sort((a, b) => b.length - a.length).join('|')})`,
    'g',
  )
  return text
    .replace(/Bà Rịa-Vũng Tàu/g, province)
    .replace(/Vũng Tàu/g, city)
    .replace(/Hà Nam/g, province)
    .replace(departmentRe, (_m, level: string, name: string) => `${level} ${departments.get(name) ?? name}`)
    .replace(/\b20(\d\d)\b/g, (_m, yy: string) => String(2000 + Number(yy) + shift))
    .replace(
      /ngày (\d{1,2}) tháng (\d{1,2})/g,
      () => `ngày ${pad2(between(rand, 1, 28))} tháng ${between(rand, 1, 12)}`,
    )
    .replace(
      /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
      (_m, _d, _mo, y: string) => `${between(rand, 1, 28)}/${between(rand, 1, 12)}/${y}`,
    )
    .replace(/(số\s+)(\d{1,5})(?=\/)/gi, (_m, word: string) => `${word}${between(rand, 1, 3000)}`)
    .replace(/\b(\d{1,3})%/g, () => `${between(rand, 10, 100)}%`)
    .replace(
      /\b\d{1,3} (tập thể|cá nhân|hộ gia đình)/g,
      (_m, what: string) => `${between(rand, 1, 60)} ${what}`,
    )
}

// ---------------------------------------------------------------- rendering

const CLAUSE_HEADING = /^\d+(\.\d+)*\.\s+[^.;:]{1,90}$/

/** The plain lines as Markdown, the way converted Word documents look: headings, some bold. */
function toMarkdown(rand: Rand, lines: string[]): string {
  const bold = rand() < 0.5
  return lines
    .map((line) => {
      if (line === 'KẾ HOẠCH') return '## KẾ HOẠCH'
      if (PART_LINE.test(line)) return bold ? `## **${line}**` : `## ${line}`
      if (CLAUSE_HEADING.test(line)) return bold ? `### **${line}**` : `### ${line}`
      if (TAIL_LINE.test(line)) return `#### **${line}**`
      return line
    })
    .join('\n')
}

/** One plan: a seed taken apart, varied and put back together. */
export function makePlan(seedText: string, rand: Rand, format: 'markdown' | 'text'): string {
  const { head, parts, tail } = skeleton(seedText)
  const body = reorder(rand, parts).flatMap((part) => varyBullets(rand, part))
  const lines = varyText(rand, [...head, ...body, ...tail].join('\n')).split('\n')
  return format === 'markdown' ? `${toMarkdown(rand, lines)}\n` : `${lines.join('\n')}\n`
}

async function writePdf(file: string, text: string): Promise<void> {
  // Loaded on use: a machine without the font, or without pdfkit, still gets the Markdown and text corpus.
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'kh bench' } })
  const out = createWriteStream(file)
  doc.pipe(out)
  doc.registerFont('body', FONT)
  doc.font('body').fontSize(11)
  for (const paragraph of text.split(/\n{2,}/)) {
    if (paragraph.trim() === '') continue
    doc.text(paragraph.replace(/\n/g, ' '))
    doc.moveDown(0.5)
  }
  doc.end()
  await once(out, 'finish')
}

/** Write the corpus under `dir` (md/, txt/, pdf/) and list it. */
export async function generateCorpus(options: GenerateOptions): Promise<BenchCorpus> {
  const { dir, count = 2000, pdfs = 40, seed = 20240509, corpus = 'corpus' } = options
  const seeds = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(corpus, f), 'utf8'))
  if (seeds.length === 0) throw new Error(`No seed plans (*.txt) in \`${corpus}\``)
  const rand = random(seed)
  const docs: BenchDoc[] = []
  for (const sub of ['md', 'txt', 'pdf']) mkdirSync(join(dir, sub), { recursive: true })
  for (let i = 0; i < count; i++) {
    const format = i % 2 === 0 ? 'markdown' : 'text'
    const text = makePlan(pick(rand, seeds), rand, format)
    const file = join(
      dir,
      format === 'markdown' ? 'md' : 'txt',
      `${String(i + 1).padStart(5, '0')}.${format === 'markdown' ? 'md' : 'txt'}`,
    )
    writeFileSync(file, text)
    docs.push({ file, format, bytes: Buffer.byteLength(text) })
  }
  const pdfSkipped = existsSync(FONT)
    ? null
    : `no PDF: the font ${FONT} is missing (apt install fonts-dejavu-core)`
  for (let i = 0; i < (pdfSkipped ? 0 : pdfs); i++) {
    const file = join(dir, 'pdf', `${String(count + i + 1).padStart(5, '0')}.pdf`)
    await writePdf(file, makePlan(pick(rand, seeds), rand, 'text'))
    docs.push({ file, format: 'pdf', bytes: readFileSync(file).byteLength })
  }
  return { dir, docs, pdfSkipped }
}

/** The corpus, made in a child process so its memory and CPU do not count in the caller's measurements. */
export function generateApart(dir: string, count: number, pdfs: number): BenchCorpus {
  const manifest = `${dir}.json`
  const script = fileURLToPath(import.meta.url)
  const args = [
    ...process.execArgv,
    script,
    dir,
    '--count',
    String(count),
    '--pdfs',
    String(pdfs),
    '--manifest',
    manifest,
  ]
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] })
  if (child.status !== 0) throw new Error(`bench/generate.ts failed (exit ${child.status})`)
  return JSON.parse(readFileSync(manifest, 'utf8')) as BenchCorpus
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      count: { type: 'string', default: '2000' },
      pdfs: { type: 'string', default: '40' },
      manifest: { type: 'string' },
    },
  })
  const dir = positionals[0] ?? join('bench', 'results', 'corpus')
  const corpus = await generateCorpus({ dir, count: Number(values.count), pdfs: Number(values.pdfs) })
  if (values.manifest) writeFileSync(values.manifest, JSON.stringify(corpus))
  const by = (format: string) => corpus.docs.filter((d) => d.format === format).length
  process.stderr.write(`${dir}: ${by('markdown')} Markdown, ${by('text')} text, ${by('pdf')} PDF\n`)
  if (corpus.pdfSkipped) process.stderr.write(`${corpus.pdfSkipped}\n`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
