/**
 * What the last run read of each input and wrote for it, so a re-run over an unchanged folder can
 * tell an unchanged file by its metadata alone, as git's index does: no reading or hashing it, no
 * cache entry to read, no output to compare. Kept beside the cache as one file. Whatever it cannot
 * vouch for (a new, touched or recently written file, another option, another kh) goes the
 * ordinary way: hash, cache, compare.
 */
import { readFileSync, type Stats } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { writeFileAtomic } from './write.js'

/** The metadata that changes whenever a file's content does (ctime even when mtime is set back). */
export interface FileStamp {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
  dev: number
}

interface FileRecord {
  input: FileStamp
  output: FileStamp
  outFile: string
  /** The options the output was made with (forced format, indentation). */
  settings: string
  warnings: number
}

interface IndexFile {
  format: number
  tool: string
  files: Record<string, FileRecord>
}

// 2: records carry no read time; an input too young to be vouched for is not recorded at all.
const FORMAT = 2
/** Not .json: an index inside an output folder must not be taken for a plan by `kh export`. */
export const INDEX_FILE = 'files.index'
/**
 * How much older than the moment it was read an input must be for its stamp to be trusted. File systems
 * stamp times in ticks (FAT two seconds, HFS+ one): a file rewritten in the tick it was read in keeps its
 * stamp, so only a file already older than the coarsest tick when read is vouched for.
 */
const RACY_MS = 2000

export function stampOf(info: Stats): FileStamp {
  const { size, mtimeMs, ctimeMs, ino, dev } = info
  return { size, mtimeMs, ctimeMs, ino, dev }
}

const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size &&
  a.mtimeMs === b.mtimeMs &&
  a.ctimeMs === b.ctimeMs &&
  a.ino === b.ino &&
  a.dev === b.dev

/** The inputs of earlier runs with the cache in `dir`, for one version of kh. */
export class UnchangedFiles {
  private dirty = false

  private constructor(
    private readonly file: string,
    private readonly tool: string,
    private readonly files: Map<string, FileRecord>,
  ) {}

  /** The index in `dir`, or an empty one when there is none or it was written by another kh. */
  static load(dir: string, tool: string): UnchangedFiles {
    const file = join(dir, INDEX_FILE)
    let files: Record<string, FileRecord> = {}
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<IndexFile>
      if (data.format === FORMAT && data.tool === tool && data.files) files = data.files
    } catch {
      // None yet, or unreadable: every file goes the ordinary way, and the index is written afresh.
    }
    return new UnchangedFiles(file, tool, new Map(Object.entries(files)))
  }

  /**
   * The warning count of an input whose file and output are as the last run left them, or null.
   * Only stats the two files.
   */
  async unchanged(input: string, outFile: string, settings: string): Promise<{ warnings: number } | null> {
    const record = this.files.get(resolve(input))
    if (!record || record.settings !== settings || record.outFile !== resolve(outFile)) return null
    try {
      const [now, out] = await Promise.all([stat(input), stat(outFile)])
      return sameStamp(stampOf(now), record.input) && sameStamp(stampOf(out), record.output)
        ? { warnings: record.warnings }
        : null
    } catch {
      return null
    }
  }

  /**
   * Remember an input, stamped before it was read at `readAt`, and the output just written or checked for
   * it; an input too young when read to be vouched for by its stamp is forgotten instead.
   */
  async remember(
    input: string,
    stamp: { input: FileStamp; readAt: number },
    outFile: string,
    settings: string,
    warnings: number,
  ): Promise<void> {
    this.dirty = true
    if (stamp.input.mtimeMs + RACY_MS >= stamp.readAt) {
      this.files.delete(resolve(input))
      return
    }
    try {
      const output = stampOf(await stat(outFile))
      this.files.set(resolve(input), {
        input: stamp.input,
        output,
        outFile: resolve(outFile),
        settings,
        warnings,
      })
    } catch {
      this.files.delete(resolve(input))
    }
  }

  /** Forget an input (its extraction failed): the next run looks at it again. */
  forget(input: string): void {
    this.dirty = this.files.delete(resolve(input)) || this.dirty
  }

  /** Write the index if anything changed; an index that cannot be written only slows the next run. */
  async save(): Promise<void> {
    if (!this.dirty) return
    const data: IndexFile = { format: FORMAT, tool: this.tool, files: Object.fromEntries(this.files) }
    try {
      // Absolute: Node 20 spins in a recursive mkdir of a relative path once the working directory is gone.
      await mkdir(resolve(dirname(this.file)), { recursive: true })
      await writeFileAtomic(this.file, JSON.stringify(data))
      this.dirty = false
    } catch {
      // Not written (writeFileAtomic leaves no temporary file): the next run goes the ordinary way.
    }
  }
}
