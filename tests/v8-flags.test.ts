/**
 * The flag kh sets as it starts, set the way it does (in a running process), under the pattern state
 * that crashes V8 with the flag it replaced: a pattern run exactly once before, run again after.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { REGEXP_FLAG } from '../src/cli/v8-flags.js'

// Fifty patterns, each run once; the flag set; each run again, on short and long subjects.
const SCRIPT = `
const { setFlagsFromString } = require('node:v8')
const patterns = Array.from({ length: 50 }, (_, i) => new RegExp('(\\\\d+)[a-z]+(x|y)' + i, i % 2 ? 'g' : 'gu'))
for (const re of patterns) re.exec('12abx')
setFlagsFromString(process.env.FLAG)
let found = 0
for (let i = 0; i < 20; i++) for (const re of patterns) {
  re.lastIndex = 0
  if (re.exec('12abx' + i)) found++
  re.test('x'.repeat(2000))
}
console.log(found)
`

function setAfterOneRun(flag: string) {
  return spawnSync(process.execPath, ['-e', SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, FLAG: flag },
  })
}

describe('the V8 flag kh sets at start', () => {
  it('keeps a running process alive, and what the patterns match', () => {
    const run = setAfterOneRun(REGEXP_FLAG)
    expect(run.signal, run.stderr).toBeNull()
    expect(run.stdout.trim()).toBe(setAfterOneRun('--regexp-tier-up-ticks=1').stdout.trim())
    expect(run.stdout.trim()).toBe('30')
  })

  // The control: the flag kh used before crashes this script on the Node this was found on, so the
  // script does reach the state that matters.
  it.runIf(process.version.startsWith('v20.'))('crashes it with --no-regexp-tier-up on Node 20', () => {
    expect(setAfterOneRun('--no-regexp-tier-up').signal).toBe('SIGSEGV')
  })
})
