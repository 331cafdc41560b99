import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest'
import { PlanDiffSchema } from '../schemas/diff.js'
import { runDiffCommand } from '../src/diff/index.js'
import { items, plan } from './diff-fixtures.js'

const CHILD_SOURCE = 'corpus/003_e34268d9a63c9a71.txt'
const PARENT_SOURCE = 'corpus/000_9dd6dbdf273703a0.txt'

let dir: string
let stdout: MockInstance
let stderr: MockInstance
const written = (spy: MockInstance) => spy.mock.calls.map((c) => String(c[0])).join('')

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-diff-'))
  writeFileSync(
    join(dir, 'child.json'),
    JSON.stringify(plan('district', { solutions: items('IV', 'Rà soát chính sách.') })),
  )
  writeFileSync(
    join(dir, 'parent.json'),
    JSON.stringify(plan('province', { solutions: items('IV', 'Rà soát chính sách.') })),
  )
  writeFileSync(join(dir, 'broken.json'), '{ "schemaVersion": ')
  writeFileSync(join(dir, 'other.json'), JSON.stringify({ schemaVersion: '1', meta: {} }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

afterEach(() => vi.restoreAllMocks())

// Spies are made per test and restored after it, so the runner's own output is never swallowed.
function capture(): void {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
}

describe('runDiffCommand', () => {
  it('reads extracted JSON plans and prints the JSON diff', async () => {
    capture()
    const code = await runDiffCommand(join(dir, 'child.json'), join(dir, 'parent.json'), { format: 'json' })
    expect(code).toBe(0)
    const diff = PlanDiffSchema.parse(JSON.parse(written(stdout)))
    expect(diff.solutions).toMatchObject([{ status: 'same' }])
    expect(written(stderr)).toBe('')
  })

  it('extracts source documents and prints the text report, uncoloured when stdout is not a terminal', async () => {
    capture()
    expect(await runDiffCommand(CHILD_SOURCE, PARENT_SOURCE, { format: 'text' })).toBe(0)
    const text = written(stdout)
    expect(text).toContain('kh diff')
    expect(text).toContain('AWARD QUOTAS  0 removed · 2 added')
    expect(text).not.toContain('\x1b[')
  })

  it('writes the report to a file with -o', async () => {
    capture()
    const out = join(dir, 'report.html')
    expect(
      await runDiffCommand(CHILD_SOURCE, join(dir, 'parent.json'), { format: 'html', output: out }),
    ).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('<meta charset="utf-8">')
    expect(written(stdout)).toBe('')
  })

  it.each([
    ['a missing file', 'nope.txt', /^kh diff: cannot extract `nope\.txt`: no such file or folder\n$/],
    ['broken JSON', 'broken.json', /^kh diff: `.*broken\.json` is not valid JSON: .+\n$/],
    [
      'JSON that is not a plan',
      'other.json',
      /^kh diff: `.*other\.json` is not a kh plan \(contract version 1\) at \$\..+\n$/,
    ],
  ])('fails with one line for %s', async (_, file, message) => {
    capture()
    const path = file.endsWith('.json') ? join(dir, file) : file
    expect(await runDiffCommand(path, join(dir, 'parent.json'), { format: 'json' })).toBe(1)
    expect(written(stderr)).toMatch(message)
    expect(written(stdout)).toBe('')
  })

  it('refuses an unknown format as a usage error', async () => {
    capture()
    const code = await runDiffCommand(join(dir, 'child.json'), join(dir, 'parent.json'), {
      format: 'pdf' as 'json',
    })
    expect(code).toBe(2)
    expect(written(stderr)).toBe('kh diff: unknown format `pdf`: use text, json, html\n')
  })

  it('fails with one line when the output cannot be written', async () => {
    capture()
    const out = join(dir, 'no-such-folder', 'report.json')
    expect(
      await runDiffCommand(join(dir, 'child.json'), join(dir, 'parent.json'), {
        format: 'json',
        output: out,
      }),
    ).toBe(1)
    expect(written(stderr)).toMatch(/^kh diff: cannot write `.*report\.json`: no such file or folder\n$/)
  })
})
