/**
 * A content-addressed cache of extracted plans, so a re-run over unchanged files parses nothing.
 *
 * An entry's key is the SHA-256 of the file bytes, the tool version and the contract
 * version: editing a file, upgrading kh or changing the contract each make a miss.
 * An entry is a header line (what it was stored for, and a checksum of the body)
 * followed by the plan's JSON. Entries are written through a temporary file and a
 * rename, so readers see a whole entry or none; an entry that does not check out
 * is treated as a miss and overwritten by the next `set`, never an error.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Plan } from '../schemas/plan.js'
import { SCHEMA_VERSION } from '../schemas/version.js'

const FORMAT = 1

interface Header {
  format: number
  tool: string
  schema: string
  sha256: string
  variant: string
  /** SHA-256 of the body, so a torn or edited entry is noticed. */
  check: string
}

export interface CacheOptions {
  /** Told about entries that could not be written; the cache stays usable. Default: ignore. */
  onError?: (error: Error) => void
}

/** What the cache did in this process, for the command's summary. */
export interface CacheStats {
  hits: number
  misses: number
  writes: number
  errors: number
}

/** SHA-256 of some bytes, as lower-case hex: the key `get` and `set` take. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Plans cached on disk under `dir`, keyed by file content, tool version and contract version. */
export class ExtractCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, writes: 0, errors: 0 }

  constructor(
    readonly dir: string,
    readonly toolVersion: string,
    private readonly options: CacheOptions = {},
  ) {}

  /**
   * The plan stored for a file whose bytes hash to `sha256`, or null.
   * `variant` names options that change the output for the same bytes (a forced format).
   * The plan's `source.path` is the path it was stored with: set it to the file at hand.
   */
  async get(sha256: string, variant = ''): Promise<Plan | null> {
    const body = await this.getText(sha256, variant)
    return body === null ? null : (JSON.parse(body) as Plan)
  }

  /** Like `get`, but the plan as the JSON text it was stored as (what `JSON.stringify(plan)` gave). */
  async getText(sha256: string, variant = ''): Promise<string | null> {
    const body = await this.read(sha256, variant)
    if (body === null) this.stats.misses++
    else this.stats.hits++
    return body
  }

  /** Store the plan extracted from a file whose bytes hash to `sha256`; never rejects (see `onError`). */
  async set(sha256: string, plan: Plan, variant = ''): Promise<void> {
    await this.setText(sha256, JSON.stringify(plan), variant)
  }

  /** Like `set`, with the plan already serialized by `JSON.stringify`, so a caller that has the text pays once. */
  async setText(sha256: string, body: string, variant = ''): Promise<void> {
    const file = this.entryPath(sha256, variant)
    const header: Header = { ...this.stamp(sha256, variant), check: sha256Hex(body) }
    // Same folder as the entry, so the rename is atomic; the random part keeps parallel writers apart.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    try {
      // Absolute: Node 20 spins in a recursive mkdir of a relative path once the working directory is gone.
      await mkdir(resolve(dirname(file)), { recursive: true })
      // No fsync: an entry torn by a crash fails its checksum and is extracted again.
      await writeFile(temp, `${JSON.stringify(header)}\n${body}`)
      await rename(temp, file)
      this.stats.writes++
    } catch (error) {
      this.stats.errors++
      await rm(temp, { force: true }).catch(() => {})
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)))
    }
  }

  /** Where the entry for these bytes lives: `<dir>/<2 hex>/<64 hex>.entry`. */
  entryPath(sha256: string, variant = ''): string {
    const key = sha256Hex(`kh-cache ${FORMAT}\0${this.toolVersion}\0${SCHEMA_VERSION}\0${variant}\0${sha256}`)
    // Not .json: a cache inside an output folder must not be taken for plans by `kh export`.
    return join(this.dir, key.slice(0, 2), `${key}.entry`)
  }

  private stamp(sha256: string, variant: string): Omit<Header, 'check'> {
    return { format: FORMAT, tool: this.toolVersion, schema: SCHEMA_VERSION, sha256, variant }
  }

  private async read(sha256: string, variant: string): Promise<string | null> {
    let text: string
    try {
      text = await readFile(this.entryPath(sha256, variant), 'utf8')
    } catch {
      return null
    }
    return entryBody(text, this.stamp(sha256, variant))
  }
}

/** The plan's JSON text in an entry, or null when the entry is torn, edited or stored for something else. */
function entryBody(text: string, expected: Omit<Header, 'check'>): string | null {
  const newline = text.indexOf('\n')
  if (newline < 0) return null
  const body = text.slice(newline + 1)
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>
    const stamped = (Object.keys(expected) as (keyof typeof expected)[]).every(
      (k) => header[k] === expected[k],
    )
    return stamped && header.check === sha256Hex(body) ? body : null
  } catch {
    return null
  }
}
