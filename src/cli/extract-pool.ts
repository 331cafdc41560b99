/**
 * Worker threads for `kh extract -j N`: extraction is CPU work, so only threads can spread it
 * over cores, and a thread, unlike a promise, can be stopped when a document takes too long.
 *
 * Threads start on demand, up to N (one file, one thread; every file cached, none), and stay
 * until `close`. A file over its time limit has its thread terminated; the next file gets a new one.
 */
import { extname } from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import type { ErrorData, ExtractTask, TaskResult } from './extract-worker.js'

/**
 * The worker module beside this one: the `.ts` source when run from the sources (tsx); once built, the
 * bundle of it and everything it imports (scripts/bundle.ts), which a thread loads in half the time.
 */
const WORKER = new URL(
  extname(new URL(import.meta.url).pathname) === '.ts' ? './extract-worker.ts' : './extract-worker.bundle.js',
  import.meta.url,
)

/** Young generation of each extraction thread, in MB (V8's default on 64-bit is 48: two 16 MB semi-spaces and a third for new large objects). */
export const YOUNG_GENERATION_MB = 96

/** Why a running document was stopped: it is reported as that file's failure. */
export class TimeoutError extends Error {
  override name = 'TimeoutError'
}

/** A pool of extraction threads. */
export interface ExtractPool {
  /** Extract one file; never rejects: a timeout or a crashed thread is a failed result. */
  run(task: Omit<ExtractTask, 'started'>): Promise<TaskResult>
  /** Stop every thread. */
  close(): Promise<void>
}

/** Up to `threads` threads, each file allowed `timeoutMs` of running time. */
export function createExtractPool(threads: number, timeoutMs: number): ExtractPool {
  const pool = new Piscina<ExtractTask, TaskResult>({
    filename: WORKER.href,
    // As many as maxThreads, so piscina keeps that many alive and replaces a stopped one: with 0,
    // files queued behind a timed-out file were never started (two slow files at -j 1 hung the batch).
    minThreads: threads,
    maxThreads: threads,
    // A thread between two files is waiting for the next one to be read, not idle.
    idleTimeout: Number.POSITIVE_INFINITY,
    // A young generation twice V8's default: parsing makes many short-lived objects, and with the default
    // they outlive a scavenge and are copied to the old generation (Markdown plans about a third slower).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  })
  return {
    run: (task) => runLimited(pool, task, timeoutMs),
    close: () => pool.destroy(),
  }
}

async function runLimited(
  pool: Piscina<ExtractTask, TaskResult>,
  task: Omit<ExtractTask, 'started'>,
  timeoutMs: number,
): Promise<TaskResult> {
  const { port1, port2 } = new MessageChannel()
  const abort = new AbortController()
  let timer: NodeJS.Timeout | undefined
  // The clock starts when a thread takes the file: waiting for a free thread does not count.
  port1.once('message', () => {
    timer = setTimeout(() => abort.abort(), timeoutMs)
  })
  try {
    return await pool.run(
      { ...task, started: port2 },
      { transferList: [port2, ...transferable(task.bytes)], signal: abort.signal },
    )
  } catch (error) {
    if (abort.signal.aborted)
      return failed(new TimeoutError(`took longer than ${seconds(timeoutMs)} s (the --timeout limit)`))
    return failed(threadError(error))
  } finally {
    clearTimeout(timer)
    port1.close()
  }
}

/** The buffer to move with `bytes`, if it has one of its own: moving is free, and a small Buffer shares a pool, which cannot move. */
export function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : []
}

// A thread that died (out of memory, a native crash) takes only its file with it.
function threadError(error: unknown): Error {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new Error('ran out of memory while extracting; its worker was stopped')
  return error instanceof Error ? error : new Error(String(error))
}

function failed(error: Error): TaskResult {
  const data: ErrorData = { name: error.name, message: error.message, stack: error.stack, code: undefined }
  return { ok: false, error: data }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10)
}
