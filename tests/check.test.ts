/**
 * `kh check`: every rule on the smallest Vietnamese snippet that shows it and on one that must not trip it,
 * the line format, the exit codes of the real command, and the two corpus seeds, whose findings were read
 * against the documents.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { rulesHelp } from '../src/check/help.js'
import { CHECK_CODES, checkPlan, type Diagnostic, place, severityOf } from '../src/check/index.js'
import { render, summaryLine, textLine } from '../src/check/report.js'
import { extract } from '../src/index.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const MAIN = join(ROOT, 'src', 'cli', 'main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** A plan with a filled number and date (lines 1–9), then `body` from line 10. */
function planText(
  body: string,
  header = { number: 'Số: 108/KH-UBND', date: 'Hà Nam, ngày 04 tháng 5 năm 2024' },
) {
  return [
    'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
    '',
    header.number,
    '',
    header.date,
    '',
    'KẾ HOẠCH',
    '',
    'Triển khai phong trào thi đua',
    body
      .replace(/^\n/, '')
      .split('\n')
      .map((l) => l.trimStart())
      .join('\n'),
  ].join('\n')
}

/** The findings of a snippet, columns found in its own lines. */
async function check(text: string, final = false): Promise<Diagnostic[]> {
  return checkPlan(await extract(text), { final, lines: text.split('\n') })
}

const codes = (found: Diagnostic[]) => found.map((d) => d.code)

const PURPOSES = `
  I. MỤC ĐÍCH

  1. Mục đích

  a) Nâng cao nhận thức.
`

describe('blank-number and blank-date', () => {
  const blank = { number: 'Số: /KH-UBND', date: 'Hà Nam, ngày tháng năm 2024' }

  it('are warnings in a draft, pointing at the blank', async () => {
    const found = await check(planText(PURPOSES, blank))
    expect(found).toEqual([
      expect.objectContaining({ line: 3, column: 5, severity: 'warning', code: 'blank-number' }),
      expect.objectContaining({ line: 5, column: 9, severity: 'warning', code: 'blank-date' }),
    ])
  })

  it('are errors with --final', async () => {
    const found = await check(planText(PURPOSES, blank), true)
    expect(found.map((d) => [d.code, d.severity])).toEqual([
      ['blank-number', 'error'],
      ['blank-date', 'error'],
    ])
  })

  it('say nothing of a filled number and date', async () => {
    expect(await check(planText(PURPOSES), true)).toEqual([])
  })
})

describe('label-sequence and label-duplicate', () => {
  it('flags a point list that jumps, at the label', async () => {
    const found = await check(planText(`${PURPOSES}\nb) Phát huy vai trò.\n\nd) Thực hiện tốt.\n`))
    expect(found).toEqual([
      {
        line: 18,
        column: 1,
        severity: 'error',
        message: 'point list jumps from b) to d) (expected c))',
        code: 'label-sequence',
      },
    ])
  })

  it('flags a repeated label', async () => {
    const found = await check(planText(`${PURPOSES}\nb) Phát huy vai trò.\n\nb) Thực hiện tốt.\n`))
    expect(codes(found)).toEqual(['label-duplicate'])
    expect(severityOf('label-duplicate', false)).toBe('error')
  })

  it('accepts a list in order, and d) to e) without đ)', async () => {
    const points = ['b) Một.', 'c) Hai.', 'd) Ba.', 'e) Bốn.'].join('\n\n')
    expect(await check(planText(`${PURPOSES}\n${points}\n`))).toEqual([])
  })
})

describe('unresolved-crossref', () => {
  const standards = (point: string) =>
    planText(`
      I. TIÊU CHÍ THI ĐUA VÀ TIÊU CHUẨN KHEN THƯỞNG

      1. Tiêu chí thi đua

      a) Đối với cơ quan

      - Làm tốt công tác tuyên truyền.

      2. Tiêu chuẩn khen thưởng

      a) Đối với cá nhân

      - Thực hiện đạt các tiêu chí tại điểm ${point} khoản 1 Mục I của Kế hoạch này.
    `)

  it('is an error at the reference when the point does not exist', async () => {
    const found = await check(standards('c'))
    expect(found).toEqual([
      expect.objectContaining({ line: 22, column: 30, severity: 'error', code: 'unresolved-crossref' }),
    ])
    expect(found[0]?.message).toContain('I.1.c')
  })

  it('is silent when it resolves', async () => {
    expect(await check(standards('a'))).toEqual([])
  })
})

describe('reference-date-mismatch', () => {
  const cites = (date: string) =>
    planText(`
      Căn cứ Nghị quyết số 163/2024/QH15 ${date} của Quốc hội;
      ${PURPOSES}
    `)

  it('warns at the number of a document dated in another year than its number says', async () => {
    expect(await check(cites('ngày 27 tháng 11 năm 2025'))).toEqual([
      expect.objectContaining({ line: 10, column: 22, severity: 'warning', code: 'reference-date-mismatch' }),
    ])
  })

  it('is silent for a date of the year in the number', async () => {
    expect(await check(cites('ngày 27 tháng 11 năm 2024'))).toEqual([])
  })
})

describe('agency-without-task', () => {
  const implementation = (clause2: string) =>
    planText(`
      I. TỔ CHỨC THỰC HIỆN

      1. Sở Giáo dục và Đào tạo: Chủ trì triển khai Kế hoạch.

      ${clause2}

      3. Sở Nội vụ: Hướng dẫn khen thưởng.
    `)

  it('is an error for a clause that names an agency and stops', async () => {
    expect(await check(implementation('2. Sở Tài chính:'))).toEqual([
      {
        line: 14,
        column: 4,
        severity: 'error',
        message: 'clause I.2 names Sở Tài chính but gives it no task',
        code: 'agency-without-task',
      },
    ])
  })

  it('is silent when the agency has a task, on its line or below', async () => {
    expect(await check(implementation('2. Sở Tài chính: Bố trí kinh phí thực hiện.'))).toEqual([])
    expect(await check(implementation('2. Sở Tài chính\n\nBố trí kinh phí thực hiện.'))).toEqual([])
  })
})

describe('deadline-undated', () => {
  const implementation = (task: string) =>
    planText(`
      I. TỔ CHỨC THỰC HIỆN

      1. Sở Giáo dục và Đào tạo

      ${task}
    `)

  it('warns of a report required every year with no date, at the verb', async () => {
    const found = await check(implementation('Chủ trì tổng hợp, báo cáo kết quả thực hiện hằng năm.'))
    expect(found).toEqual([
      {
        line: 14,
        column: 19,
        severity: 'warning',
        message: 'the report "báo cáo kết quả thực hiện hằng năm" has no date',
        code: 'deadline-undated',
      },
    ])
  })

  it('reads each clause of a sentence on its own', async () => {
    const found = await check(
      implementation(
        'Tổ chức sơ kết vào năm 2025; báo cáo tình hình thực hiện định kỳ về Ủy ban nhân dân tỉnh.',
      ),
    )
    expect(codes(found)).toEqual(['deadline-undated'])
  })

  it('is silent for a dated report, a conditional one, and a report outside the implementation part', async () => {
    expect(await check(implementation('Báo cáo kết quả trước ngày 05 tháng 12 hằng năm.'))).toEqual([])
    expect(
      await check(implementation('Nếu có khó khăn, vướng mắc, kịp thời báo cáo tình hình về Sở Nội vụ.')),
    ).toEqual([])
    expect(await check(implementation('Báo cáo đột xuất kết quả thực hiện khi có yêu cầu.'))).toEqual([])
    expect(await check(planText(`${PURPOSES}\nb) Định kỳ báo cáo kết quả thực hiện.\n`))).toEqual([])
  })

  it('takes a heading over a dated body as a title', async () => {
    const text = planText(`
      I. TỔ CHỨC THỰC HIỆN

      1. Báo cáo kết quả thực hiện

      Các đơn vị báo cáo kết quả về Sở Nội vụ trước ngày 05 tháng 12 hằng năm.
    `)
    expect(await check(text)).toEqual([])
  })
})

describe('deadline-incomplete', () => {
  const clause = (text: string) => planText(`\nI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: ${text}\n`)

  it('warns of a one-off date or quarter without its year', async () => {
    const found = await check(clause('Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/12 để tổng hợp.'))
    expect(found).toEqual([
      {
        line: 12,
        column: 66,
        severity: 'warning',
        message:
          '"Báo cáo kết quả" is due 15/12 with no year: name the year, or write "hằng năm" if it recurs',
        code: 'deadline-incomplete',
      },
    ])
    const quarter = await check(clause('Hoàn thành việc kiện toàn Ban Chỉ đạo trong Quý II.'))
    expect(quarter.map((d) => [d.code, d.column])).toEqual([['deadline-incomplete', 59]])
  })

  it('is silent for a full date, a quarter with its year and a yearly date', async () => {
    expect(await check(clause('Báo cáo kết quả trước ngày 15/12/2025.'))).toEqual([])
    expect(await check(clause('Hoàn thành việc kiện toàn Ban Chỉ đạo trong Quý II/2026.'))).toEqual([])
    expect(await check(clause('Báo cáo kết quả trước ngày 15 tháng 12 hằng năm.'))).toEqual([])
  })
})

describe('the severity table', () => {
  it('weighs every code, and a code it does not know as a warning', () => {
    for (const c of CHECK_CODES) expect(c.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(new Set(CHECK_CODES.map((c) => c.code)).size).toBe(CHECK_CODES.length)
    expect(severityOf('some-future-code', false)).toBe('warning')
    expect(severityOf('rejoined-page-break', true)).toBe('off')
  })

  it('is what --help lists', () => {
    const help = rulesHelp()
    for (const c of CHECK_CODES) expect(help).toContain(`  ${c.code} (`)
    expect(help).toContain('blank-number (warning; error with --final)')
  })

  it('leaves out findings turned off', async () => {
    // A blank line inside a sentence is re-joined by the extractor, with a warning nobody drafting can act on.
    const text = planText(`${PURPOSES}\nb) Phát huy vai trò của các cơ quan, đơn vị\n\ntrên địa bàn tỉnh.\n`)
    const plan = await extract(text)
    expect(plan.warnings.map((w) => w.code)).toEqual(['rejoined-page-break'])
    expect(checkPlan(plan)).toEqual([])
  })
})

describe('places and lines', () => {
  it('counts columns in characters, past markup, on the lines a paragraph spans', () => {
    const lines = ['x', '- **Sở** Nội vụ  **báo cáo**   kết quả']
    expect(place({ code: 'c', message: 'm', line: 1, endLine: 2, near: 'báo cáo kết quả' }, lines)).toEqual({
      line: 2,
      column: 20,
    })
    expect(place({ code: 'c', message: 'm', line: 1, near: 'không có' }, lines)).toEqual({
      line: 1,
      column: 1,
    })
    expect(place({ code: 'c', message: 'm', line: null }, lines)).toEqual({ line: 1, column: 1 })
  })

  it('prints file:line:column  severity  message  code, and JSON rows', () => {
    const d = {
      file: 'a.txt',
      line: 3,
      column: 5,
      severity: 'warning' as const,
      message: 'm',
      code: 'blank-number',
    }
    expect(textLine(d)).toBe('a.txt:3:5  warning  m  blank-number')
    expect(JSON.parse(render([d], 'json'))).toEqual([d])
    expect(render([], 'json')).toBe('[]\n')
    expect(summaryLine(2, [d, { ...d, severity: 'error' }], false)).toBe('2 files: 1 error, 1 warning')
    expect(summaryLine(1, [d], true)).toBe('1 file: 0 errors, 1 warning (warnings not listed: --quiet)')
  })

  it('sorts by line, then column', async () => {
    const text = planText(
      `\nI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Hoàn thành trong Quý II; báo cáo kết quả trước ngày 15/12 để tổng hợp.\n\n2. Sở Tài chính:\n`,
      { number: 'Số: /KH-UBND', date: 'Hà Nam, ngày 04 tháng 5 năm 2024' },
    )
    const found = await check(text)
    expect(found.map((d) => [d.line, d.code])).toEqual([
      [3, 'blank-number'],
      [12, 'deadline-incomplete'],
      [12, 'deadline-incomplete'],
      [14, 'agency-without-task'],
    ])
    expect(found[1]?.column).toBeLessThan(found[2]?.column ?? 0)
  })
})

// ---------------------------------------------------------------------------------------------------------
// The command, as a user runs it.

interface Run {
  code: number
  stdout: string
  stderr: string
}

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Run `kh ...args` in `cwd` (the repository by default), with pipes as in CI. */
function kh(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, MAIN, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

function sandbox(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-check-'))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const HA_NAM = 'corpus/000_9dd6dbdf273703a0.txt'
const VUNG_TAU = 'corpus/003_e34268d9a63c9a71.txt'

// Few processes, started together when the file loads: each costs seconds of start-up on a busy machine.
const TIMEOUT = 120_000

describe.concurrent('kh check', () => {
  const files = sandbox({
    'clean.txt': planText(PURPOSES),
    'draft.txt': planText(PURPOSES, { number: 'Số: /KH-UBND', date: 'Hà Nam, ngày tháng năm 2024' }),
    'broken.txt': planText(`${PURPOSES}\nb) Một.\n\nd) Hai.\n`),
  })
  const runs = {
    seeds: kh(['check', HA_NAM, VUNG_TAU]),
    clean: kh(['check', 'clean.txt'], files),
    json: kh(['check', 'draft.txt', '--format', 'json'], files),
    quiet: kh(['check', 'missing.txt', 'draft.txt', 'broken.txt', '--quiet'], files),
    final: kh(['check', 'draft.txt', '--final'], files),
    format: kh(['check', 'draft.txt', '--format', 'xml'], files),
    none: kh(['check'], files),
    help: kh(['check', '--help']),
  }

  it('reports what is true of the two seeds', { timeout: TIMEOUT }, async () => {
    const { code, stdout, stderr } = await runs.seeds
    // Read against the documents: both are unsigned drafts; Vũng Tàu's III.2 goes a) b) c) d) h) (line 155);
    // Hà Nam VII.2 (line 175) and Vũng Tàu VII.10 (line 267) require reports and give them no date.
    expect(stdout.split('\n')).toEqual([
      `${HA_NAM}:3:5  warning  the plan number is blank ("Số: /...")  blank-number`,
      `${HA_NAM}:5:9  warning  the plan date is incomplete  blank-date`,
      `${HA_NAM}:175:166  warning  the report "báo cáo tình hình thực hiện Kế hoạch này hàng năm, định kỳ" has no date  deadline-undated`,
      `${VUNG_TAU}:3:5  warning  the plan number is blank ("Số: /...")  blank-number`,
      `${VUNG_TAU}:5:11  warning  the plan date is incomplete  blank-date`,
      `${VUNG_TAU}:155:1  error  point list jumps from d) to h) (expected đ))  label-sequence`,
      `${VUNG_TAU}:267:68  warning  the report "báo cáo kết quả triển khai thực hiện kế hoạch về UBND tỉnh và Sở Giáo …" has no date  deadline-undated`,
      '',
    ])
    expect(stderr).toBe('2 files: 1 error, 6 warnings\n')
    expect(code).toBe(1)
  })

  it('exits 0 with nothing to say, and with warnings only, which --format json prints as an array', {
    timeout: TIMEOUT,
  }, async () => {
    const clean = await runs.clean
    expect([clean.code, clean.stdout, clean.stderr]).toEqual([0, '', '1 file: 0 errors, 0 warnings\n'])
    const { code, stdout, stderr } = await runs.json
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([
      {
        file: 'draft.txt',
        line: 3,
        column: 5,
        severity: 'warning',
        message: 'the plan number is blank ("Số: /...")',
        code: 'blank-number',
      },
      expect.objectContaining({ file: 'draft.txt', line: 5, column: 9, code: 'blank-date' }),
    ])
    expect(stderr).toBe('1 file: 0 errors, 2 warnings\n')
  })

  it('exits 1 on an error or a file it cannot read, still checking the others; --quiet lists errors only', {
    timeout: TIMEOUT,
  }, async () => {
    const { code, stdout, stderr } = await runs.quiet
    expect(code).toBe(1)
    expect(stdout.split('\n')).toEqual([
      'missing.txt:1:1  error  cannot read: no such file or folder  unreadable-file',
      'broken.txt:18:1  error  point list jumps from b) to d) (expected c))  label-sequence',
      '',
    ])
    expect(stderr).toBe('3 files: 2 errors, 2 warnings (warnings not listed: --quiet)\n')
  })

  it('turns a blank number and date into errors with --final', { timeout: TIMEOUT }, async () => {
    const { code, stdout } = await runs.final
    expect(code).toBe(1)
    expect(stdout).toContain('draft.txt:3:5  error  the plan number is blank')
    expect(stdout).toContain('draft.txt:5:9  error  the plan date is incomplete')
  })

  it('exits 2 on usage errors', { timeout: TIMEOUT }, async () => {
    const format = await runs.format
    expect(format.code).toBe(2)
    expect(format.stderr).toContain("argument 'xml' is invalid")
    expect((await runs.none).code).toBe(2)
  })

  it('documents every rule and its severity in --help', { timeout: TIMEOUT }, async () => {
    const { code, stdout } = await runs.help
    expect(code).toBe(0)
    for (const c of CHECK_CODES) expect(stdout).toContain(c.code)
    expect(stdout).toContain('label-sequence (error)')
    expect(stdout).toContain('blank-date (warning; error with --final)')
  })
})
