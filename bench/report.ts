/** The benchmark's verdicts and the table it prints. */
import type { Pair } from './inprocess.js'
import type { Stats } from './stats.js'

export interface Target {
  name: string
  value: number | null
  limit: number
  /** "max": value must not exceed limit; "min": value must reach it. */
  kind: 'max' | 'min'
  unit: string
  pass: boolean | null
  note?: string
}

/** A target judged from a measured value (null when it could not be measured). */
export function target(
  name: string,
  value: number | null,
  kind: Target['kind'],
  limit: number,
  unit = 'x',
  note?: string,
): Target {
  const pass = value === null || Number.isNaN(value) ? null : kind === 'max' ? value <= limit : value >= limit
  return { name, value, limit, kind, unit, pass, ...(note ? { note } : {}) }
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-')

function statsRow(label: string, name: string, s: Stats): string {
  return [
    label.padEnd(10),
    name.padEnd(14),
    fixed(s.p50, 2).padStart(8),
    fixed(s.p95, 2).padStart(8),
    fixed(s.docsPerSec).padStart(8),
    fixed(s.mbPerSec, 2).padStart(8),
    String(s.docs).padStart(6),
  ].join(' ')
}

function ratioRow(name: string, kh: Stats, base: Stats, total: number): string {
  return `${''.padEnd(10)} ${name.padEnd(14)} ${fixed(kh.p50 / base.p50, 2).padStart(8)} ${fixed(kh.p95 / base.p95, 2).padStart(8)} ${fixed(total, 2).padStart(8)}x total`
}

/** The per-format table: kh against its baseline. */
export function pairTable(rows: [string, Pair | null][]): string {
  const head = `${'format'.padEnd(10)} ${'parser'.padEnd(14)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'docs/s'.padStart(8)} ${'MB/s'.padStart(8)} ${'docs'.padStart(6)}`
  const lines = [head, '-'.repeat(head.length)]
  for (const [label, pair] of rows) {
    if (!pair) {
      lines.push(`${label.padEnd(10)} (not measured)`)
      continue
    }
    lines.push(statsRow(label, 'kh extract', pair.kh), statsRow('', pair.baselineName, pair.baseline))
    lines.push(ratioRow('ratio', pair.kh, pair.baseline, pair.ratio))
    if (pair.also) {
      lines.push(statsRow('', pair.also.name, pair.also.stats))
      lines.push(ratioRow('ratio to it', pair.kh, pair.also.stats, pair.also.ratio))
    }
  }
  return lines.join('\n')
}

/** The targets with PASS / FAIL. */
export function targetTable(targets: readonly Target[]): string {
  return targets
    .map((t) => {
      const verdict = t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'
      const value = t.value === null ? '-' : `${fixed(t.value, 2)}${t.unit}`
      const limit = `${t.kind === 'max' ? '≤' : '≥'} ${t.limit}${t.unit}`
      return `  ${verdict}  ${t.name.padEnd(58)} ${value.padStart(10)}  (${limit})${t.note ? `  ${t.note}` : ''}`
    })
    .join('\n')
}
