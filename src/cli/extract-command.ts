/** `kh extract`: discover the inputs, extract them on worker threads (or take them from the cache), write, and summarize. */
import { readFileSync } from 'node:fs'
import { type FileHandle, mkdir, open, readdir, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pLimit from 'p-limit'
import type { Plan, Warning } from '../../schemas/plan.js'
import { type CacheEntry, ExtractCache, sha256Hex } from '../cache.js'
import { DEFAULT_OUTPUT, discover, INPUT_EXTENSIONS, type Input } from './discover.js'
import { failureLine, reasonOf, UsageError } from './errors.js'
import type { ExtractPool } from './extract-pool.js'
import type { ErrorData, Extracted } from './extract-worker.js'
import { plural } from './plural.js'
import { createProgress } from './progress.js'
import { type FileStamp, stampOf, UnchangedFiles } from './unchanged.js'
import { writeFileAtomic } from './write.js'

/** The options of `kh extract`, as commander parses them. */
export interface ExtractCommandOptions {
  /** Output folder; without it, `out` (or no files at all with `ndjson`). */
  output?: string | undefined
  /** Most extraction threads; without it, as many as pay for themselves, up to the number of cores. */
  jobs?: number | undefined
  /** Largest input read, in MB. */
  maxSize: number
  /** Longest time one file may take, in seconds. */
  timeout: number
  /** False with `--no-cache`. */
  cache: boolean
  /** Where cached plans live; default `<output>/.kh-cache`. */
  cacheDir?: string | undefined
  /** Extract every file again (and refresh its cache entry). */
  force?: boolean | undefined
  ndjson?: boolean | undefined
  pretty?: boolean | undefined
  verbose?: boolean | undefined
  debug?: boolean | undefined
}

/** The folder under the output folder that holds the cache when `--cache-dir` is not given. */
export const CACHE_FOLDER = '.kh-cache'

// A thread's start-up (loading the parsers) costs about as much CPU as extracting eight plans on a warm
// thread: with fewer files than that per thread, one does not pay.
const FILES_PER_THREAD = 8

// A new thread also runs its first few hundred plans at half speed while V8 compiles their code, and
// that compiling (and the collector) runs on other cores. With every core extracting, there is none
// to spare for it: measured on 2 cores, 200 plans took 10% longer on two threads than on one, and
// 1,000 plans about as long. Below this many files a core, one core is left to them.
const FILES_PER_CORE_FOR_ALL = 250

const NEWLINE = 0x0a
const LINE_END = Uint8Array.of(NEWLINE)

// Files read ahead of the threads, so a thread that finishes finds the next file ready;
// also how many cached files are read at once. Bounded, so memory does not grow with the batch.
export const READ_AHEAD = 8

interface Outcome {
  input: Input
  /** The plan as one line (UTF-8 bytes when extracted or cached), kept only until it is printed for `--ndjson`. */
  line: Uint8Array | string | null
  /** How many warnings the plan has; the warnings themselves are kept only for `--verbose`. */
  warningCount: number
  warnings: Warning[]
  /** Taken from the cache, not extracted. */
  reused: boolean
  error?: unknown
}

/** The cache of a run, the entries it could not write, and what the last runs read and wrote. */
interface Cache {
  store: ExtractCache
  errors: Error[]
  files: UnchangedFiles
}

/** What every file of a run shares: where things go, the cache, and the threads once one is needed. */
interface Run {
  outDir: string | null
  /** The output folder's files when the run started, in lower case: only those can hold an output to keep. */
  existing: ReadonlySet<string>
  cache: Cache | null
  options: ExtractCommandOptions
  pool: () => Promise<ExtractPool>
}

/** Run `kh extract` and return the exit code: 0 when every file succeeded, 1 when any failed. */
export async function runExtract(
  paths: readonly string[],
  options: ExtractCommandOptions,
  toolVersion: string,
): Promise<number> {
  const started = performance.now()
  const { inputs, rejected, empty } = await discover(paths)
  if (inputs.length === 0 && rejected.length === 0) {
    throw new UsageError(`nothing to extract: no ${INPUT_EXTENSIONS.join(' ')} files in ${empty.join(', ')}`)
  }
  const outDir = options.output ?? (options.ndjson ? null : DEFAULT_OUTPUT)
  const existing = outDir === null ? new Set<string>() : await prepareOutputDir(outDir)
  const cache = options.cache ? openCache(outDir, options, `${toolVersion}+${await codeStamp()}`) : null
  const outcomes = await extractAll(inputs, { outDir, existing, cache, options })
  const lines = [
    ...rejected.map((r) => failureLine(r.file, r.error, options.debug === true)),
    ...outcomes.flatMap((o) => outcomeLines(o, options)),
    ...empty.map((folder) => `${folder}  note  no ${INPUT_EXTENSIONS.join(' ')} files in this folder`),
    ...cacheLines(cache),
  ]
  const failed = rejected.length + outcomes.filter((o) => o.error !== undefined).length
  lines.push(summary(inputs.length + rejected.length, failed, outcomes, { outDir, options, started }))
  process.stderr.write(`${lines.join('\n')}\n`)
  return failed === 0 ? 0 : 1
}

/** Make the output folder, and list what it holds: one listing, where asking for each output would cost a call per file. */
async function prepareOutputDir(dir: string): Promise<Set<string>> {
  try {
    // Absolute: Node 20 spins in a recursive mkdir of a relative path once the working directory is gone.
    await mkdir(resolve(dir), { recursive: true })
    // Lower case: on a file system that ignores case, "Plan.json" is the output "plan.json" too.
    return new Set((await readdir(dir)).map((name) => name.toLowerCase()))
  } catch (error) {
    throw new UsageError(`cannot write to \`${dir}\`: ${reasonOf(error)}`)
  }
}

// A cached plan is only as good as the code that made it: an edited or rebuilt kh starts afresh even
// before its version changes. Names, sizes and times of its modules are enough, and cheap to read.
async function codeStamp(): Promise<string> {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const files = await Promise.all(
    ['src', 'schemas'].map(async (dir) => {
      const names = await readdir(join(root, dir), { recursive: true }).catch(() => [])
      return names.map((name) => join(dir, name))
    }),
  )
  const stamps = await Promise.all(
    files.flat().map(async (file) => {
      const info = await stat(join(root, file))
      return info.isFile() ? `${file}\0${info.size}\0${info.mtimeMs}` : ''
    }),
  )
  return sha256Hex(stamps.sort().join('\n')).slice(0, 12)
}

// NDJSON alone writes nothing to disk unless asked: then there is no cache either.
function openCache(outDir: string | null, options: ExtractCommandOptions, toolVersion: string): Cache | null {
  const dir = options.cacheDir ?? (outDir === null ? null : join(outDir, CACHE_FOLDER))
  if (!options.cache || dir === null) return null
  const errors: Error[] = []
  const store = new ExtractCache(dir, toolVersion, { onError: (e) => errors.push(e) })
  return { store, errors, files: UnchangedFiles.load(dir, toolVersion) }
}

// A cache that cannot be written slows the next run down; it fails no file.
function cacheLines(cache: Cache | null): string[] {
  if (!cache || cache.errors.length === 0) return []
  const reason = reasonOf(cache.errors[0])
  return [`${cache.store.dir}  warning  ${plural(cache.errors.length, 'plan')} not cached: ${reason}`]
}

async function extractAll(inputs: Input[], shared: Omit<Run, 'pool'>): Promise<Outcome[]> {
  if (inputs.length === 0) return []
  const { options } = shared
  const progress = createProgress(inputs.length, showProgress(options))
  const emit = inOrder((line: Uint8Array | string) => {
    process.stdout.write(line)
    process.stdout.write('\n')
  })
  const count = threadCount(inputs.length, options.jobs, availableParallelism())
  const threads = lazyPool(count, options.timeout)
  const run: Run = { ...shared, pool: threads.get }
  try {
    return await pLimit(Math.max(READ_AHEAD, 2 * count)).map(inputs, async (input, index) => {
      const outcome = await extractOne(input, run)
      progress.tick(input.file, outcome.error === undefined)
      emit(index, outcome.line)
      // Printed: a batch of thousands must not hold every plan until its summary.
      return { ...outcome, line: null }
    })
  } finally {
    progress.stop()
    await Promise.all([threads.close(), shared.cache?.files.save()])
  }
}

/**
 * How many extraction threads a batch of `files` gets: never more than one per FILES_PER_THREAD files;
 * `jobs` of them when asked, and otherwise one a core, less one core for a batch too small to pay for them all.
 */
export function threadCount(files: number, jobs: number | undefined, cores: number): number {
  const useful = Math.max(1, Math.ceil(files / FILES_PER_THREAD))
  if (jobs !== undefined) return Math.min(jobs, useful)
  const all = files >= FILES_PER_CORE_FOR_ALL * cores ? cores : cores - 1
  return Math.max(1, Math.min(all, useful))
}

// Loaded and started on the first file the cache does not have: a fully cached run parses nothing.
function lazyPool(threads: number, timeout: number): { get(): Promise<ExtractPool>; close(): Promise<void> } {
  let pool: Promise<ExtractPool> | null = null
  return {
    get: () => {
      pool ??= import('./extract-pool.js').then((m) => m.createExtractPool(threads, timeout * 1000))
      return pool
    },
    close: async () => {
      if (pool) await (await pool).close()
    },
  }
}

/** A plan ready to write: compact JSON (bytes unless the cached plan had to be parsed), indented for `--pretty`. */
interface Ready {
  json: Uint8Array | string
  pretty: Uint8Array | string | null
  warnings: Warning[]
}

/** Never throws: whatever goes wrong with one document becomes its outcome, and the batch goes on. */
async function extractOne(input: Input, run: Run): Promise<Outcome> {
  const { outDir, cache, options } = run
  const outName = `${input.name}.json`
  const outFile = outDir === null ? null : join(outDir, outName)
  const settings = `${input.format ?? ''}${options.pretty ? ' pretty' : ''}`
  try {
    // Nothing to print or list, and the file and its output as the last run left them: nothing to do.
    if (cache && outFile && !options.force && !options.ndjson && !options.verbose) {
      const same = await cache.files.unchanged(input.file, outFile, settings)
      if (same) return { input, line: null, warningCount: same.warnings, warnings: [], reused: true }
    }
    const { bytes, stamp } = await readInput(input.file, options.maxSize)
    // Hashed before the bytes move to a thread: the key is what was read, whatever the parser does.
    const key = cache && { sha: sha256Hex(bytes), variant: input.format ? `format=${input.format}` : '' }
    const cached = key && !options.force ? await cache.store.getEntry(key.sha, key.variant) : null
    let plan: Ready
    if (cached) plan = fromCache(cached, input, options)
    else {
      plan = await extractInPool(input, bytes, run)
      if (key) await cache.store.setEntry(key.sha, { ...plan, path: input.file }, key.variant)
    }
    if (outFile !== null) {
      await writeIfChanged(outFile, plan.pretty ?? plan.json, run.existing.has(outName.toLowerCase()))
      await cache?.files.remember(input.file, stamp, outFile, settings, plan.warnings.length)
    }
    const line = options.ndjson ? plan.json : null
    const warnings = options.verbose ? plan.warnings : []
    return { input, line, warningCount: plan.warnings.length, warnings, reused: cached !== null }
  } catch (error) {
    cache?.files.forget(input.file)
    return { input, line: null, warningCount: 0, warnings: [], reused: false, error }
  }
}

/** The file's bytes, unless it is larger than `--max-size` (checked before reading it), and its stamp before reading. */
async function readInput(
  file: string,
  maxSizeMb: number,
): Promise<{ bytes: Uint8Array; stamp: { input: FileStamp; readAt: number } }> {
  const handle = await open(file)
  try {
    const info = await handle.stat()
    if (info.size > maxSizeMb * 1e6) {
      throw new Error(`file is ${megabytes(info.size)} MB, over the ${maxSizeMb} MB limit (--max-size)`)
    }
    const bytes = await readAll(handle, info.size)
    return { bytes, stamp: { input: stampOf(info), readAt: Date.now() } }
  } finally {
    await handle.close()
  }
}

// The size just read from the open file, as `readFile` would read it, without the second fstat it
// makes: stopping at `size` as it does. A file that reports no size (a pipe) is read to its end.
async function readAll(handle: FileHandle, size: number): Promise<Uint8Array> {
  if (size === 0) {
    const all = await handle.readFile()
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength)
  }
  const bytes = new Uint8Array(size)
  let read = 0
  while (read < size) {
    const { bytesRead } = await handle.read(bytes, read, size - read, read)
    if (bytesRead === 0) return bytes.subarray(0, read)
    read += bytesRead
  }
  return bytes
}

async function extractInPool(input: Input, bytes: Uint8Array, run: Run): Promise<Extracted> {
  const pool = await run.pool()
  const result = await pool.run({
    file: input.file,
    format: input.format,
    bytes,
    pretty: run.options.pretty === true,
  })
  if (!result.ok) throw revive(result.error)
  return result
}

// A cached plan was stored with the path it was extracted from; the same bytes may sit elsewhere now.
// Only then, or for --pretty, is it parsed: otherwise its bytes go to the output as they are.
function fromCache(
  entry: CacheEntry & { json: Uint8Array },
  input: Input,
  options: ExtractCommandOptions,
): Ready {
  const moved = entry.path !== input.file
  if (!moved && !options.pretty) return { json: entry.json, pretty: null, warnings: entry.warnings }
  const plan = JSON.parse(Buffer.from(entry.json).toString('utf8')) as Plan
  plan.source.path = input.file
  return {
    json: moved ? JSON.stringify(plan) : entry.json,
    pretty: options.pretty ? JSON.stringify(plan, null, 2) : null,
    warnings: entry.warnings,
  }
}

/** The error a worker reported, rebuilt so `reasonOf` and `--debug` read it as if thrown here. */
function revive(data: ErrorData): Error {
  const error = new Error(data.message)
  error.name = data.name
  error.stack = data.stack
  if (data.code !== undefined) (error as NodeJS.ErrnoException).code = data.code
  return error
}

// An output that already holds these bytes is left alone: a re-run rewrites (and flushes) nothing.
// Compared and written as bytes, so a plan is never decoded or encoded here.
// `existed`: the file was in the output folder when the run started; a new one is not looked for.
async function writeIfChanged(file: string, json: Uint8Array | string, existed: boolean): Promise<void> {
  const content = typeof json === 'string' ? Buffer.from(json) : json
  let old: Buffer | null = null
  try {
    if (existed) old = readFileSync(file)
  } catch {
    // No earlier output (or an unreadable one): write it.
  }
  const same =
    old !== null &&
    old.length === content.length + 1 &&
    old[content.length] === NEWLINE &&
    old.subarray(0, content.length).equals(content)
  if (!same) await writeFileAtomic(file, [content, LINE_END])
}

// NDJSON lines leave in input order, each as soon as the ones before it are done, so runs are reproducible.
function inOrder<Line>(write: (line: Line) => void): (index: number, line: Line | null) => void {
  const done = new Map<number, Line | null>()
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
  const warnings = outcomes.reduce((sum, o) => sum + o.warningCount, 0)
  const reused = outcomes.filter((o) => o.reused).length
  const seconds = ((performance.now() - context.started) / 1000).toFixed(2)
  const hint = warnings > 0 && !context.options.verbose ? ' (--verbose lists them)' : ''
  const where = context.outDir === null ? '' : `, JSON in ${context.outDir.replace(/[\\/]+$/, '')}/`
  const fromCache = reused > 0 ? ` (${reused} reused)` : ''
  return `${plural(files, 'file')}: ${files - failed} succeeded${fromCache}, ${failed} failed, ${plural(warnings, 'warning')}${hint}, ${seconds} s${where}`
}

// Three digits, so a file just over a small limit does not read as equal to it.
function megabytes(bytes: number): string {
  return String(Number((bytes / 1e6).toPrecision(3)))
}
