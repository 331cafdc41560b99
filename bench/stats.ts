/** Timing and summaries for the benchmark: nanosecond clock, percentiles, rates. */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export interface Stats {
  docs: number
  bytes: number
  /** Per-document times, milliseconds. */
  p50: number
  p95: number
  mean: number
  totalMs: number
  docsPerSec: number
  mbPerSec: number
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Time one call, in milliseconds. */
export async function timed(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return since(start)
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number
}

/** The median of some numbers (the mean of the middle two of an even count), or null of none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** p50, p95, throughput and MB/s of per-document times. */
export function summarize(samplesMs: readonly number[], bytes: number): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  const totalMs = sorted.reduce((sum, t) => sum + t, 0)
  return {
    docs: sorted.length,
    bytes,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: totalMs / Math.max(1, sorted.length),
    totalMs,
    docsPerSec: (sorted.length * 1000) / totalMs,
    mbPerSec: bytes / 1e6 / (totalMs / 1000),
  }
}

/** Peak resident set size of this process so far, MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024
}

// `global.gc` without starting node with --expose-gc: the flag can be set at run time.
setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

/** Heap still in use after a full garbage collection, MB: what the process keeps, not what it has yet to free. */
export function retainedHeapMb(): number {
  collect()
  return process.memoryUsage().heapUsed / 2 ** 20
}
