/** `kh diff <child> <parent>`: load or extract both plans, compare, and print or write the report. */
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { PlanDiff } from '../../schemas/diff.js'
import type { Plan } from '../../schemas/plan.js'
import { reasonOf } from '../cli/errors.js'
import { writeFileAtomic } from '../cli/write.js'
import { extractFile } from '../pipeline.js'
import { validatePlan } from '../validate.js'
import { diffPlans } from './compare.js'
import { renderHtml } from './report-html.js'
import { renderText } from './report-text.js'

/** Report formats of `kh diff`. */
export const DIFF_FORMATS = ['text', 'json', 'html'] as const
export type DiffFormat = (typeof DIFF_FORMATS)[number]

/** Options of `kh diff`, as commander parses them. */
export interface DiffCommandOptions {
  format: DiffFormat
  /** Write the report here instead of stdout. */
  output?: string | undefined
}

const EXIT_FAILED = 1
const EXIT_USAGE = 2

/** Run `kh diff` and return the exit code: 0 done, 1 an input or the output failed, 2 a usage error. */
export async function runDiffCommand(
  childArg: string,
  parentArg: string,
  opts: DiffCommandOptions,
): Promise<number> {
  if (!DIFF_FORMATS.includes(opts.format)) {
    return fail(`unknown format \`${String(opts.format)}\`: use ${DIFF_FORMATS.join(', ')}`, EXIT_USAGE)
  }
  let plans: [Plan, Plan]
  try {
    plans = await Promise.all([loadPlan(childArg), loadPlan(parentArg)])
  } catch (error) {
    return fail(reasonOf(error), EXIT_FAILED)
  }
  const diff = diffPlans(...plans)
  const color = opts.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR
  const report = renderDiff(diff, opts.format, color)
  if (opts.output === undefined) {
    process.stdout.write(report)
    return 0
  }
  try {
    await writeFileAtomic(opts.output, report)
  } catch (error) {
    return fail(`cannot write \`${opts.output}\`: ${reasonOf(error)}`, EXIT_FAILED)
  }
  return 0
}

/** A diff in one of the report formats. */
export function renderDiff(diff: PlanDiff, format: DiffFormat, color = false): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`
  if (format === 'html') return renderHtml(diff)
  return renderText(diff, { color })
}

/** A plan from an extracted JSON file (`.json`) or from a source document, extracted now. */
export async function loadPlan(file: string): Promise<Plan> {
  if (extname(file).toLowerCase() !== '.json') {
    return extractFile(file).catch((error: unknown) => {
      throw new Error(`cannot extract \`${file}\`: ${reasonOf(error)}`, { cause: error })
    })
  }
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new Error(`cannot read \`${file}\`: ${reasonOf(error)}`, { cause: error })
  })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new Error(`\`${file}\` is not valid JSON: ${reasonOf(error)}`, { cause: error })
  }
  try {
    return validatePlan(json, file)
  } catch (error) {
    // validatePlan speaks of our own output; here the file came from the user.
    const issue = (error as { issues?: { path: string; message: string }[] }).issues?.[0]
    throw new Error(
      `\`${file}\` is not a kh plan (contract version 1)${issue ? ` at ${issue.path}: ${issue.message}` : ''}`,
      {
        cause: error,
      },
    )
  }
}

function fail(message: string, code: number): number {
  process.stderr.write(`kh diff: ${message}\n`)
  return code
}
