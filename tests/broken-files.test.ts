/**
 * A folder of broken and odd files beside one good plan, as one `kh extract` run: the bad files fail
 * with their reason, the odd ones extract with a `not-a-plan` warning, the good ones extract, and
 * the batch ends in seconds with exit status 1.
 */
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../schemas/plan.js'
import { validatePlan } from '../src/index.js'
import { extract } from '../src/pipeline.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const MAIN = join(ROOT, 'src', 'cli', 'main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'ingest')

/** Fixed pseudo-random bytes, so a failure can be replayed. */
function randomBytes(seed: number, length: number): Uint8Array {
  let state = seed
  return Uint8Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0
    return state >>> 24
  })
}

const NEWS = `Hà Nội mưa lớn, nhiều tuyến phố ngập sâu

Chiều 12/8, một trận mưa lớn kéo dài hơn hai giờ khiến nhiều tuyến phố tại quận Cầu Giấy và Đống Đa ngập sâu, giao thông ùn tắc đến tối.

Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, lượng mưa đo tại trạm Láng đạt 120 mm. Công ty Thoát nước Hà Nội đã huy động lực lượng ứng trực tại các điểm ngập.

Người dân được khuyến cáo hạn chế di chuyển qua các khu vực trũng thấp.
`

const chromiumPdf = readFileSync(join(FIXTURES, '000.chromium.pdf'))

/** The files of the folder, and what each must give: the reason it fails, or a plan. */
const FILES: Record<string, { content: string | Uint8Array; fails?: RegExp }> = {
  'empty.txt': { content: '', fails: /the file is empty$/ },
  'blank.md': { content: '\n \n\t\n', fails: /the file is empty \(only white space\)$/ },
  'random.txt': { content: randomBytes(1, 4096), fails: /not text: looks like binary data$/ },
  'random.md': { content: randomBytes(2, 4096), fails: /not text: looks like binary data$/ },
  'truncated.pdf': {
    content: chromiumPdf.subarray(0, chromiumPdf.length / 2),
    fails: /not a readable PDF: the file is damaged or truncated/,
  },
  'random.docx': { content: randomBytes(3, 4096), fails: /not a DOCX file \(not a ZIP archive\)$/ },
  'one-line.txt': { content: 'Sở Giáo dục và Đào tạo, (Sở Nội vụ) 1. a) '.repeat(25_000) },
  'labels.txt': { content: ['I.', '1.', 'a)', 'b)', '2.', 'II.', '1.1.', '-', '+'].join('\n').repeat(200) },
  'news.txt': { content: NEWS },
}
const BAD = Object.entries(FILES).filter(([, f]) => f.fails)
const ODD = ['one-line.txt', 'labels.txt', 'news.txt']

interface Run {
  dir: string
  code: number
  stderr: string
}

let run: Run
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-broken-'))
  mkdirSync(join(dir, 'in'))
  mkdirSync(join(dir, 'named'))
  for (const [name, { content }] of Object.entries(FILES)) writeFileSync(join(dir, 'in', name), content)
  copyFileSync(join(ROOT, 'corpus', '000_9dd6dbdf273703a0.txt'), join(dir, 'in', 'good.txt'))
  copyFileSync(join(FIXTURES, '003.docx'), join(dir, 'in', 'good-003.docx'))
  copyFileSync(join(FIXTURES, '000.docx'), join(dir, 'named', 'plan.docx'))
  const args = ['extract', 'in', join('named', 'plan.docx'), '-o', 'out', '--verbose']
  run = await new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: dir }, (error, _stdout, stderr) => {
      resolve({ dir, code: error ? Number(error.code ?? 1) : 0, stderr })
    })
  })
}, 120_000)
afterAll(() => rmSync(run.dir, { recursive: true, force: true }))

const output = (name: string): Plan =>
  validatePlan(JSON.parse(readFileSync(join(run.dir, 'out', `${name}.json`), 'utf8')))

describe('kh extract over a folder of broken files', () => {
  it('exits 1, within seconds, and counts every file', () => {
    expect(run.code, run.stderr).toBe(1)
    const summary = /^(\d+) files: (\d+) succeeded, (\d+) failed, .*, ([\d.]+) s, JSON in out\/$/m.exec(
      run.stderr,
    )
    expect(summary?.slice(1, 4)).toEqual(['12', String(12 - BAD.length), String(BAD.length)])
    // The run's own clock, without the start-up of tsx on a loaded machine.
    expect(Number(summary?.[4])).toBeLessThan(15)
  })

  it.each(BAD)('names %s with its reason, in one line', (name, { fails }) => {
    const line = run.stderr.split('\n').find((l) => l.startsWith(`${join('in', name)}  error  `))
    expect(line, run.stderr).toMatch(/^\S+ {2}error {2}Cannot read `[^`]+`: /)
    expect(line).toMatch(fails ?? /$^/)
  })

  it('prints no stack trace', () => {
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(run.stderr).not.toMatch(/internal error/)
  })

  it('extracts the good plan, from text and from DOCX, found in the folder or named', () => {
    expect(output('good').meta.issuer.locality).toBe('Hà Nam')
    expect(output('good-003')).toMatchObject({ source: { format: 'docx' }, meta: { symbol: 'KH-UBND' } })
    expect(output('plan')).toMatchObject({ source: { format: 'docx', path: join('named', 'plan.docx') } })
    for (const name of ['good', 'good-003', 'plan'])
      expect(output(name).warnings.map((w) => w.code)).not.toContain('not-a-plan')
  })

  it.each(ODD)('extracts %s, which is no plan, with a not-a-plan warning', (name) => {
    const plan = output(name.replace(/\.txt$/, ''))
    expect(plan.warnings.filter((w) => w.code === 'not-a-plan')).toHaveLength(1)
    expect(run.stderr).toMatch(
      new RegExp(`^${join('in', name)}  warning  this does not look like a plan: `, 'm'),
    )
  })
})

describe('the not-a-plan rule', () => {
  const codes = async (text: string) => (await extract(text)).warnings.map((w) => w.code)

  it('says what a news item lacks: a plan title or number, and numbered parts', async () => {
    const plan = await extract(NEWS)
    expect(plan.warnings.find((w) => w.code === 'not-a-plan')?.message).toBe(
      'this does not look like a plan: no "KẾ HOẠCH" title or plan number, no numbered parts or clauses; the facts may be incomplete',
    )
  })

  it('accepts a short plan with a title and one part, and one with a KH number only', async () => {
    expect(
      await codes('KẾ HOẠCH\nTriển khai phong trào thi đua\nI. MỤC ĐÍCH\nTuyên truyền.\n'),
    ).not.toContain('not-a-plan')
    expect(await codes('Số: 12/KH-UBND\nI. MỤC ĐÍCH\n1. Tuyên truyền.\n')).not.toContain('not-a-plan')
  })

  it('warns on numbered text without a title', async () => {
    expect(await codes('I. MỤC ĐÍCH\n1. Tuyên truyền.\n')).toContain('not-a-plan')
  })

  it('reads a text with a few damaged bytes, but not binary data', async () => {
    const damaged = new TextEncoder().encode(`KẾ HOẠCH\nI. MỤC ĐÍCH\n\0\x01${'Tuyên truyền. '.repeat(20)}\n`)
    await expect(extract(damaged, { path: 'damaged.txt' })).resolves.toMatchObject({
      sections: [{ path: 'I' }],
    })
    await expect(extract(randomBytes(9, 300), { path: 'x.txt' })).rejects.toThrow(
      'Cannot read `x.txt`: not text: looks like binary data',
    )
  })
})
