/** Problems as one-line messages: a file that fails never stops the batch, and stacks stay behind `--debug`. */

/** A mistake in how `kh` was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

// Node's system error codes, said the way a user would say them.
const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EMFILE: 'too many open files; try a smaller --jobs',
  EROFS: 'read-only file system',
}

// Errors a well-behaved library never throws on purpose: seeing one means kh has a bug.
const BUG_TYPES: ReadonlySet<string> = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError'])

/** Why something failed, in one line, without the stack. */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return oneLine(String(error))
  const code = (error as NodeJS.ErrnoException).code
  if (code && SYSTEM_REASONS[code]) return SYSTEM_REASONS[code]
  // A ContractError (named so) is said as is: its message names the broken JSON path.
  const message = oneLine(error.message)
  if (BUG_TYPES.has(error.name))
    return `internal error: ${error.name}: ${message} (a bug in kh; rerun with --debug and report it)`
  return message
}

/** `file  error  reason`, the way linters print a problem; with `debug`, the stack follows. */
export function failureLine(file: string, error: unknown, debug: boolean): string {
  const line = `${file}  error  ${reasonOf(error)}`
  return debug ? `${line}\n${stackOf(error)}` : line
}

/** The stack and its causes, for `--debug`. */
export function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const stack = error.stack ?? `${error.name}: ${error.message}`
  return error.cause === undefined ? stack : `${stack}\nCaused by: ${stackOf(error.cause)}`
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error'
}
