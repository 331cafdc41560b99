/** `kh check <files...>`: extract each plan, run the rules, print the findings and a summary, exit 1 on errors. */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { discover, INPUT_EXTENSIONS, type Input } from '../cli/discover.js'
import { reasonOf, UsageError } from '../cli/errors.js'
import { extractFacts, parseDocument } from '../pipeline.js'
import { validatePlan } from '../validate.js'
import { checkPlan, type Diagnostic } from './index.js'
import { type FileDiagnostic, render, summaryLine } from './report.js'

/** Output formats of `kh check`. */
export const CHECK_FORMATS = ['text', 'json'] as const
export type CheckFormat = (typeof CHECK_FORMATS)[number]

/** Options of `kh check`, as commander parses them. */
export interface CheckCommandOptions {
  format: CheckFormat
  /** The plan is about to be issued: blank number and date are errors. */
  final?: boolean | undefined
  /** List errors only. */
  quiet?: boolean | undefined
}

/** Run `kh check` and return the exit code: 1 when any error was found (or a file could not be read), else 0. */
export async function runCheck(paths: readonly string[], options: CheckCommandOptions): Promise<number> {
  if (!CHECK_FORMATS.includes(options.format)) {
    throw new UsageError(`unknown format \`${String(options.format)}\`: use ${CHECK_FORMATS.join(', ')}`)
  }
  const { inputs, rejected, empty } = await discover(paths)
  if (inputs.length === 0 && rejected.length === 0) {
    throw new UsageError(`nothing to check: no ${INPUT_EXTENSIONS.join(' ')} files in ${empty.join(', ')}`)
  }
  const found: FileDiagnostic[] = rejected.map((r) => ({ file: r.file, ...unreadable(r.error) }))
  for (const input of inputs) {
    const diagnostics = await checkInput(input, options.final === true)
    found.push(...diagnostics.map((d) => ({ file: input.file, ...d })))
  }
  const shown = options.quiet ? found.filter((d) => d.severity === 'error') : found
  process.stdout.write(render(shown, options.format))
  const notes = empty.map(
    (folder) => `${folder}  note  no ${INPUT_EXTENSIONS.join(' ')} files in this folder\n`,
  )
  process.stderr.write(
    `${notes.join('')}${summaryLine(inputs.length + rejected.length, found, options.quiet === true)}\n`,
  )
  return found.some((d) => d.severity === 'error') ? 1 : 0
}

/** The findings of one file; a file that cannot be read or extracted is one error, never a crash of the batch. */
export async function checkInput(
  input: Pick<Input, 'file' | 'format'>,
  final: boolean,
): Promise<Diagnostic[]> {
  let bytes: Buffer
  try {
    bytes = await readFile(input.file)
  } catch (error) {
    return [unreadable(error)]
  }
  try {
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    // Parsed once: the rules read the plan, the columns the text the parser saw.
    const doc = await parseDocument(data, { path: input.file, format: input.format })
    const source = {
      path: input.file,
      format: doc.source.format,
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: data.byteLength,
      pages: doc.source.pages,
    }
    const plan = validatePlan(extractFacts(doc, source), input.file)
    return checkPlan(plan, { final, lines: doc.source.text.split('\n') })
  } catch (error) {
    return [unreadable(error, 'cannot extract')]
  }
}

function unreadable(error: unknown, what = 'cannot read'): Diagnostic {
  return {
    line: 1,
    column: 1,
    severity: 'error',
    message: `${what}: ${reasonOf(error)}`,
    code: 'unreadable-file',
  }
}
