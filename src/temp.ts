/** Names for the temporary files that whole-file writes go through before their rename. */
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'

// Random once, so a temporary file a crashed process left under a reused pid is never taken for ours.
const RUN = `${process.pid}-${threadId}-${randomBytes(3).toString('hex')}`
let written = 0

/**
 * A path beside `file` to write it to before renaming it over `file`: the same folder, so the rename is
 * atomic; unique to this process, thread and write, so parallel writers never share one. Counted, not
 * drawn at random each time: a batch asks for two a file.
 */
export function tempBeside(file: string, { hidden = false } = {}): string {
  written++
  return join(dirname(file), `${hidden ? '.' : ''}${basename(file)}.${RUN}-${written.toString(36)}.tmp`)
}
