/**
 * The built `kh extract` runs its threads from one bundled file (scripts/bundle.ts), not from the
 * modules the other tests load: bundle it the same way and check that it extracts what the sources do,
 * for every input format (PDF and DOCX load their readers lazily, from outside the bundle).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { MessageChannel } from 'node:worker_threads'
import { build } from 'esbuild'
import { valueSymbol } from 'piscina'
import { afterAll, describe, expect, it } from 'vitest'
import { WORKER_BUNDLE } from '../scripts/bundle.js'
import type { ExtractTask, TaskResult } from '../src/cli/extract-worker.js'
import { extract } from '../src/pipeline.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
// Inside node_modules, so the bundle finds the packages it leaves out, as dist/ does.
const OUT = join(ROOT, 'node_modules', '.cache', `kh-bundle-test-${process.pid}`)
const INPUTS = [
  join('corpus', '000_9dd6dbdf273703a0.txt'),
  join('corpus', '003_e34268d9a63c9a71.txt'),
  join('tests', 'fixtures', 'ingest', '000.chromium.pdf'),
  join('tests', 'fixtures', 'ingest', '003.docx'),
]

afterAll(() => rmSync(OUT, { recursive: true, force: true }))

type Task = (task: ExtractTask) => Promise<unknown>

async function bundled(): Promise<Task> {
  mkdirSync(OUT, { recursive: true })
  const outfile = join(OUT, 'extract-worker.bundle.js')
  await build({ ...WORKER_BUNDLE, outfile })
  return ((await import(pathToFileURL(outfile).href)) as { default: Task }).default
}

// What piscina sends back: the value of a result that moves its buffers, or the result itself.
function sent(result: unknown): TaskResult {
  return ((result as Record<symbol, unknown>)[valueSymbol] ?? result) as TaskResult
}

describe('the bundled extraction thread', { timeout: 60_000 }, () => {
  const task = bundled()

  it.each(INPUTS)('extracts %s as the sources do', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, file)))
    const expected = JSON.stringify(await extract(bytes, { path: file }))
    const { port2 } = new MessageChannel()
    const result = sent(await (await task)({ file, format: undefined, bytes, pretty: false, started: port2 }))
    expect(result.ok, JSON.stringify(result)).toBe(true)
    if (result.ok) expect(Buffer.from(result.json).toString('utf8')).toBe(expected)
  })

  it('reports a file it cannot read as data, not by throwing', async () => {
    const { port2 } = new MessageChannel()
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'ingest', 'encrypted.pdf')))
    const result = sent(
      await (await task)({ file: 'x.pdf', format: undefined, bytes, pretty: false, started: port2 }),
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/encrypted/)
  })
})
