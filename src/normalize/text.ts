/** Text helpers shared by every stage: Unicode form, whitespace, tone marks, folding. */

const OLD_TONES: Record<string, string> = {
  oá: 'óa',
  oà: 'òa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oé: 'óe',
  oè: 'òe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uý: 'úy',
  uỳ: 'ùy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
  Oá: 'Óa',
  Oà: 'Òa',
  Oả: 'Ỏa',
  Oã: 'Õa',
  Oạ: 'Ọa',
  Uý: 'Úy',
  Uỳ: 'Ùy',
  Uỷ: 'Ủy',
  Uỹ: 'Ũy',
  Uỵ: 'Ụy',
}
// Only at the end of a syllable: "hoàn" keeps its tone where it is.
const OLD_TONE_RE = new RegExp(`(${Object.keys(OLD_TONES).join('|')})(?![\\p{L}])`, 'gu')

// White space that `collapse` changes: a run of two, or one that is not a plain space.
const UNCOLLAPSED_RE = /\s\s|[^\S ]/

/** Collapse runs of whitespace to one space and trim. */
export function collapse(text: string): string {
  // Most texts are collapsed already: testing is several times cheaper than a replace that changes nothing.
  return (UNCOLLAPSED_RE.test(text) ? text.replace(/\s+/g, ' ') : text).trim()
}

/** Put tone marks of -oa/-oe/-uy syllables in one placement: hoá → hóa, Uỷ → Ủy. */
export function canonicalTones(text: string): string {
  return text.replace(OLD_TONE_RE, (m) => OLD_TONES[m] ?? m)
}

/** Lower-case ASCII folding: diacritics removed, đ → d. "Đào tạo" → "dao tao". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}

/** ASCII slug of a name: "Giáo dục và Đào tạo" → "giao-duc-va-dao-tao". */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Remove markdown emphasis and heading marks left in plain text. */
export function stripMarks(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*{1,3}|_{2,3}|`+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
}

/** Text is upper-case when it has letters and none of them is lower-case. */
export function isUpper(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)
}

/** First letter of the text is lower-case (a sentence that continues). */
export function startsLower(text: string): boolean {
  const m = /\p{L}/u.exec(text)
  return m !== null && m.index === 0 && /\p{Ll}/u.test(m[0])
}

/** Sentence case for upper-case office words: "PHÓ CHỦ TỊCH" → "Phó chủ tịch". */
export function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi')
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)
}

/** Escape a literal for use inside a regular expression. */
export function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Alternation of literals, longest first, so "Phó Chủ tịch" wins over "Chủ tịch". */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')
}

/**
 * The matches a global scan with `pattern` finds in `text`, tried only where `starts` matches: `pattern` is
 * sticky, and every match of it must begin where `starts` does. A long pattern (or one that opens with a
 * look-behind) is tried in full at every character of a global scan; a pattern of plain words is scanned for
 * fast, so a text is searched several times faster, for the same matches.
 */
export function* matchesAt(text: string, starts: RegExp, pattern: RegExp): Generator<RegExpExecArray> {
  let end = 0
  for (const candidate of text.matchAll(starts)) {
    if (candidate.index < end) continue
    pattern.lastIndex = candidate.index
    const m = pattern.exec(text)
    if (m) {
      end = m.index + m[0].length
      yield m
    }
  }
}

// A sentence ends at . ! or ? followed by white space and a capital (or a quote or bracket before one).
const SENTENCE_SPLIT_RE = /(?<=[.!?])\s+(?=["“(]?\p{Lu})/u

/** The sentences of a text, without empty ones. */
export function sentences(text: string): string[] {
  return text.split(SENTENCE_SPLIT_RE).filter((s) => s.trim() !== '')
}
