/** `kh check` as a library: run every rule over a plan, give each finding its severity and column, and sort. */
import type { Plan } from '../../schemas/plan.js'
import { type Finding, RULES } from './rules.js'
import { severityOf } from './severities.js'

export { type Finding, RULES, type Rule } from './rules.js'
export { CHECK_CODES, type CheckCode, type Severity, severityOf } from './severities.js'

/** A finding placed and weighed, as a compiler reports it. */
export interface Diagnostic {
  /** 1-based; 1 for a finding about the file as a whole. */
  line: number
  /** 1-based, in characters; 1 when unknown. */
  column: number
  severity: 'error' | 'warning'
  message: string
  code: string
}

/** How to check. */
export interface CheckOptions {
  /** The plan is about to be issued: a blank number or date is an error. */
  final?: boolean
  /** The lines of the text the parser saw, to find columns; without them every column is 1. */
  lines?: readonly string[]
}

/** Every finding of every rule, with its severity (findings turned `off` left out), sorted by line and column. */
export function checkPlan(plan: Plan, options: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const rule of RULES) {
    for (const finding of rule(plan)) {
      const severity = severityOf(finding.code, options.final === true)
      if (severity === 'off') continue
      const { line, column } = place(finding, options.lines ?? [])
      out.push({ line, column, severity, message: finding.message, code: finding.code })
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** The line and column of a finding's words: the first line of its span that holds them, else its own line. */
export function place(finding: Finding, lines: readonly string[]): { line: number; column: number } {
  const line = finding.line ?? 1
  if (finding.near === undefined || finding.line === null) return { line, column: 1 }
  const re = typeof finding.near === 'string' ? loosely(finding.near) : finding.near
  for (let n = line; n <= (finding.endLine ?? line) && n <= lines.length; n++) {
    const m = re.exec(lines[n - 1] ?? '')
    // Columns count characters, as an editor shows them, not UTF-16 units.
    if (m) return { line: n, column: [...(lines[n - 1] ?? '').slice(0, m.index)].length + 1 }
  }
  return { line, column: 1 }
}

/** Words as a pattern that allows the markup and spacing the extractor removed ("**báo cáo**  kết quả"). */
function loosely(words: string): RegExp {
  const escaped = words
    .trim()
    .split(/\s+/u)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  return new RegExp(escaped.join('[\\s*_]+'), 'iu')
}
