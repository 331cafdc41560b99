/** How `kh check` prints its findings: one line each like a compiler, or JSON, and a summary. */

import { plural } from '../cli/plural.js'
import type { Diagnostic } from './index.js'

/** A diagnostic of one file. */
export interface FileDiagnostic extends Diagnostic {
  file: string
}

/** `file:line:column  severity  message  code`, the way vfile-reporter and compilers print a message. */
export function textLine(d: FileDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`
}

/** The findings as text lines, or as one JSON array of `{ file, line, column, severity, message, code }`. */
export function render(diagnostics: readonly FileDiagnostic[], format: 'text' | 'json'): string {
  if (format === 'json') {
    const rows = diagnostics.map(({ file, line, column, severity, message, code }) => ({
      file,
      line,
      column,
      severity,
      message,
      code,
    }))
    return `${JSON.stringify(rows, null, 2)}\n`
  }
  return diagnostics.map((d) => `${textLine(d)}\n`).join('')
}

/** "2 files: 3 errors, 5 warnings", counting what was found whether or not `--quiet` listed it. */
export function summaryLine(files: number, diagnostics: readonly FileDiagnostic[], quiet: boolean): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.length - errors
  const hidden = quiet && warnings > 0 ? ' (warnings not listed: --quiet)' : ''
  return `${plural(files, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${hidden}`
}
