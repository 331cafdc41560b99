/**
 * A content-addressed cache of extracted plans, so a re-run over unchanged files parses nothing.
 *
 * An entry's key is the SHA-256 of the file bytes, the tool version and the contract
 * version: editing a file, upgrading kh or changing the contract each make a miss.
 * An entry is three parts, one a line: a header (what it was stored for, the path it was
 * extracted from, and a checksum of the rest), the plan's warnings, then the plan's JSON.
 * A hit hands back the JSON as bytes with the warnings beside it, so a caller that only
 * copies the plan to a file never decodes or parses it. Entries are written through a
 * temporary file and a rename, so readers see a whole entry or none; an entry that does
 * not check out is treated as a miss and overwritten by the next `set`, never an error.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Plan, Warning } from '../schemas/plan.js'
import { SCHEMA_VERSION } from '../schemas/version.js'
import { tempBeside } from './temp.js'

const FORMAT = 2
const NEWLINE = 0x0a

interface Header {
  format: number
  tool: string
  schema: string
  sha256: string
  variant: string
  /** `source.path` of the stored plan. */
  path: string | null
  /** SHA-256 of everything after the header line, so a torn or edited entry is noticed. */
  check: string
}

type Stamp = Omit<Header, 'path' | 'check'>

/** A stored plan as the cache keeps it. */
export interface CacheEntry {
  /** The plan as `JSON.stringify` wrote it, UTF-8 (bytes when read back). */
  json: Uint8Array | string
  /** Its `source.path`: the path it was extracted from, not necessarily the file at hand. */
  path: string | null
  warnings: Warning[]
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
    const entry = await this.getEntry(sha256, variant)
    return entry === null ? null : (JSON.parse(Buffer.from(entry.json).toString('utf8')) as Plan)
  }

  /** Like `get`, but the plan's JSON as stored (bytes), with its path and warnings read apart from it. */
  async getEntry(sha256: string, variant = ''): Promise<(CacheEntry & { json: Uint8Array }) | null> {
    const entry = await this.read(sha256, variant)
    if (entry === null) this.stats.misses++
    else this.stats.hits++
    return entry
  }

  /** Store the plan extracted from a file whose bytes hash to `sha256`; never rejects (see `onError`). */
  async set(sha256: string, plan: Plan, variant = ''): Promise<void> {
    await this.setEntry(
      sha256,
      { json: JSON.stringify(plan), path: plan.source.path, warnings: plan.warnings },
      variant,
    )
  }

  /** Like `set`, with the plan already serialized, so a caller that has the text pays for it once. */
  async setEntry(sha256: string, entry: CacheEntry, variant = ''): Promise<void> {
    const file = this.entryPath(sha256, variant)
    const rest = Buffer.concat([Buffer.from(`${JSON.stringify(entry.warnings)}\n`), Buffer.from(entry.json)])
    const header: Header = { ...this.stamp(sha256, variant), path: entry.path, check: sha256Hex(rest) }
    const temp = tempBeside(file)
    const content = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), rest])
    try {
      // No fsync: an entry torn by a crash fails its checksum and is extracted again.
      await writeFile(temp, content).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
        // The entry's folder is made on the first write into it, not tried before every write.
        // Absolute: Node 20 spins in a recursive mkdir of a relative path once the working directory is gone.
        await mkdir(resolve(dirname(file)), { recursive: true })
        await writeFile(temp, content)
      })
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

  private stamp(sha256: string, variant: string): Stamp {
    return { format: FORMAT, tool: this.toolVersion, schema: SCHEMA_VERSION, sha256, variant }
  }

  private async read(sha256: string, variant: string): Promise<(CacheEntry & { json: Uint8Array }) | null> {
    let bytes: Buffer
    try {
      // Sync: an entry is small, and a blocking read is about twice as fast as fs/promises' (the warm run's main cost).
      bytes = readFileSync(this.entryPath(sha256, variant))
    } catch {
      return null
    }
    return parseEntry(bytes, this.stamp(sha256, variant))
  }
}

/** The entry's parts, or null when it is torn, edited or stored for something else. */
function parseEntry(bytes: Buffer, expected: Stamp): (CacheEntry & { json: Uint8Array }) | null {
  const first = bytes.indexOf(NEWLINE)
  const second = first < 0 ? -1 : bytes.indexOf(NEWLINE, first + 1)
  if (second < 0) return null
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, first)) as Partial<Header>
    const stamped = (Object.keys(expected) as (keyof Stamp)[]).every((k) => header[k] === expected[k])
    if (!stamped || header.check !== sha256Hex(bytes.subarray(first + 1))) return null
    const warnings = JSON.parse(bytes.toString('utf8', first + 1, second)) as Warning[]
    return { json: bytes.subarray(second + 1), path: header.path ?? null, warnings }
  } catch {
    return null
  }
}
