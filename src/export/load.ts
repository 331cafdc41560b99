/** Read plans back from `kh extract` output: JSON files, NDJSON streams and folders of them, one plan at a time. */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { glob } from 'tinyglobby'
import { type Plan, SCHEMA_VERSION } from '../../schemas/plan.js'
import { ContractError, validatePlan } from '../validate.js'

/** A plan and the file (`file:line` for NDJSON) it was read from. */
export interface LoadedPlan {
  file: string
  plan: Plan
}

export interface LoadOptions {
  /** Called for a file that cannot be read as a plan; the others still load. Without it, the first problem throws. */
  onError?: (file: string, error: PlanFileError) => void
  /** Called for a folder that holds no .json, .ndjson or .jsonl file. */
  onEmptyFolder?: (folder: string) => void
}

/** A file (or NDJSON line) that is not a plan this kh can read; `reason` says why without naming the file. */
export class PlanFileError extends Error {
  override name = 'PlanFileError'

  constructor(
    readonly file: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`Cannot read \`${file}\`: ${reason}`, options)
  }
}

const NDJSON = new Set(['.ndjson', '.jsonl'])
/** What a folder is searched for; dot-files (the cache, temporary files) are left out by tinyglobby's default. */
export const PLAN_FILE_PATTERNS = ['**/*.json', '**/*.ndjson', '**/*.jsonl'] as const

/** Plans from JSON files, NDJSON files and folders searched for both, validated, yielded one by one. */
export async function* loadPlans(
  pathsOrDirs: string[],
  options: LoadOptions = {},
): AsyncGenerator<LoadedPlan> {
  const fail = (file: string, error: unknown) => {
    const err = toFileError(file, error)
    if (!options.onError) throw err
    options.onError(file, err)
  }
  const seen = new Set<string>()
  for (const arg of pathsOrDirs) {
    let files: string[] = []
    try {
      files = await filesOf(arg)
    } catch (error) {
      fail(arg, error)
      continue
    }
    if (files.length === 0) options.onEmptyFolder?.(arg)
    for (const file of files) {
      // A file named twice (itself and through its folder) is read once.
      const absolute = resolve(file)
      if (seen.has(absolute)) continue
      seen.add(absolute)
      try {
        yield* plansIn(file, fail)
      } catch (error) {
        fail(file, error)
      }
    }
  }
}

// Node's codes for the failures a user meets here, said the way they would say them.
const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
}

function toFileError(file: string, error: unknown): PlanFileError {
  if (error instanceof PlanFileError) return error
  const code = (error as NodeJS.ErrnoException | null)?.code
  const reason = (code && SYSTEM_REASONS[code]) || (error instanceof Error ? error.message : String(error))
  return new PlanFileError(file, reason, { cause: error })
}

async function filesOf(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: unknown) => {
    throw toFileError(path, error)
  })
  if (!info.isDirectory()) return [path]
  const found = await glob([...PLAN_FILE_PATTERNS], { cwd: path, onlyFiles: true })
  return found.sort().map((f) => join(path, f))
}

async function* plansIn(
  file: string,
  fail: (file: string, error: unknown) => void,
): AsyncGenerator<LoadedPlan> {
  if (!NDJSON.has(extname(file).toLowerCase())) {
    yield { file, plan: toPlan(parseJson(await readFile(file, 'utf8'), file), file) }
    return
  }
  // Line by line, so a large NDJSON stream is never held in memory whole.
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  let number = 0
  for await (const line of lines) {
    number++
    if (line.trim() === '') continue
    const label = `${file}:${number}`
    try {
      yield { file: label, plan: toPlan(parseJson(line, label), label) }
    } catch (error) {
      fail(label, error)
    }
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new PlanFileError(file, `not JSON (${(error as Error).message})`)
  }
}

/** Check that parsed JSON is a plan of this contract version, and say plainly what is wrong when not. */
function toPlan(json: unknown, file: string): Plan {
  const version =
    typeof json === 'object' && json !== null
      ? (json as { schemaVersion?: unknown }).schemaVersion
      : undefined
  if (version === undefined) throw new PlanFileError(file, 'not a kh plan (it has no schemaVersion)')
  if (version !== SCHEMA_VERSION) {
    throw new PlanFileError(
      file,
      `a plan of contract version ${String(version)}; this kh reads version ${SCHEMA_VERSION}: extract it again`,
    )
  }
  try {
    return validatePlan(json, file)
  } catch (error) {
    if (!(error instanceof ContractError)) throw error
    const first = error.issues[0]
    throw new PlanFileError(file, `not a valid plan: ${first?.path}: ${first?.message}`)
  }
}
