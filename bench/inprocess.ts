/**
 * In-process timings: kh's `extract` against the bare parsers it competes with, on the same bytes.
 * Each contender runs in a thread of its own, so in a V8 heap of its own: in one shared heap, the
 * garbage remark-parse (and remark-gfm) leave behind, promoted to the old generation, is collected
 * during kh's turns, and kh's during theirs. They take turns a batch of documents at a time, the order
 * rotating, so none always goes first and load on the machine falls on all alike.
 */
import { readFileSync } from 'node:fs'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { ContenderName, ContenderReply, ContenderRequest } from './contender-worker.js'
import type { BenchDoc } from './generate.js'
import { tsWorker } from './pool.js'
import { type Stats, summarize, timed } from './stats.js'

export interface Pair {
  kh: Stats
  baseline: Stats
  baselineName: string
  /** Total kh time over total baseline time. */
  ratio: number
  /** A second yardstick, for reading the ratio: remark-parse with remark-gfm, which kh's Markdown reader uses. */
  also?: { name: string; stats: Stats; ratio: number }
}

const remark = unified().use(remarkParse)

interface Sample {
  doc: BenchDoc
  bytes: number
  kh: number
  baseline: number
  also: number
}

type Key = keyof Pick<Sample, 'kh' | 'baseline' | 'also'>

// Documents a contender runs before the next one's turn.
const BATCH = 25

/** A contender's thread: ask it something, get its one answer. */
interface Contender {
  ask(request: ContenderRequest): Promise<ContenderReply>
  stop(): Promise<number>
}

function contender(name: ContenderName): Contender {
  const worker = tsWorker(new URL('./contender-worker.ts', import.meta.url), { workerData: { name } })
  let failure: Error | null = null
  worker.on('error', (error) => {
    failure = error
  })
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure)
        const onError = (error: Error) => {
          worker.off('message', onMessage)
          reject(error)
        }
        const onMessage = (reply: ContenderReply) => {
          worker.off('error', onError)
          resolve(reply)
        }
        worker.once('message', onMessage)
        worker.once('error', onError)
        worker.postMessage(request)
      }),
    stop: () => worker.terminate(),
  }
}

async function timesOf(c: Contender, files: string[]): Promise<number[]> {
  return (await c.ask({ files })).times
}

/**
 * kh and a baseline (and maybe a second one) over the same documents. Nothing else is asked of a contender
 * between its batches: kh's memory is measured apart (bench/memory.ts).
 */
async function race(
  docs: readonly BenchDoc[],
  warmup: number,
  names: { baseline: ContenderName; also: ContenderName | null },
  khWarm: readonly BenchDoc[] = [],
): Promise<Sample[]> {
  const runs: [Key, Contender][] = [
    ['kh', contender('kh')],
    ['baseline', contender(names.baseline)],
    ...(names.also ? [['also', contender(names.also)] as [Key, Contender]] : []),
  ]
  try {
    const warm = docs.slice(0, warmup).map((d) => d.file)
    for (const [key, c] of runs)
      await timesOf(c, [...(key === 'kh' ? khWarm.map((d) => d.file) : []), ...warm])
    const measured = docs.slice(warmup)
    const samples: Sample[] = []
    for (let start = 0, round = 0; start < measured.length; start += BATCH, round++) {
      const batch = measured
        .slice(start, start + BATCH)
        .map((doc) => ({ doc, bytes: doc.bytes, kh: 0, baseline: 0, also: 0 }))
      const files = batch.map((s) => s.doc.file)
      for (let k = 0; k < runs.length; k++) {
        const [key, c] = runs[(round + k) % runs.length] as [Key, Contender]
        const times = await timesOf(c, files)
        for (const [i, sample] of batch.entries()) sample[key] = times[i] ?? Number.NaN
      }
      samples.push(...batch)
    }
    return samples
  } finally {
    await Promise.all(runs.map(([, c]) => c.stop()))
  }
}

function pair(samples: readonly Sample[], baselineName: string, alsoName: string | null = null): Pair {
  const bytes = samples.reduce((sum, s) => sum + s.bytes, 0)
  const stats = (key: 'kh' | 'baseline' | 'also') =>
    summarize(
      samples.map((s) => s[key]),
      bytes,
    )
  const kh = stats('kh')
  const baseline = stats('baseline')
  const result: Pair = { kh, baseline, baselineName, ratio: kh.totalMs / baseline.totalMs }
  if (alsoName) {
    const also = stats('also')
    result.also = { name: alsoName, stats: also, ratio: kh.totalMs / also.totalMs }
  }
  return result
}

export interface RemarkRace {
  markdown: Pair
  text: Pair
}

/** Markdown and text documents, mixed as they come, against bare remark-parse. */
export async function raceRemark(docs: readonly BenchDoc[], warmup: number): Promise<RemarkRace> {
  const samples = await race(docs, warmup, { baseline: 'remark-parse', also: '+ remark-gfm' })
  return {
    markdown: pair(
      samples.filter((s) => s.doc.format === 'markdown'),
      'remark-parse',
      '+ remark-gfm',
    ),
    text: pair(
      samples.filter((s) => s.doc.format === 'text'),
      'remark-parse',
      '+ remark-gfm',
    ),
  }
}

/**
 * PDFs against bare pdf-parse text extraction. kh's thread also warms up on `plans` (Markdown or text):
 * its stages after reading are many more functions than pdf-parse's, and a few PDFs leave them cold.
 */
export async function racePdf(
  docs: readonly BenchDoc[],
  warmup: number,
  plans: readonly BenchDoc[],
): Promise<Pair> {
  const samples = await race(docs, warmup, { baseline: 'pdf-parse', also: null }, plans)
  return pair(samples, 'pdf-parse')
}

/** Bare remark-parse of files in this process, reading included: the CLI's yardstick. */
export async function remarkFiles(files: readonly string[]): Promise<number> {
  return timed(() => {
    for (const file of files) remark.parse(readFileSync(file, 'utf8'))
  })
}
