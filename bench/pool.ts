/**
 * Throughput against the number of jobs: the same documents split over 1..n worker
 * threads, each extracting its share, timed from "go" to the last "done" (worker start-up
 * and warm-up excluded). Extraction is CPU work, so only threads or processes, not more
 * promises in flight, can make it scale with cores. The same pool runs bare remark-parse
 * for a yardstick: how far threads scale a parser on this machine at all.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { YOUNG_GENERATION_MB } from '../src/cli/extract-pool.js'
import { since } from './stats.js'

export interface ScalingPoint {
  jobs: number
  docs: number
  wallMs: number
  docsPerSec: number
  mbPerSec: number
}

/** What each thread runs over a file: kh's whole extraction, or bare remark-parse. */
export type PoolParser = 'kh' | 'remark-parse'

export interface WorkerData {
  parser: PoolParser
  warm: string[]
  files: string[]
  /** Index of the next file to take, shared by all workers, so none sits idle while another has a queue. */
  next: Int32Array
}

type Message = { type: 'ready' } | { type: 'done'; docs: number; bytes: number }

// Workers do not inherit tsx's loader: register it before importing the TypeScript worker.
const TSX_API = import.meta.resolve('tsx/esm/api')

/** A worker thread running a TypeScript module of the benchmark. */
export function tsWorker(module: URL, options: WorkerOptions = {}): Worker {
  const boot = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(boot, { ...options, eval: true })
}

interface Running {
  worker: Worker
  ready: Promise<void>
  done: Promise<{ docs: number; bytes: number }>
}

function start(data: WorkerData): Running {
  // The heap `kh extract` gives its threads, so this measures the threads users get.
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
  const worker = tsWorker(new URL('./pool-worker.ts', import.meta.url), { workerData: data, resourceLimits })
  let onReady: () => void = () => {}
  let onDone: (r: { docs: number; bytes: number }) => void = () => {}
  let onError: (e: Error) => void = () => {}
  const failed = new Promise<never>((_, reject) => {
    onError = reject
  })
  // Keep a worker's crash from being an unhandled rejection when nobody awaits yet.
  failed.catch(() => {})
  worker.on('error', (error) => onError(error))
  worker.on('message', (m: Message) => (m.type === 'ready' ? onReady() : onDone(m)))
  const ready = Promise.race([new Promise<void>((r) => (onReady = r)), failed])
  const done = Promise.race([new Promise<{ docs: number; bytes: number }>((r) => (onDone = r)), failed])
  return { worker, ready, done }
}

/** Extract (or parse) `files` with `jobs` worker threads; `warm` files are done first by each, untimed. */
export async function runPool(
  files: readonly string[],
  warm: readonly string[],
  jobs: number,
  parser: PoolParser = 'kh',
): Promise<ScalingPoint> {
  const next = new Int32Array(new SharedArrayBuffer(4))
  const running = Array.from({ length: jobs }, () =>
    start({ parser, warm: [...warm], files: [...files], next }),
  )
  try {
    await Promise.all(running.map((r) => r.ready))
    const begin = process.hrtime.bigint()
    for (const r of running) r.worker.postMessage('go')
    const results = await Promise.all(running.map((r) => r.done))
    const wallMs = since(begin)
    const docs = results.reduce((n, r) => n + r.docs, 0)
    const bytes = results.reduce((n, r) => n + r.bytes, 0)
    return { jobs, docs, wallMs, docsPerSec: (docs * 1000) / wallMs, mbPerSec: bytes / 1e6 / (wallMs / 1000) }
  } finally {
    await Promise.all(running.map((r) => r.worker.terminate()))
  }
}
