/**
 * One document, extracted in a worker thread of `kh extract`: bytes in, JSON text and warnings out.
 * The default export is the task piscina runs; it never throws, so what went wrong crosses the
 * thread boundary as data (a thrown error would lose its name and code on the way).
 */
import type { MessagePort } from 'node:worker_threads'
import { move, transferableSymbol, valueSymbol } from 'piscina'
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

/** The plan as UTF-8 JSON (compact, and indented when asked), with its warnings for the summary. */
export interface Extracted {
  json: Uint8Array
  pretty: Uint8Array | null
  warnings: Warning[]
}

export type TaskResult = ({ ok: true } & Extracted) | { ok: false; error: ErrorData }

const utf8 = new TextEncoder()

/**
 * Extract one file's plan and serialize it here, off the main thread, to the bytes the command writes.
 * The bytes move to the main thread rather than being copied there, and it has nothing left to encode:
 * a plan's JSON is a few times the size of its file, and copying it as a string kept the main thread
 * (which also reads and writes every file) busy enough to hold the extraction threads back.
 */
export default async function extractTask(task: ExtractTask): Promise<TaskResult | Transferred> {
  task.started.postMessage(null)
  task.started.close()
  try {
    const plan = await extract(task.bytes, { path: task.file, ...(task.format && { format: task.format }) })
    const json = utf8.encode(JSON.stringify(plan))
    const pretty = task.pretty ? utf8.encode(JSON.stringify(plan, null, 2)) : null
    const result: TaskResult = { ok: true, json, pretty, warnings: plan.warnings }
    return move({
      [transferableSymbol]: pretty ? [json.buffer, pretty.buffer] : [json.buffer],
      [valueSymbol]: result,
    })
  } catch (error) {
    return { ok: false, error: errorData(error) }
  }
}

/** A result with the buffers it hands over (piscina sends the value and moves the buffers). */
type Transferred = ReturnType<typeof move>

/** An error as data that survives structured cloning. */
export function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error))
    return { name: 'Error', message: String(error), stack: undefined, code: undefined }
  const code = (error as NodeJS.ErrnoException).code
  // The stack with its causes, since the cause itself does not cross.
  return { name: error.name, message: error.message, stack: stackOf(error), code }
}
