/** Decide from the content, not the extension, whether text is Markdown. */

const MARKDOWN_SIGNS: readonly RegExp[] = [
  /^#{1,6}\s+\S/m, // ATX heading
  /\*\*[^*\n]+\*\*/, // bold
  /^\s*\|.*\|\s*$/m, // table row
  /^[-=]{3,}\s*$/m, // setext underline or rule
  /\[[^\]\n]+\]\([^)\n]+\)/, // link
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
