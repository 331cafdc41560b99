/** The extraction cache: hits, misses, versions, and entries that must be ignored rather than trusted. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Plan } from '../schemas/plan.js'
import { ExtractCache, sha256Hex } from '../src/cache.js'
import { extract } from '../src/index.js'
import { tempBeside } from '../src/temp.js'

const SNIPPET = `KẾ HOẠCH
Triển khai Phong trào thi đua

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Nâng cao nhận thức về học tập suốt đời.
`

let plan: Plan
let sha: string
let dir: string

beforeAll(async () => {
  plan = await extract(SNIPPET, { path: 'snippet.txt' })
  sha = plan.source.sha256
})

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-cache-test-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

describe('ExtractCache', () => {
  it('keys entries by the SHA-256 of the file bytes', () => {
    expect(sha256Hex(SNIPPET)).toBe(sha)
  })

  it('misses before anything is stored', async () => {
    const cache = new ExtractCache(dir, '1.0.0')
    expect(await cache.get(sha)).toBeNull()
    expect(cache.stats).toMatchObject({ hits: 0, misses: 1 })
  })

  it('hits with the stored plan, equal to what was extracted', async () => {
    const cache = new ExtractCache(dir, '1.0.0')
    await cache.set(sha, plan)
    expect(await cache.get(sha)).toEqual(plan)
    expect(cache.stats).toMatchObject({ hits: 1, misses: 0, writes: 1 })
  })

  it('is shared between instances on the same folder (a second run)', async () => {
    await new ExtractCache(dir, '1.0.0').set(sha, plan)
    expect(await new ExtractCache(dir, '1.0.0').get(sha)).toEqual(plan)
  })

  it('misses for other bytes', async () => {
    const cache = new ExtractCache(dir, '1.0.0')
    await cache.set(sha, plan)
    expect(await cache.get(sha256Hex(`${SNIPPET}\n`))).toBeNull()
  })

  it('misses after the tool version changes', async () => {
    await new ExtractCache(dir, '1.0.0').set(sha, plan)
    expect(await new ExtractCache(dir, '1.0.1').get(sha)).toBeNull()
  })

  it('keeps variants of the same bytes apart (a forced format)', async () => {
    const cache = new ExtractCache(dir, '1.0.0')
    await cache.set(sha, plan, 'format=markdown')
    expect(await cache.get(sha)).toBeNull()
    expect(await cache.get(sha, 'format=markdown')).toEqual(plan)
  })

  it('leaves no temporary files and names entries so `kh export` never reads them as plans', async () => {
    const cache = new ExtractCache(dir, '1.0.0')
    await Promise.all([cache.set(sha, plan), cache.set(sha, plan)])
    const files = filesUnder(dir)
    expect(files).toEqual([cache.entryPath(sha)])
    expect(files[0]).toMatch(/\.entry$/)
  })

  describe('ignores a corrupted entry, then heals on the next set', () => {
    const corruptions: Record<string, (text: string) => string> = {
      truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
      empty: () => '',
      garbage: () => '\u0000\u0001not a cache entry',
      'edited body': (text) => text.replace('học tập suốt đời', 'học tập suốt đơi'),
      'header for other bytes': (text) => text.replace(sha, '0'.repeat(64)),
      'header without a newline': (text) => text.replace('\n', ' '),
    }
    for (const [name, corrupt] of Object.entries(corruptions)) {
      it(name, async () => {
        const cache = new ExtractCache(dir, '1.0.0')
        await cache.set(sha, plan)
        const file = cache.entryPath(sha)
        writeFileSync(file, corrupt(readFileSync(file, 'utf8')))
        expect(await cache.get(sha)).toBeNull()
        await cache.set(sha, plan)
        expect(await cache.get(sha)).toEqual(plan)
      })
    }
  })

  it('never rejects when it cannot write, and says why through onError', async () => {
    // A file where the cache folder should be: every write fails.
    const blocked = join(dir, 'blocked')
    writeFileSync(blocked, '')
    const errors: Error[] = []
    const cache = new ExtractCache(blocked, '1.0.0', { onError: (e) => errors.push(e) })
    await expect(cache.set(sha, plan)).resolves.toBeUndefined()
    expect(errors).toHaveLength(1)
    expect(cache.stats.errors).toBe(1)
    expect(await cache.get(sha)).toBeNull()
  })
})

describe('tempBeside', () => {
  it('names a different file beside the target for every write, hidden when asked', () => {
    const names = Array.from({ length: 100 }, () => tempBeside(join('out', 'a.json')))
    expect(new Set(names).size).toBe(100)
    for (const name of names) expect(name).toMatch(/^out[\\/]a\.json\.\d+-\d+-[0-9a-f]{6}-[0-9a-z]+\.tmp$/)
    expect(tempBeside(join('out', 'a.json'), { hidden: true })).toMatch(/^out[\\/]\.a\.json\./)
  })
})

describe('ExtractCache folders', () => {
  it('makes an entry folder on the first write into it, and again if it was removed', async () => {
    const cache = new ExtractCache(join(dir, 'deep', 'cache'), 'test')
    await cache.set(sha, plan)
    expect(await cache.get(sha)).toEqual(plan)
    rmSync(join(dir, 'deep'), { recursive: true })
    await cache.set(sha, plan)
    expect(cache.stats).toMatchObject({ writes: 2, errors: 0 })
    expect(await cache.get(sha)).toEqual(plan)
  })
})
