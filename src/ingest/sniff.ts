/** Decide from the content, not the extension, whether text is Markdown. */

// Linear on any input: no run may cross a line end (`\s` would: a blank-line run then costs its length
// at every line start), and no run may contain its own opening character, so a line of `[[[[` or
// `[a](` is scanned once, not once per bracket.
const MARKDOWN_SIGNS: readonly RegExp[] = [
  /^#{1,6}[ \t]+\S/m, // ATX heading
  /\*\*[^*\n]+\*\*/, // bold
  /^[ \t]*\|[^\n]*\|[ \t]*$/m, // table row
  /^[-=]{3,}[ \t]*$/m, // setext underline or rule
  /\[[^[\]\n]+\]\([^()\n]+\)/, // link
]

/** True when at least two different Markdown constructs occur, or one occurs often. */
export function looksLikeMarkdown(text: string): boolean {
  let kinds = 0
  let total = 0
  for (const sign of MARKDOWN_SIGNS) {
    const count = text.match(new RegExp(sign.source, `${sign.flags}g`))?.length ?? 0
    if (count > 0) kinds++
    total += count
  }
  return kinds >= 2 || total >= 3
}
