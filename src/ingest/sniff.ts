/** Decide from the content, not the extension, whether text is Markdown. */

// Linear on any input: no run may cross a line end (`\s` would: a blank-line run then costs its length
// at every line start), and no run may contain its own opening character, so a line of `[[[[` or
// `[a](` is scanned once, not once per bracket. Global, so that `match` counts every occurrence.
const MARKDOWN_SIGNS: readonly RegExp[] = [
  /^#{1,6}[ \t]+\S/gm, // ATX heading
  /\*\*[^*\n]+\*\*/g, // bold
  /^[ \t]*\|[^\n]*\|[ \t]*$/gm, // table row
  /^[-=]{3,}[ \t]*$/gm, // setext underline or rule
  /\[[^[\]\n]+\]\([^()\n]+\)/g, // link
]

/** True when at least two different Markdown constructs occur, or one occurs often. */
export function looksLikeMarkdown(text: string): boolean {
  let kinds = 0
  let total = 0
  for (const sign of MARKDOWN_SIGNS) {
    const count = text.match(sign)?.length ?? 0
    if (count > 0) kinds++
    total += count
  }
  return kinds >= 2 || total >= 3
}

const LINE_FEED = 10
const CARRIAGE_RETURN = 13
const DASH = 45
const PIPE = 124
const COLON = 58
const BLANK_OR_QUOTE = new Set([32, 9, 62]) // space, tab, ">" (a table inside a blockquote)

/**
 * True when some line could be a GFM table's delimiter row (`| --- |`, `---|---`, `:-:`), so the
 * text may hold a table: one pass over the characters, never a false "no".
 */
export function mayHaveTable(text: string): boolean {
  // A delimiter row has only dashes, colons, pipes and blanks, and a dash; a line of dashes alone is
  // a rule or a setext underline, never a delimiter row, so it must also have a pipe or a colon.
  const ends = lineEnds(text)
  let dash = false
  let pipeOrColon = false
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : LINE_FEED
    if (code === LINE_FEED || code === CARRIAGE_RETURN) {
      if (dash && pipeOrColon) return true
      dash = false
      pipeOrColon = false
    } else if (code === DASH) dash = true
    else if (code === PIPE || code === COLON) pipeOrColon = true
    else if (!BLANK_OR_QUOTE.has(code)) {
      // Not a delimiter row: on to the line's end (most lines open with a letter).
      i = ends(i) - 1
      dash = false
    }
  }
  return false
}

/** The index of the first line feed or carriage return at or after `from` (or the text's length), found with indexOf and remembered, so that a text is searched once for each. */
function lineEnds(text: string): (from: number) => number {
  let lf = -2
  let cr = -2
  return (from) => {
    if (lf !== -1 && lf < from) lf = text.indexOf('\n', from)
    if (cr !== -1 && cr < from) cr = text.indexOf('\r', from)
    return Math.min(lf < 0 ? text.length : lf, cr < 0 ? text.length : cr)
  }
}
