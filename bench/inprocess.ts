/**
 * In-process timings: kh's `extract` against the bare parsers it competes with,
 * document by document on the same bytes, alternating which goes first so neither
 * always runs on a warmer cache or right after the other's garbage.
 */
import { readFileSync } from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { extract } from '../src/index.js'
import type { BenchDoc } from './generate.js'
import { peakRssMb, retainedHeapMb, type Stats, summarize, timed } from './stats.js'

export interface Pair {
  kh: Stats
  baseline: Stats
  baselineName: string
  /** Total kh time over total baseline time. */
  ratio: number
  /** A second yardstick, for reading the ratio: remark-parse with remark-gfm, which kh's Markdown reader uses. */
  also?: { name: string; stats: Stats; ratio: number }
}

export interface MemorySample {
  docs: number
  peakRssMb: number
  /** Heap in use after a full collection: what the run retains. */
  retainedHeapMb: number
}

type Work = (bytes: Uint8Array, doc: BenchDoc) => Promise<unknown>

const remark = unified().use(remarkParse)
const remarkWithGfm = unified().use(remarkParse).use(remarkGfm)
const decoder = new TextDecoder()

const khExtract: Work = (bytes, doc) => extract(bytes, { path: doc.file })
const bareRemark: Work = async (bytes) => remark.parse(decoder.decode(bytes))
// GFM's syntax extensions (tables, autolinks) run inside micromark, so `parse` alone includes them.
const bareRemarkGfm: Work = async (bytes) => remarkWithGfm.parse(decoder.decode(bytes))
const barePdfParse: Work = async (bytes) => {
  // Imported on first use: pdf.js's bundled core-js replaces Array.prototype.push (and more) process-wide,
  // which slows every parser that runs after it; the Markdown and text baselines must not pay for it.
  const { PDFParse } = await import('pdf-parse')
  const parser = new PDFParse({ data: bytes })
  try {
    return await parser.getText()
  } finally {
    await parser.destroy()
  }
}

interface Sample {
  doc: BenchDoc
  bytes: number
  kh: number
  baseline: number
  also: number
}

/** kh and a baseline (and maybe a second one) over the same documents; `onProgress` after each one. */
async function race(
  docs: readonly BenchDoc[],
  warmup: number,
  kh: Work,
  baseline: Work,
  also: Work | null,
  onProgress: (done: number) => void = () => {},
): Promise<Sample[]> {
  // pdf.js takes ownership of the bytes it is given (and detaches them): every run gets its own copy.
  const load = (doc: BenchDoc) => new Uint8Array(readFileSync(doc.file))
  for (const doc of docs.slice(0, warmup)) {
    await kh(load(doc), doc)
    await baseline(load(doc), doc)
    if (also) await also(load(doc), doc)
  }
  const samples: Sample[] = []
  for (const [i, doc] of docs.slice(warmup).entries()) {
    const sample = { doc, bytes: doc.bytes, kh: 0, baseline: 0, also: 0 }
    const runs: [keyof Pick<Sample, 'kh' | 'baseline' | 'also'>, Work][] = [
      ['kh', kh],
      ['baseline', baseline],
      ...(also ? [['also', also] as [keyof Pick<Sample, 'also'>, Work]] : []),
    ]
    // Rotate who goes first, so none always runs on a warmer cache or right after another's garbage.
    for (let k = 0; k < runs.length; k++) {
      const [key, work] = runs[(i + k) % runs.length] as [
        keyof Pick<Sample, 'kh' | 'baseline' | 'also'>,
        Work,
      ]
      const bytes = load(doc)
      sample[key] = await timed(() => work(bytes, doc))
    }
    samples.push(sample)
    onProgress(i + 1)
  }
  return samples
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
  memory: MemorySample[]
}

/** Markdown and text documents, mixed as they come, against bare remark-parse; peak memory sampled along the way. */
export async function raceRemark(docs: readonly BenchDoc[], warmup: number): Promise<RemarkRace> {
  const memory: MemorySample[] = []
  const every = Math.max(1, Math.floor((docs.length - warmup) / 10))
  const samples = await race(docs, warmup, khExtract, bareRemark, bareRemarkGfm, (done) => {
    if (done % every === 0) {
      memory.push({ docs: done, peakRssMb: peakRssMb(), retainedHeapMb: retainedHeapMb() })
    }
  })
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
    memory,
  }
}

/** PDFs against bare pdf-parse text extraction. */
export async function racePdf(docs: readonly BenchDoc[], warmup: number): Promise<Pair> {
  return pair(await race(docs, warmup, khExtract, barePdfParse, null), 'pdf-parse')
}

/** Bare remark-parse of files in this process, reading included: the CLI's yardstick. */
export async function remarkFiles(files: readonly string[]): Promise<number> {
  return timed(() => {
    for (const file of files) remark.parse(readFileSync(file, 'utf8'))
  })
}
