/**
 * `kh` as a user runs it: a real process in a temporary folder, exit codes,
 * files on disk and what stderr says. Spawned through tsx, so no build is
 * needed. The two batches start together when the file loads, and several
 * tests read each one's result.
 */
import { type ChildProcess, execFile } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { outputNames } from '../src/cli/discover.js'
import { writeFileAtomic } from '../src/cli/write.js'
import { validatePlan } from '../src/index.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const MAIN = join(ROOT, 'src', 'cli', 'main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const HA_NAM = { seed: '000_9dd6dbdf273703a0.txt' }
const VUNG_TAU = { seed: '003_e34268d9a63c9a71.txt' }
const STACK_FRAME = /^\s+at /m
// Not a PDF, whatever the name says: fixed bytes, so the failure is reproducible.
const NOT_A_PDF = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)

interface Run {
  dir: string
  code: number
  stdout: string
  stderr: string
}

type Content = string | Uint8Array | { seed: string }

/** Run `kh ...args` in a fresh temporary folder holding `files`, with pipes (not a terminal) as in CI. */
function kh(files: Record<string, Content>, ...args: string[]): Promise<Run> {
  return khIn(sandbox(files), ...args)
}

/** Run `kh ...args` in `dir`, e.g. a second time over the same folder. */
function khIn(dir: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', TSX, MAIN, ...args],
      { cwd: dir, maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) => {
        running.delete(child)
        // A command killed by a signal has no exit code: say which signal, so a failure says what happened.
        const signal = error?.signal ? `\n(killed by ${error.signal})` : ''
        resolve({ dir, code: error ? Number(error.code ?? 1) : 0, stdout, stderr: stderr + signal })
      },
    )
    running.add(child)
  })
}

const sandboxes: string[] = []
const running = new Set<ChildProcess>()
afterAll(() => {
  // A command still running after a timed-out test must not outlive its folder (Node 20 spins in
  // a recursive mkdir under a deleted working directory).
  for (const child of running) child.kill()
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true })
})

function sandbox(files: Record<string, Content>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-cli-'))
  sandboxes.push(dir)
  for (const [name, content] of Object.entries(files)) {
    const file = join(dir, name)
    mkdirSync(dirname(file), { recursive: true })
    if (typeof content === 'object' && 'seed' in content)
      copyFileSync(join(ROOT, 'corpus', content.seed), file)
    else writeFileSync(file, content)
  }
  return dir
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

describe.concurrent('kh extract on good documents', () => {
  const good = kh(
    {
      'in/a.txt': HA_NAM,
      'in/sub/b.txt': VUNG_TAU,
      'in/README.md': '# Corpus\n',
      'x/plan.txt': HA_NAM,
      'y/plan.txt': VUNG_TAU,
    },
    ...['extract', 'in', 'x', 'y', '-o', 'out', '--pretty'],
  )

  it('exits 0 with one valid JSON file per document and a summary', async ({ expect }) => {
    const { dir, code, stdout, stderr } = await good
    expect(code, stderr).toBe(0)
    const a = validatePlan(readJson(join(dir, 'out', 'a.json')))
    expect(a.source.path).toBe(join('in', 'a.txt'))
    expect(a.meta.issuer.locality).toBe('Hà Nam')
    const b = validatePlan(readJson(join(dir, 'out', 'b.json')))
    expect(b.source).toMatchObject({ path: join('in', 'sub', 'b.txt'), format: 'markdown' })
    expect(stderr).toMatch(/^4 files: 4 succeeded, 0 failed, \d+ warnings? .*, [\d.]+ s, JSON in out\/$/m)
    expect(stdout).toBe('')
  })

  it('indents files with --pretty', async ({ expect }) => {
    const { dir } = await good
    expect(readFileSync(join(dir, 'out', 'a.json'), 'utf8')).toMatch(/^\{\n {2}"schemaVersion": "1",\n/)
  })

  it('skips a folder readme and writes same-named inputs under their paths', async ({ expect }) => {
    const { dir } = await good
    expect(
      readdirSync(join(dir, 'out'))
        .filter((name) => name.endsWith('.json'))
        .sort(),
    ).toEqual(['a.json', 'b.json', 'x--plan.txt.json', 'y--plan.txt.json'])
    const y = validatePlan(readJson(join(dir, 'out', 'y--plan.txt.json')))
    expect(y.source.path).toBe(join('y', 'plan.txt'))
  })

  it('streams NDJSON in input order, and writes no file without -o', async ({ expect }) => {
    const { dir, code, stdout, stderr } = await kh(
      { 'x.txt': HA_NAM, 'y.txt': VUNG_TAU },
      'extract',
      'y.txt',
      'x.txt',
      '--ndjson',
    )
    expect(code, stderr).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines.map((line) => validatePlan(JSON.parse(line)).source.path)).toEqual(['y.txt', 'x.txt'])
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })
})

describe.concurrent('kh extract on bad documents', () => {
  const bad = kh(
    {
      'in/good.txt': HA_NAM,
      'in/bad.pdf': NOT_A_PDF,
      'in/empty.pdf': '',
      'notes.odt': 'PK',
      'out/bad.json': '{"earlier": true}\n',
    },
    ...['extract', 'in', 'missing.txt', 'notes.odt', '-o', 'out', '--ndjson'],
  )

  it('exits 1 and still writes the good file', async ({ expect }) => {
    const { dir, code } = await bad
    expect(code).toBe(1)
    expect(validatePlan(readJson(join(dir, 'out', 'good.json'))).source.path).toBe(join('in', 'good.txt'))
  })

  it('names each bad file and the reason in one line, without a stack', async ({ expect }) => {
    const { stderr } = await bad
    expect(stderr).toMatch(new RegExp(`^${join('in', 'bad.pdf')}  error  .*not a readable PDF`, 'm'))
    expect(stderr).toMatch(new RegExp(`^${join('in', 'empty.pdf')}  error  .*empty`, 'm'))
    expect(stderr).toMatch(/^missing\.txt {2}error {2}no such file or folder$/m)
    expect(stderr).toMatch(/^notes\.odt {2}error {2}unsupported file type `\.odt`/m)
    expect(stderr).toMatch(/^5 files: 1 succeeded, 4 failed, /m)
    expect(stderr).not.toMatch(STACK_FRAME)
  })

  it('leaves no temporary file and keeps the earlier output of a failing file', async ({ expect }) => {
    const { dir } = await bad
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.kh-cache', 'bad.json', 'good.json'])
    expect(readFileSync(join(dir, 'out', 'bad.json'), 'utf8')).toBe('{"earlier": true}\n')
  })

  it('prints the good plans on stdout too with --ndjson and -o', async ({ expect }) => {
    const { stdout } = await bad
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => validatePlan(JSON.parse(line)).source.path),
    ).toEqual([join('in', 'good.txt')])
  })

  it('prints stacks with --debug', async ({ expect }) => {
    const { code, stderr } = await kh({}, 'extract', 'missing.txt', '--debug')
    expect(code).toBe(1)
    expect(stderr).toMatch(/^missing\.txt {2}error {2}no such file or folder$/m)
    expect(stderr).toMatch(STACK_FRAME)
  })
})

// The two plans, edited so that each file is a different document: enough files that -j 2 starts two threads.
const SEEDS = [HA_NAM.seed, VUNG_TAU.seed].map((seed) => readFileSync(join(ROOT, 'corpus', seed), 'utf8'))
const VARIANTS: Record<string, Content> = {
  ...Object.fromEntries(
    Array.from({ length: 16 }, (_, i) => [
      `in/${String(i).padStart(2, '0')}.${i % 3 === 0 ? 'md' : 'txt'}`,
      (SEEDS[i % 2] as string).replace(/2025/g, String(2025 + i)),
    ]),
  ),
  'in/bad.pdf': NOT_A_PDF,
}
const VARIANT_NAMES = Object.keys(VARIANTS).filter((name) => !name.endsWith('.pdf'))

function stem(file: string): string {
  return basename(file, extname(file))
}

function outputs(dir: string, folder: string): Record<string, string> {
  const names = readdirSync(join(dir, folder)).filter((name) => name.endsWith('.json'))
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, folder, name), 'utf8')]))
}

describe.concurrent('kh extract on worker threads', { timeout: 120_000 }, () => {
  const both = (async () => {
    const dir = sandbox(VARIANTS)
    const one = await khIn(dir, 'extract', 'in', '-o', 'j1', '-j', '1', '--no-cache', '--ndjson')
    const two = await khIn(dir, 'extract', 'in', '-o', 'j2', '-j', '2', '--no-cache', '--ndjson')
    return { dir, one, two }
  })()

  it('writes the same files with -j 2 as with -j 1', async ({ expect }) => {
    const { dir, one, two } = await both
    expect(one.code, one.stderr).toBe(1)
    expect(two.code, two.stderr).toBe(1)
    const written = outputs(dir, 'j1')
    expect(Object.keys(written).sort()).toEqual(VARIANT_NAMES.map((name) => `${stem(name)}.json`))
    expect(outputs(dir, 'j2')).toEqual(written)
  })

  it('prints the same NDJSON, in input order, and the same problems', async ({ expect }) => {
    const { one, two } = await both
    expect(two.stdout).toBe(one.stdout)
    const paths = one.stdout
      .trimEnd()
      .split('\n')
      .map((line) => validatePlan(JSON.parse(line)).source.path)
    expect(paths).toEqual(VARIANT_NAMES.map((name) => join(...name.split('/'))))
    const problems = (run: Run) => run.stderr.split('\n').slice(0, -2)
    expect(problems(two)).toEqual(problems(one))
    expect(one.stderr).toMatch(new RegExp(`^${join('in', 'bad.pdf')}  error  .*not a readable PDF`, 'm'))
  })
})

describe('kh extract with its cache', { timeout: 120_000 }, () => {
  const dir = sandbox({ 'in/a.txt': HA_NAM, 'in/b.txt': VUNG_TAU })
  const extract = (...args: string[]) => khIn(dir, 'extract', 'in', '-o', 'out', ...args)
  const summary = (run: Run) => run.stderr.trimEnd().split('\n').at(-1)

  it('extracts everything on the first run and stores it under out/.kh-cache', async () => {
    const run = await extract()
    expect(run.code, run.stderr).toBe(0)
    expect(summary(run)).toMatch(/^2 files: 2 succeeded, 0 failed, /)
    expect(readdirSync(join(dir, 'out', '.kh-cache')).length).toBeGreaterThan(0)
  })

  it('reuses every plan on a second run over unchanged files, with the same output', async () => {
    const before = outputs(dir, 'out')
    const run = await extract()
    expect(run.code, run.stderr).toBe(0)
    expect(summary(run)).toMatch(/^2 files: 2 succeeded \(2 reused\), 0 failed, /)
    expect(outputs(dir, 'out')).toEqual(before)
  })

  it('extracts a changed file again and reuses the rest', async () => {
    const text = readFileSync(join(dir, 'in', 'a.txt'), 'utf8')
    writeFileSync(join(dir, 'in', 'a.txt'), text.replace('Hà Nam', 'Nghệ An'))
    const run = await extract()
    expect(run.code, run.stderr).toBe(0)
    expect(summary(run)).toMatch(/^2 files: 2 succeeded \(1 reused\), 0 failed, /)
    const a = validatePlan(readJson(join(dir, 'out', 'a.json')))
    expect(a.meta.issuer.locality).toBe('Nghệ An')
  })

  it('writes the path of the file at hand into a plan reused from another path', async () => {
    copyFileSync(join(dir, 'in', 'b.txt'), join(dir, 'in', 'copy.txt'))
    const run = await extract('--ndjson')
    expect(summary(run)).toMatch(/^3 files: 3 succeeded \(3 reused\), 0 failed, /)
    expect(validatePlan(readJson(join(dir, 'out', 'copy.json'))).source.path).toBe(join('in', 'copy.txt'))
    const paths = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => validatePlan(JSON.parse(line)).source.path)
    expect(paths).toEqual(['a.txt', 'b.txt', 'copy.txt'].map((name) => join('in', name)))
  })

  it('leaves an output that holds the plan as it is on --force, and rewrites one that does not', async () => {
    const file = join(dir, 'out', 'a.json')
    const plan = readFileSync(file)
    const { ino } = statSync(file)
    expect((await extract('--force')).code).toBe(0)
    // Not replaced: the same file, not a new one renamed over it.
    expect(statSync(file).ino).toBe(ino)
    // An output of the same size that differs, and a shorter one, are both written again.
    const changed = Buffer.from(plan)
    changed[10] = changed[10] === 0x20 ? 0x21 : 0x20
    writeFileSync(file, changed)
    expect((await extract('--force')).code).toBe(0)
    expect(readFileSync(file)).toEqual(plan)
    writeFileSync(file, plan.subarray(0, plan.length - 1))
    expect((await extract('--force')).code).toBe(0)
    expect(readFileSync(file)).toEqual(plan)
  })

  it('extracts everything again with --force, and reads no cache with --no-cache', async () => {
    const forced = await extract('--force')
    expect(summary(forced)).toMatch(/^3 files: 3 succeeded, 0 failed, /)
    const uncached = await extract('--no-cache')
    expect(summary(uncached)).toMatch(/^3 files: 3 succeeded, 0 failed, /)
    expect(summary(await extract())).toMatch(/^3 files: 3 succeeded \(3 reused\), 0 failed, /)
  })

  it('keeps the cache where --cache-dir says', async () => {
    const run = await extract('--cache-dir', 'elsewhere')
    expect(summary(run)).toMatch(/^3 files: 3 succeeded, 0 failed, /)
    expect(summary(await extract('--cache-dir', 'elsewhere'))).toMatch(/\(3 reused\)/)
    expect(readdirSync(join(dir, 'elsewhere')).length).toBeGreaterThan(0)
  })
})

describe('kh extract over files older than its last run', { timeout: 120_000 }, () => {
  const dir = sandbox({ 'in/a.txt': HA_NAM, 'in/b.txt': VUNG_TAU })
  const extract = (...args: string[]) => khIn(dir, 'extract', 'in', '-o', 'out', ...args)
  const summary = (run: Run) => run.stderr.trimEnd().split('\n').at(-1)
  const anHourAgo = new Date(Date.now() - 3600_000)
  const age = (name: string) => utimesSync(join(dir, 'in', name), anHourAgo, anHourAgo)
  // Only the index of what the last run read and wrote is left: a plan can then only come from it.
  const dropEntries = () => {
    for (const name of readdirSync(join(dir, 'out', '.kh-cache')))
      if (name !== 'files.index') rmSync(join(dir, 'out', '.kh-cache', name), { recursive: true })
  }

  it('takes an unchanged file and its output from their stamps, without its cache entry', async () => {
    age('a.txt')
    age('b.txt')
    expect(summary(await extract())).toMatch(/^2 files: 2 succeeded, 0 failed, /)
    const before = outputs(dir, 'out')
    dropEntries()
    const run = await extract()
    expect(run.code, run.stderr).toBe(0)
    expect(summary(run)).toMatch(/^2 files: 2 succeeded \(2 reused\), 0 failed, \d+ warnings/)
    expect(outputs(dir, 'out')).toEqual(before)
  })

  it('writes an output again that was edited since', async () => {
    writeFileSync(join(dir, 'out', 'a.json'), '{}\n')
    const run = await extract()
    expect(summary(run)).toMatch(/^2 files: 2 succeeded \(1 reused\), 0 failed, /)
    expect(validatePlan(readJson(join(dir, 'out', 'a.json'))).meta.issuer.locality).toBe('Hà Nam')
  })

  it('extracts a file changed behind an old modification time (same size, time set back)', async () => {
    dropEntries()
    const file = join(dir, 'in', 'b.txt')
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('Vũng Tàu')
    const changed = text.replaceAll('Vũng Tàu', 'Vũng Táu')
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text))
    writeFileSync(file, changed)
    age('b.txt')
    const run = await extract()
    expect(summary(run)).toMatch(/^2 files: 2 succeeded \(1 reused\), 0 failed, /)
    expect(readFileSync(join(dir, 'out', 'b.json'), 'utf8')).toContain('Vũng Táu')
  })

  it('reads the files again with --force or when the warnings are to be listed', async () => {
    dropEntries()
    expect(summary(await extract('--verbose'))).toMatch(/^2 files: 2 succeeded, 0 failed, /)
    expect(summary(await extract('--force'))).toMatch(/^2 files: 2 succeeded, 0 failed, /)
  })
})

describe.concurrent('kh extract limits per file', { timeout: 120_000 }, () => {
  const seed = readFileSync(join(ROOT, 'corpus', HA_NAM.seed), 'utf8')

  it('fails a file over --max-size, naming the limit, and writes the rest', async ({ expect }) => {
    const { dir, code, stderr } = await kh(
      { 'in/big.txt': seed.repeat(3), 'in/good.txt': HA_NAM },
      ...['extract', 'in', '-o', 'out', '--max-size', '0.05'],
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(
      new RegExp(
        `^${join('in', 'big.txt')}  error  file is 0\\.0816 MB, over the 0\\.05 MB limit \\(--max-size\\)$`,
        'm',
      ),
    )
    expect(stderr).toMatch(/^2 files: 1 succeeded, 1 failed, /m)
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.json'))).toEqual(['good.json'])
  })

  // A Markdown file of 20 MB takes seconds to parse on any machine; one thread, the slow file first,
  // so the good file can only be extracted by the thread that replaces the stopped one.
  it('stops a file over --timeout, naming the limit, and goes on with a new thread', async ({ expect }) => {
    const { dir, code, stderr } = await kh(
      { 'in/a-slow.md': seed.repeat(750), 'in/b-good.txt': HA_NAM },
      ...['extract', 'in', '-o', 'out', '-j', '1', '--timeout', '5'],
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(
      new RegExp(`^${join('in', 'a-slow.md')}  error  took longer than 5 s \\(the --timeout limit\\)$`, 'm'),
    )
    expect(stderr).toMatch(/^2 files: 1 succeeded, 1 failed, /m)
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.json'))).toEqual(['b-good.json'])
  })

  // The files queued behind a stopped thread must still get one, however many are stopped.
  it('goes on after several files over --timeout, with files queued behind them', async ({ expect }) => {
    const slow = seed.repeat(750)
    const { dir, code, stderr } = await kh(
      { 'in/a-slow.md': slow, 'in/b-slow.md': slow, 'in/c-good.txt': HA_NAM, 'in/d-good.txt': `${HA_NAM}\n` },
      ...['extract', 'in', '-o', 'out', '-j', '1', '--timeout', '2'],
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(/^4 files: 2 succeeded, 2 failed, /m)
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.json'))).toEqual([
      'c-good.json',
      'd-good.json',
    ])
  })
})

describe.concurrent('kh usage', () => {
  it('prints help for every option, and the version', async ({ expect }) => {
    const [top, extract, version] = await Promise.all([
      kh({}, '--help'),
      kh({}, 'extract', '--help'),
      kh({}, '--version'),
    ])
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/extract \[options\] <paths\.\.\.>/)
    expect(extract.code).toBe(0)
    for (const option of [
      '-o, --output <dir>',
      '-j, --jobs <n>',
      '--max-size <MB>',
      '--timeout <seconds>',
      '--cache-dir <dir>',
      '--no-cache',
      '--force',
      '--ndjson',
      '--pretty',
      '--verbose',
      '--debug',
    ]) {
      expect(extract.stdout).toContain(option)
    }
    expect(extract.stdout).toMatch(/Exit status:/)
    expect(version.stdout.trim()).toBe((readJson(join(ROOT, 'package.json')) as { version: string }).version)
  })

  it.for([
    ['no command', []],
    ['no inputs', ['extract']],
    ['an unknown option', ['extract', '--bogus', 'x.txt']],
    ['a bad job count', ['extract', '-j', '0', 'x.txt']],
    ['a bad size limit', ['extract', '--max-size', 'big', 'x.txt']],
    ['a bad time limit', ['extract', '--timeout', '0', 'x.txt']],
    ['an unknown command', ['frobnicate']],
    ['nothing to extract', ['extract', 'empty']],
  ] as const)('exits 2 on %s, without a stack', async ([, args], { expect }) => {
    const { code, stderr } = await kh({ 'empty/notes.json': '{}' }, ...args)
    expect(code, stderr).toBe(2)
    expect(stderr).not.toBe('')
    expect(stderr).not.toMatch(STACK_FRAME)
  })
})

describe('writeFileAtomic', () => {
  it('replaces a file and leaves nothing else', async () => {
    const dir = sandbox({ 'x.json': 'old' })
    await writeFileAtomic(join(dir, 'x.json'), 'new')
    expect(readFileSync(join(dir, 'x.json'), 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['x.json'])
  })

  it('writes pieces of bytes one after the other', async () => {
    const dir = sandbox({ 'x.json': 'old' })
    const utf8 = new TextEncoder()
    await writeFileAtomic(join(dir, 'x.json'), [
      utf8.encode('{"tên":'),
      utf8.encode('"Sở"}'),
      Uint8Array.of(0x0a),
    ])
    expect(readFileSync(join(dir, 'x.json'), 'utf8')).toBe('{"tên":"Sở"}\n')
    expect(readdirSync(dir)).toEqual(['x.json'])
  })

  it('fails without leaving anything when it cannot write', async () => {
    const dir = sandbox({})
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'new')).rejects.toThrow(/ENOENT/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('outputNames', () => {
  it('keeps distinct names', () => {
    expect(outputNames(['in/a.txt', 'in/b.md'])).toEqual(['a', 'b'])
  })

  it('spells out shared names by path, ignoring case', () => {
    expect(outputNames(['a/plan.txt', 'b/Plan.md', 'c/other.pdf'])).toEqual([
      'a--plan.txt',
      'b--Plan.md',
      'other',
    ])
  })

  it('numbers paths that still meet', () => {
    expect(outputNames(['a--b/x.txt', 'a/b--x.txt', 'x.txt', 'c/b--x.txt'])).toEqual([
      'a--b--x.txt',
      'a--b--x.txt-2',
      'x.txt',
      'c--b--x.txt',
    ])
  })
})
