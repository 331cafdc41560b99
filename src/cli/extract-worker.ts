/**
 * One document, extracted in a worker thread of `kh extract`: bytes in, JSON text and warnings out.
 * The default export is the task piscina runs; it never throws, so what went wrong crosses the
 * thread boundary as data (a thrown error would lose its name and code on the way).
 */
import type { MessagePort } from 'node:worker_threads'
import type { Warning } from '../../schemas/plan.js'
import { extract } from '../pipeline.js'
import type { Format } from '../types.js'
import { stackOf } from './errors.js'

/** What the command sends for one file. */
export interface ExtractTask {
  /** Shown in messages and written to `source.path`. */
  file: string
  format: Format | undefined
  /** The file as read (and hashed) by the command; transferred, not copied. */
  bytes: Uint8Array
  /** Also serialize with two-space indentation, for `--pretty` files. */
  pretty: boolean
  /** Told when the work starts, so the time limit counts running time, not time in the queue. */
  started: MessagePort
}

/** An error as plain data: what `reasonOf` and `--debug` need from it. */
export interface ErrorData {
  name: string
  message: string
  stack: string | undefined
  code: string | undefined
}

/** The plan as text (compact, and indented when asked), with its warnings for the summary. */
export interface Extracted {
  line: string
  pretty: string | null
  warnings: Warning[]
}

export type TaskResult = ({ ok: true } & Extracted) | { ok: false; error: ErrorData }

/** Extract one file's plan and serialize it here, off the main thread. */
export default async function extractTask(task: ExtractTask): Promise<TaskResult> {
  task.started.postMessage(null)
  task.started.close()
  try {
    const plan = await extract(task.bytes, { path: task.file, ...(task.format && { format: task.format }) })
    const line = JSON.stringify(plan)
    const pretty = task.pretty ? JSON.stringify(plan, null, 2) : null
    return { ok: true, line, pretty, warnings: plan.warnings }
  } catch (error) {
    return { ok: false, error: errorData(error) }
  }
}

/** An error as data that survives structured cloning. */
export function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error))
    return { name: 'Error', message: String(error), stack: undefined, code: undefined }
  const code = (error as NodeJS.ErrnoException).code
  // The stack with its causes, since the cause itself does not cross.
  return { name: error.name, message: error.message, stack: stackOf(error), code }
}
