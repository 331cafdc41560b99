/** The `kh` command as a user runs it: a fresh process per run, timed from spawn to exit, with its peak memory. */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { WORKER_BUNDLE, WORKER_BUNDLE_FILE } from '../scripts/bundle.js'
import { since } from './stats.js'

export const CLI_MAIN = join('dist', 'src', 'cli', 'main.js')

/** The command's shape with bare remark-parse for a parser (bench/bare-cli.ts), once prepareBareCli built it. */
export const BARE_CLI = join('dist', 'bench', 'bare-cli.js')

export interface CliFeatures {
  jobs: boolean
  cacheDir: boolean
  noCache: boolean
  force: boolean
}

export type CliState =
  | { ready: true; note: string | null; features: CliFeatures }
  | { ready: false; reason: string }

export interface CliRun {
  args: string[]
  wallMs: number
  /** Peak resident memory, MB, sampled from /proc (null where there is none). */
  peakRssMb: number | null
  exitCode: number | null
  /** The last lines on stderr: the command's summary. */
  summary: string
}

/** Newest modification time under a folder, in ms. */
function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

export type Built = { ok: true; note: string | null } | { ok: false; reason: string }

/** Build dist/ (tsc, then the thread bundle) when it is missing or older than src/ or schemas/. */
export async function buildDist(): Promise<Built> {
  let note: string | null = null
  const built = Math.min(
    ...[CLI_MAIN, WORKER_BUNDLE_FILE].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)),
  )
  if (built < Math.max(newest('src'), newest('schemas'))) {
    const tsc = join('node_modules', 'typescript', 'bin', 'tsc')
    const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { encoding: 'utf8' })
    // tsc still emits JavaScript when types fail; say so rather than measure silently.
    if (compiled.status !== 0)
      note = `build reported type errors: ${firstLine(compiled.stdout || compiled.stderr)}`
    try {
      await build({ ...WORKER_BUNDLE, outfile: WORKER_BUNDLE_FILE })
    } catch (error) {
      return { ok: false, reason: `bundling the extraction thread failed: ${firstLine(String(error))}` }
    }
  }
  return { ok: true, note }
}

/** Build dist/ if it is stale (`buildDist`), then see which options `kh extract` has. */
export async function prepareCli(): Promise<CliState> {
  const built = await buildDist()
  if (!built.ok) return { ready: false, reason: built.reason }
  const { note } = built
  if (!existsSync(CLI_MAIN)) return { ready: false, reason: `no ${CLI_MAIN} after \`npm run build\`` }
  const help = spawnSync(process.execPath, [CLI_MAIN, 'extract', '--help'], {
    encoding: 'utf8',
    env: childEnv(),
  })
  if (help.status !== 0)
    return { ready: false, reason: `\`kh extract --help\` failed: ${firstLine(help.stderr)}` }
  const has = (flag: string) => help.stdout.includes(flag)
  return {
    ready: true,
    note,
    features: {
      jobs: has('--jobs'),
      cacheDir: has('--cache-dir'),
      noCache: has('--no-cache'),
      force: has('--force'),
    },
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? ''
}

// The benchmark runs under tsx; the command under test must not.
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  return env
}

function readHwmMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]
    return kb ? Number(kb) / 1024 : null
  } catch {
    return null
  }
}

/**
 * Bundle bench/bare-cli.ts and its thread into dist/bench/ (packages stay in node_modules), so the
 * yardstick starts as the built command does, without tsx. The reason when it cannot be built.
 */
export async function prepareBareCli(): Promise<string | null> {
  try {
    await build({
      entryPoints: ['bench/bare-cli.ts', 'bench/bare-cli-worker.ts'],
      outdir: join('dist', 'bench'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    })
    return null
  } catch (error) {
    return `bundling bench/bare-cli.ts failed: ${firstLine(String(error))}`
  }
}

/** Run `node dist/src/cli/main.js ...args` once. */
export function runCli(args: string[]): Promise<CliRun> {
  return runNode(CLI_MAIN, args)
}

/** Run the yardstick once: `files` parsed on `jobs` threads and written to `outDir`. */
export function runBareCli(outDir: string, jobs: number, files: readonly string[]): Promise<CliRun> {
  return runNode(BARE_CLI, [outDir, String(jobs), ...files])
}

async function runNode(script: string, args: string[]): Promise<CliRun> {
  const begin = process.hrtime.bigint()
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: childEnv(),
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  // The high-water mark only rises, so the last reading before exit is the peak (to within the interval).
  let peak: number | null = null
  const poll = setInterval(() => {
    peak = readHwmMb(child.pid ?? 0) ?? peak
  }, 10)
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const wallMs = since(begin)
  clearInterval(poll)
  const summary = stderr.trim().split('\n').slice(-3).join(' / ')
  return { args, wallMs, peakRssMb: peak, exitCode, summary }
}
