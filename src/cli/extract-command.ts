/** `kh extract`: discover the inputs, extract them with bounded concurrency, write, and summarize. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import pLimit from 'p-limit'
import type { Warning } from '../../schemas/plan.js'
import { DEFAULT_OUTPUT, discover, INPUT_EXTENSIONS, type Input } from './discover.js'
import { failureLine, reasonOf, UsageError } from './errors.js'
import { createProgress } from './progress.js'
import { writeFileAtomic } from './write.js'

/** The options of `kh extract`, as commander parses them. */
export interface ExtractCommandOptions {
  /** Output folder; without it, `out` (or no files at all with `ndjson`). */
  output?: string | undefined
  jobs: number
  ndjson?: boolean | undefined
  pretty?: boolean | undefined
  verbose?: boolean | undefined
  debug?: boolean | undefined
}

type ExtractFile = typeof import('../pipeline.js').extractFile

interface Outcome {
  input: Input
  /** The plan as one line, kept only for `--ndjson`. */
  line: string | null
  warnings: Warning[]
  error?: unknown
}

/** Run `kh extract` and return the exit code: 0 when every file succeeded, 1 when any failed. */
export async function runExtract(paths: readonly string[], options: ExtractCommandOptions): Promise<number> {
  const started = performance.now()
  const { inputs, rejected, empty } = await discover(paths)
  if (inputs.length === 0 && rejected.length === 0) {
    throw new UsageError(`nothing to extract: no ${INPUT_EXTENSIONS.join(' ')} files in ${empty.join(', ')}`)
  }
  const outDir = options.output ?? (options.ndjson ? null : DEFAULT_OUTPUT)
  if (outDir !== null) await prepareOutputDir(outDir)
  const outcomes = await extractAll(inputs, outDir, options)
  const lines = [
    ...rejected.map((r) => failureLine(r.file, r.error, options.debug === true)),
    ...outcomes.flatMap((o) => outcomeLines(o, options)),
    ...empty.map((folder) => `${folder}  note  no ${INPUT_EXTENSIONS.join(' ')} files in this folder`),
  ]
  const failed = rejected.length + outcomes.filter((o) => o.error !== undefined).length
  lines.push(summary(inputs.length + rejected.length, failed, outcomes, { outDir, options, started }))
  process.stderr.write(`${lines.join('\n')}\n`)
  return failed === 0 ? 0 : 1
}

async function prepareOutputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true })
  } catch (error) {
    throw new UsageError(`cannot write to \`${dir}\`: ${reasonOf(error)}`)
  }
}

// Plans are CPU-bound, but PDF parsing and file writes wait on I/O: a bounded pool keeps both busy.
async function extractAll(
  inputs: Input[],
  outDir: string | null,
  options: ExtractCommandOptions,
): Promise<Outcome[]> {
  if (inputs.length === 0) return []
  // Loaded only once there is something to extract: the parsers are most of the start-up time.
  const { extractFile } = await import('../pipeline.js')
  const progress = createProgress(inputs.length, showProgress(options))
  const emit = inOrder((line) => process.stdout.write(`${line}\n`))
  const outcomes = await pLimit(options.jobs).map(inputs, async (input, index) => {
    const outcome = await extractOne(extractFile, input, outDir, options)
    progress.tick(input.file, outcome.error === undefined)
    emit(index, outcome.line)
    return outcome
  })
  progress.stop()
  return outcomes
}

/** Never throws: whatever goes wrong with one document becomes its outcome, and the batch goes on. */
async function extractOne(
  extractFile: ExtractFile,
  input: Input,
  outDir: string | null,
  options: ExtractCommandOptions,
): Promise<Outcome> {
  try {
    const plan = await extractFile(input.file, { format: input.format })
    const line = JSON.stringify(plan)
    if (outDir !== null) {
      const text = options.pretty ? JSON.stringify(plan, null, 2) : line
      await writeFileAtomic(join(outDir, `${input.name}.json`), `${text}\n`)
    }
    return { input, line: options.ndjson ? line : null, warnings: plan.warnings }
  } catch (error) {
    return { input, line: null, warnings: [], error }
  }
}

// NDJSON lines leave in input order, each as soon as the ones before it are done, so runs are reproducible.
function inOrder(write: (line: string) => void): (index: number, line: string | null) => void {
  const done = new Map<number, string | null>()
  let next = 0
  return (index, line) => {
    done.set(index, line)
    for (; done.has(next); next++) {
      const ready = done.get(next)
      done.delete(next)
      if (ready) write(ready)
    }
  }
}

// A bar only for a person watching stderr, and not when NDJSON lines scroll through the same terminal.
function showProgress(options: ExtractCommandOptions): boolean {
  return process.stderr.isTTY === true && !(options.ndjson && process.stdout.isTTY)
}

function outcomeLines({ input, error, warnings }: Outcome, options: ExtractCommandOptions): string[] {
  if (error !== undefined) return [failureLine(input.file, error, options.debug === true)]
  return options.verbose ? warnings.map((w) => warningLine(input.file, w)) : []
}

/** `file:line  warning  message  code`, the way vfile-reporter prints a message. */
export function warningLine(file: string, warning: Warning): string {
  const place = warning.line === null ? file : `${file}:${warning.line}`
  return `${place}  warning  ${warning.message}  ${warning.code}`
}

interface SummaryContext {
  outDir: string | null
  options: ExtractCommandOptions
  started: number
}

function summary(files: number, failed: number, outcomes: Outcome[], context: SummaryContext): string {
  const warnings = outcomes.reduce((sum, o) => sum + o.warnings.length, 0)
  const seconds = ((performance.now() - context.started) / 1000).toFixed(2)
  const hint = warnings > 0 && !context.options.verbose ? ' (--verbose lists them)' : ''
  const where = context.outDir === null ? '' : `, JSON in ${context.outDir.replace(/[\\/]+$/, '')}/`
  return `${plural(files, 'file')}: ${files - failed} succeeded, ${failed} failed, ${plural(warnings, 'warning')}${hint}, ${seconds} s${where}`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
