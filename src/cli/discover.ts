/** Input discovery: the files behind the paths on the command line, and a distinct output name for each. */
import { stat } from 'node:fs/promises'
import { basename, extname, join, relative, resolve } from 'node:path'
import { glob } from 'tinyglobby'
import type { Format } from '../types.js'

/**
 * The file types `kh extract` reads, each with the format it implies; `undefined`
 * lets the library decide from the content (a `.txt` is often Markdown).
 * Support for a new type is one line here.
 */
export const INPUT_FORMATS: Readonly<Record<string, Format | undefined>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': undefined,
  // Forced, so a damaged PDF is reported as one instead of being read as text.
  '.pdf': 'pdf',
  // Forced too: random bytes named `.docx` are a broken DOCX, not text.
  '.docx': 'docx',
}

/** Where JSON files go when `-o` is not given. */
export const DEFAULT_OUTPUT = 'out'

/** The extensions searched for in folders, e.g. `.md`. */
export const INPUT_EXTENSIONS: readonly string[] = Object.keys(INPUT_FORMATS)

// A folder's readme documents the folder (corpus/README.md); it is not a plan.
const FOLDER_IGNORE = ['**/node_modules/**', '**/README.*']

/** One file to extract. */
export interface Input {
  /** The path as the user would write it: shown in messages and written to `source.path`. */
  file: string
  format: Format | undefined
  /** Output file name without `.json`, distinct among the inputs of one run. */
  name: string
}

/** A path that yields no input: it does not exist or is not a readable type. */
export interface Rejected {
  file: string
  error: unknown
}

/** What the paths on the command line stand for. */
export interface Discovery {
  inputs: Input[]
  rejected: Rejected[]
  /** Folders with no file of a readable type. */
  empty: string[]
}

/** Expand files and folders into inputs, in command-line order, each file once. */
export async function discover(paths: readonly string[]): Promise<Discovery> {
  const files: { file: string; format: Format | undefined }[] = []
  const rejected: Rejected[] = []
  const empty: string[] = []
  const seen = new Set<string>()
  for (const path of paths) {
    let found: string[]
    try {
      found = await expand(path)
    } catch (error) {
      rejected.push({ file: path, error })
      continue
    }
    if (found.length === 0) empty.push(path)
    for (const file of found.filter((f) => !seen.has(resolve(f)))) {
      seen.add(resolve(file))
      files.push({ file, format: formatOf(file) })
    }
  }
  const names = outputNames(files.map((f) => f.file))
  return { inputs: files.map((f, i) => ({ ...f, name: names[i] ?? stem(f.file) })), rejected, empty }
}

/** A file is itself (when of a readable type); a folder is every readable file below it, sorted. */
async function expand(path: string): Promise<string[]> {
  const info = await stat(path)
  if (info.isDirectory()) return searchFolder(path)
  if (!info.isFile()) throw new Error('not a file or folder')
  if (!hasInputExtension(path)) {
    throw new Error(
      `unsupported file type \`${extname(path) || '(none)'}\`; kh reads ${INPUT_EXTENSIONS.join(' ')}`,
    )
  }
  return [path]
}

async function searchFolder(folder: string): Promise<string[]> {
  const patterns = INPUT_EXTENSIONS.map((ext) => `**/*${ext}`)
  // Case-insensitive so `PLAN.PDF` from a Windows share is found too.
  const found = await glob(patterns, { cwd: folder, ignore: FOLDER_IGNORE, caseSensitiveMatch: false })
  return found.sort(compareCodePoints).map((file) => join(folder, file))
}

function hasInputExtension(file: string): boolean {
  return Object.hasOwn(INPUT_FORMATS, extname(file).toLowerCase())
}

function formatOf(file: string): Format | undefined {
  return INPUT_FORMATS[extname(file).toLowerCase()]
}

/**
 * The output name of each file: its name without extension, or, when two
 * inputs share one, their paths with `--` for `/` (`a/plan.txt` → `a--plan.txt`)
 * so that neither overwrites the other. Compared case-insensitively, as on macOS.
 */
export function outputNames(files: readonly string[]): string[] {
  const counts = countBy(files.map((file) => stem(file).toLowerCase()))
  const shared = (file: string) => (counts.get(stem(file).toLowerCase()) ?? 0) > 1
  return numberRepeats(files.map((file) => (shared(file) ? pathName(file) : stem(file))))
}

function stem(file: string): string {
  return basename(file, extname(file))
}

function pathName(file: string): string {
  return relative(process.cwd(), resolve(file))
    .split(/[\\/]+/)
    .filter((part) => part !== '..' && part !== '' && part !== '.')
    .join('--')
}

// Paths can still meet (`a--b/x` and `a/b--x`): the later ones get `-2`, `-3`.
function numberRepeats(names: readonly string[]): string[] {
  const used = new Set<string>()
  return names.map((name) => {
    let candidate = name
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`
    used.add(candidate.toLowerCase())
    return candidate
  })
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

// Code-point order, not locale order: the same listing on every machine.
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
