/**
 * Text similarity that is fair to Vietnamese.
 *
 * Vietnamese writes one syllable per space-separated token and most words are
 * two syllables, so single tokens ("học", "tập") say little on their own. A
 * text becomes the multiset of its syllables plus its syllable bigrams, and two
 * texts are compared with the Dice coefficient of those multisets: shared
 * words count, shared word order counts a little more, and length differences
 * are not punished twice. Tokens are compared after NFC, lower-casing and one
 * tone-mark placement (hoá = hóa, Uỷ = Ủy); punctuation only separates tokens.
 */
import { canonicalTones } from '../normalize/text.js'

/** One word of a text: its surface form and the key it is compared by. */
export interface Token {
  /** The word as written plus the spaces and punctuation after it, so tokens re-join to the text. */
  surface: string
  /** NFC, lower case, canonical tone placement. */
  key: string
}

/** A text prepared for fast comparison: sorted feature ids with their counts. */
export interface Profile {
  ids: Int32Array
  counts: Int32Array
  /** Sum of counts. */
  size: number
  /** The token keys in order, to tell "same wording" apart from "similar". */
  keys: string[]
}

// A word is a run of letters, marks and digits; everything else separates words, so "2023-2030" is
// two words (each year compares on its own) and "25/2023/TT-BGDĐT" is four.
const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu

/** The comparison key of one word. */
export function wordKey(word: string): string {
  return canonicalTones(word.normalize('NFC').toLocaleLowerCase('vi'))
}

/** Split a text into words that carry their trailing punctuation, and re-join exactly. */
export function tokenize(text: string): Token[] {
  const nfc = text.normalize('NFC')
  const tokens: Token[] = []
  let last = 0
  for (const m of nfc.matchAll(WORD_RE)) {
    const start = m.index
    const prev = tokens.at(-1)
    // Text before the first word belongs to it; text between words belongs to the one before.
    if (prev) prev.surface += nfc.slice(last, start)
    const lead = prev ? '' : nfc.slice(0, start)
    tokens.push({ surface: lead + m[0], key: wordKey(m[0]) })
    last = start + m[0].length
  }
  const prev = tokens.at(-1)
  if (prev) prev.surface += nfc.slice(last)
  return tokens
}

/** The comparison keys of a text's words, in order. */
export function keysOf(text: string): string[] {
  return Array.from(text.normalize('NFC').matchAll(WORD_RE), (m) => wordKey(m[0]))
}

/** Interns feature strings as small integers, so profiles compare by merging sorted arrays. */
export class Interner {
  readonly #ids = new Map<string, number>()

  /** The id of a feature, assigned on first sight. */
  id(feature: string): number {
    let id = this.#ids.get(feature)
    if (id === undefined) {
      id = this.#ids.size
      this.#ids.set(feature, id)
    }
    return id
  }
}

/** Prepare a text for comparison: syllables and syllable bigrams, counted. */
export function profile(text: string, interner: Interner): Profile {
  const keys = keysOf(text)
  const counts = new Map<number, number>()
  const add = (feature: string): void => {
    const id = interner.id(feature)
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  keys.forEach((key, i) => {
    add(key)
    // A space cannot occur inside a key, so "a b" never collides with a unigram.
    if (i > 0) add(`${keys[i - 1]} ${key}`)
  })
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b))
  return {
    ids,
    counts: Int32Array.from(ids, (id) => counts.get(id) ?? 0),
    size: keys.length === 0 ? 0 : 2 * keys.length - 1,
    keys,
  }
}

/** Dice coefficient of two profiles' feature multisets, 0..1; two empty texts are identical. */
export function similarity(a: Profile, b: Profile): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number
    const y = b.ids[j] as number
    if (x === y) {
      shared += Math.min(a.counts[i] as number, b.counts[j] as number)
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return (2 * shared) / (a.size + b.size)
}

/** Similarity of two texts, for one-off comparisons (an Interner is made for the call). */
export function textSimilarity(a: string, b: string): number {
  const interner = new Interner()
  return similarity(profile(a, interner), profile(b, interner))
}

/** Same words in the same order, ignoring case, tone placement, spacing and punctuation. */
export function sameWording(a: Profile, b: Profile): boolean {
  return a.keys.length === b.keys.length && a.keys.every((k, i) => k === b.keys[i])
}
