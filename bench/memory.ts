/**
 * kh's memory as plans stream through it, in a process of its own: peak RSS and the heap retained after a
 * full collection, every so many plans. Apart from the timed race (bench/inprocess.ts) because a forced
 * collection shrinks V8's young generation to its least, and the plans after one run slow while it grows
 * back: sampled in the race's kh thread, it cost kh ~0.4x of bare remark-parse that the bare contenders,
 * never sampled, did not pay. Apart from the benchmark's own process, whose RSS the race's threads set.
 *
 *   node --import tsx bench/memory.ts <list.json> <every>    (list.json: an array of file paths)
 *
 * Prints the samples as JSON on stdout.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadKh } from './library.js'
import { peakRssMb, retainedHeapMb } from './stats.js'

export interface MemorySample {
  docs: number
  peakRssMb: number
  /** kh's heap in use after a full collection: what it retains. */
  retainedHeapMb: number
}

/** kh's memory over `files`, extracted one after another in a child process, sampled every `every` plans. */
export function memoryApart(files: readonly string[], every: number, listFile: string): MemorySample[] {
  writeFileSync(listFile, JSON.stringify(files))
  const script = fileURLToPath(import.meta.url)
  const child = spawnSync(process.execPath, [...process.execArgv, script, listFile, String(every)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 2 ** 20,
  })
  if (child.status !== 0) throw new Error(`bench/memory.ts failed (exit ${child.status})`)
  return JSON.parse(child.stdout) as MemorySample[]
}

async function main(): Promise<void> {
  const [listFile, everyArg] = process.argv.slice(2)
  if (!listFile) throw new Error('usage: bench/memory.ts <list.json> <every>')
  const files = JSON.parse(readFileSync(listFile, 'utf8')) as string[]
  const every = Math.max(1, Number(everyArg ?? 100))
  const { extract } = await loadKh()
  const samples: MemorySample[] = []
  for (const [i, file] of files.entries()) {
    await extract(new Uint8Array(readFileSync(file)), { path: file })
    const done = i + 1
    if (done % every === 0 || done === files.length)
      samples.push({ docs: done, peakRssMb: peakRssMb(), retainedHeapMb: retainedHeapMb() })
  }
  process.stdout.write(JSON.stringify(samples))
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
