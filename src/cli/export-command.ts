/** `kh export`: read the plans `kh extract` wrote, validate them, and write them to SQLite and CSV for other tools. */
import { statSync } from 'node:fs'
import type { Plan } from '../../schemas/plan.js'
import { type LoadedPlan, loadPlans, PLAN_FILE_PATTERNS, type PlanFileError } from '../export/load.js'
import { planKey } from '../export/rows.js'
import { TABLES } from '../export/schema.js'
import type { ExportSummary } from '../export/summary.js'
import { reasonOf, stackOf, UsageError } from './errors.js'
import { plural } from './plural.js'

/** The options of `kh export`, as commander parses them. */
export interface ExportCommandOptions {
  /** The SQLite database to write or update. */
  sqlite?: string | undefined
  /** The folder to write one CSV file per table into. */
  csv?: string | undefined
  debug?: boolean | undefined
}

type Exporter = (plans: AsyncIterable<Plan>, target: string) => Promise<ExportSummary>

interface Target {
  label: string
  path: string
  kind: 'file' | 'folder'
  /** Whether plans exported before stay and are replaced one by one (SQLite), or the whole output is (CSV). */
  keepsOthers: boolean
  load: () => Promise<Exporter>
}

// Loaded on use, so `--csv` alone never loads the native SQLite module.
const TARGETS = {
  sqlite: {
    label: 'SQLite',
    kind: 'file',
    keepsOthers: true,
    load: async (): Promise<Exporter> => (await import('../export/sqlite.js')).exportSqlite,
  },
  csv: {
    label: 'CSV',
    kind: 'folder',
    keepsOthers: false,
    load: async (): Promise<Exporter> => (await import('../export/csv.js')).exportCsv,
  },
} as const

const FOUND = PLAN_FILE_PATTERNS.map((p) => p.replace('**/*', '')).join(', ')

/** Run `kh export` and return the exit code: 0 when every plan was exported, 1 when a file or an output failed. */
export async function runExport(paths: readonly string[], options: ExportCommandOptions): Promise<number> {
  const started = performance.now()
  const targets = targetsOf(options)
  const report = (line: string) => process.stderr.write(`${line}\n`)
  const run = { failed: 0, duplicates: 0, plans: 0 }
  const empty: string[] = []
  const loaded = loadPlans([...paths], {
    onError: (_, error) => {
      run.failed++
      report(fileErrorLine(error, options.debug === true))
    },
    onEmptyFolder: (folder) => empty.push(folder),
  })
  const plans = firstOfEachKey(loaded, run, report)
  const notes = () => {
    for (const folder of empty) report(`${folder}  note  no ${FOUND} files in this folder`)
  }
  // Nothing is opened before the first plan: a run that reads no plan leaves the outputs as they were.
  const first = await plans.next()
  if (first.done) {
    notes()
    if (run.failed === 0) throw new UsageError(`nothing to export: no plan in ${paths.join(', ')}`)
    report(`no plan to export: ${targets.map((t) => t.path).join(' and ')} left unchanged`)
    return 1
  }
  const streams = tee(prepend(first.value, plans), targets.length)
  const results = await Promise.allSettled(streams.map((s, i) => exportTo(targets[i] as Target, s)))
  for (const r of results)
    if (r.status === 'rejected') report(targetErrorLine(r.reason, options.debug === true))
  notes()
  report(summaryLine(run, targets, results, started))
  return run.failed === 0 && results.every((r) => r.status === 'fulfilled') ? 0 : 1
}

function targetsOf(options: ExportCommandOptions): Target[] {
  const targets = (['sqlite', 'csv'] as const).flatMap((name) => {
    const path = options[name]
    if (path === undefined) return []
    const { label, kind, keepsOthers, load } = TARGETS[name]
    checkTarget(name, path, kind)
    return [{ label, path, kind, keepsOthers, load }]
  })
  if (targets.length === 0) throw new UsageError('say where to export: --sqlite FILE, --csv DIR, or both')
  return targets
}

// Said before anything is read: the exporters' own errors for these are system messages.
function checkTarget(name: string, path: string, kind: 'file' | 'folder'): void {
  const info = statSync(path, { throwIfNoEntry: false })
  if (info === undefined || info.isDirectory() === (kind === 'folder')) return
  const is = kind === 'file' ? 'a folder' : 'a file'
  throw new UsageError(`--${name} takes a ${kind}, and \`${path}\` is ${is}`)
}

async function exportTo(target: Target, plans: AsyncIterableIterator<Plan>): Promise<ExportSummary> {
  try {
    return await (await target.load())(plans, target.path)
  } finally {
    // A target that failed stops reading, so the plans still coming are no longer kept for it.
    await plans.return?.()
  }
}

/**
 * The first plan of each key (source path, or content hash); a later one is named on stderr and left out,
 * so both outputs hold the same plans and the user learns which file lost.
 */
async function* firstOfEachKey(
  loaded: AsyncIterable<LoadedPlan>,
  run: { duplicates: number; plans: number },
  report: (line: string) => void,
): AsyncGenerator<Plan> {
  const firstFile = new Map<string, string>()
  for await (const { file, plan } of loaded) {
    const key = planKey(plan)
    const earlier = firstFile.get(key)
    if (earlier !== undefined) {
      run.duplicates++
      report(`${file}  warning  the same document as \`${earlier}\` (${key}); left out  duplicate-plan`)
      continue
    }
    firstFile.set(key, file)
    run.plans++
    yield plan
  }
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield first
  yield* rest
}

/**
 * `count` iterators over one source, which is read once: every plan file is parsed and validated
 * once however many outputs there are. An iterator whose consumer stops no longer keeps values.
 */
function tee<T>(source: AsyncIterator<T>, count: number): AsyncIterableIterator<T>[] {
  const queues: (T[] | null)[] = Array.from({ length: count }, () => [])
  let pulling: Promise<void> | null = null
  let done = false
  const pull = () => {
    pulling ??= source.next().then((result) => {
      pulling = null
      if (result.done) done = true
      else for (const queue of queues) queue?.push(result.value)
    })
    return pulling
  }
  const finished = { done: true, value: undefined } as const
  return queues.map((_, i) => {
    const iterator: AsyncIterableIterator<T> = {
      async next() {
        for (;;) {
          const queue = queues[i]
          if (!queue) return finished
          if (queue.length > 0) return { done: false, value: queue.shift() as T }
          if (done) return finished
          await pull()
        }
      },
      async return() {
        queues[i] = null
        if (queues.every((q) => q === null)) await source.return?.()
        return finished
      },
      [Symbol.asyncIterator]: () => iterator,
    }
    return iterator
  })
}

/** `file  error  reason`, the way `kh extract` prints a failure. */
function fileErrorLine(error: PlanFileError, debug: boolean): string {
  const line = `${error.file}  error  ${error.reason}`
  return debug && error.cause !== undefined ? `${line}\n${stackOf(error.cause)}` : line
}

function targetErrorLine(error: unknown, debug: boolean): string {
  const line = `kh: ${reasonOf(error)}`
  return debug ? `${line}\n${stackOf(error)}` : line
}

function summaryLine(
  run: { failed: number; duplicates: number; plans: number },
  targets: Target[],
  results: PromiseSettledResult<ExportSummary>[],
  started: number,
): string {
  const all = results.every((r) => r.status === 'fulfilled')
  const counts = [
    `${plural(run.plans, 'plan')} ${all ? 'exported' : 'read'}`,
    `${plural(run.failed, 'file')} failed`,
    ...(run.duplicates > 0 ? [`${plural(run.duplicates, 'duplicate')} left out`] : []),
  ]
  const done = results.find((r) => r.status === 'fulfilled')?.value
  const rows = done ? `; rows: ${TABLES.map((t) => `${t.name} ${done.rows[t.name]}`).join(', ')}` : ''
  const where = targets.map((t, i) => {
    const result = results[i]
    // A folder is shown as one, the way `kh extract` says `JSON in out/`.
    const where = t.kind === 'folder' ? `${t.path.replace(/[\\/]+$/, '')}/` : t.path
    if (result?.status !== 'fulfilled') return `${t.label} in ${where} not written`
    const replaced = t.keepsOthers ? ` (${result.value.replaced} replaced)` : ''
    return `${t.label} in ${where}${replaced}`
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  return `${counts.join(', ')}${rows}; ${where.join(', ')}, ${seconds} s`
}
