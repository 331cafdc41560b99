/**
 * What an input must be for `kh` to make sense of it. Nothing to read (an empty file) and binary data
 * are failures: no output could be right. A readable text that is not a plan still extracts, with a
 * `not-a-plan` warning, since the user may know better (an excerpt, a plan without its header).
 */
import type { Plan, Warning } from '../../schemas/plan.js'
import type { Doc } from '../types.js'

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL; U+FFFD.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const ODD_CHAR = /[\0-\x08\x0E-\x1F\x7F\uFFFD]/g
// Text has none of them; random bytes have one in nine. A few in a long text are damage, not binary.
const ODD_SHARE = 0.02
const ODD_MIN = 8
// Enough to judge a file by, without scanning a large one twice.
const SAMPLE = 64 * 1024

/** Throw when decoded text is empty, blank or binary data; the message says which. */
export function assertText(text: string, file: string): void {
  if (text.trim() === '') {
    const why = text === '' ? 'the file is empty' : 'the file is empty (only white space)'
    throw new Error(`Cannot read \`${file}\`: ${why}`)
  }
  const sample = text.slice(0, SAMPLE)
  const odd = sample.match(ODD_CHAR)?.length ?? 0
  if (odd >= ODD_MIN && odd / sample.length > ODD_SHARE)
    throw new Error(`Cannot read \`${file}\`: not text: looks like binary data`)
}

// The line that says what kind of document this is, printed above the title (a text block may run on into it).
const KIND = /^[*\s]*(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN)(?:[*\s]|$)/u

/**
 * A plan names itself (the title "KẾ HOẠCH" or another document kind, or a "…/KH-…" number) and is
 * numbered (parts I., II. or clauses 1., 2.). A document missing either gets one warning saying which.
 */
export function notAPlan(plan: Plan, doc: Doc): Warning[] {
  const named =
    plan.meta.title !== '' || plan.meta.symbol !== null || doc.preamble.some((b) => KIND.test(b.text))
  const missing = [
    ...(named ? [] : ['no "KẾ HOẠCH" title or plan number']),
    ...(plan.sections.length === 0 ? ['no numbered parts or clauses'] : []),
  ]
  if (missing.length === 0) return []
  const message = `this does not look like a plan: ${missing.join(', ')}; the facts may be incomplete`
  return [{ code: 'not-a-plan', message, path: null, line: null }]
}
