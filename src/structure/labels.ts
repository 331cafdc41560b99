/** Numbering labels: parts (I.), clauses (1. / 3.1.), points (a) / đ)), bullets. */

export type LabelKind = 'part' | 'clause' | 'point'

export interface Label {
  kind: LabelKind
  /** As printed, without punctuation: "III", "3.1", "đ". */
  label: string
  /** Numeric value(s): [3] for "III" and "3", [3, 1] for "3.1", [6] for "đ" (its rank). */
  numbers: number[]
  /** The text after the label. */
  rest: string
}

/** The Vietnamese point alphabet: no f, j, w, z; đ after d. */
export const POINT_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
] as const

export const BULLET_RE = /^([-+•–—*▪●◦])\s+/

// Older plans write "I- MỤC ĐÍCH", "II/ NỘI DUNG", "1- Mục đích", "a/ Đối với ...": a dash or a slash
// after a label, then a space and a capital (so "1/7/2025" and "a-b" are no labels).
const ROMAN_RE =
  /^(?:(?:PHẦN|Phần|MỤC|Mục)\s+)?(?<label>[IVXL]{1,6})\s*(?:[.:)]|[-–/](?=\s))\s*(?<rest>.*)$/su
const ROMAN_VALID = /^(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/
// At most five numbers ("1.2.3.4.5."): plans go three or four deep; a line of "1.1.1.…" is text, not a label thousands deep.
const CLAUSE_RE =
  /^(?<label>\d{1,2}(?:\.\d{1,2}){0,4})(?<delim>[.)]|[-–/](?=\s+[\p{Lu}"“]))?(?=\s|$)\s*(?<rest>.*)$/su
// "a. Đối với ...", as Word's letter lists and some plans write points, also only before a space and a capital.
const POINT_RE = /^(?<label>[a-zđ])(?:\s?\)|[-–/.](?=\s+[\p{Lu}"“]))\s*(?<rest>.*)$/su

/** Value of an upper-case Roman numeral up to 89, or 0 when it is not one. */
export function romanValue(text: string): number {
  if (text === '' || !ROMAN_VALID.test(text)) return 0
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 }
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const v = values[text[i] as string] ?? 0
    const next = values[text[i + 1] as string] ?? 0
    total += v < next ? -v : v
  }
  return total
}

/** Roman numeral of a small positive number. */
export function toRoman(n: number): string {
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let out = ''
  let rest = n
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s
      rest -= v
    }
  }
  return out
}

/** Parse the numbering label at the start of a block's text, if any. */
export function parseLabel(text: string): Label | null {
  const roman = ROMAN_RE.exec(text)
  if (roman?.groups) {
    const value = romanValue(roman.groups.label ?? '')
    const rest = roman.groups.rest ?? ''
    // "I. MỤC ĐÍCH": a Roman part is followed by a capital or nothing.
    if (value > 0 && (rest === '' || /^[\p{Lu}\d"“(]/u.test(rest))) {
      return { kind: 'part', label: roman.groups.label ?? '', numbers: [value], rest }
    }
  }
  const clause = CLAUSE_RE.exec(text)
  if (clause?.groups) {
    const label = clause.groups.label ?? ''
    const numbers = label.split('.').map(Number)
    if ((numbers.length > 1 || clause.groups.delim) && numbers.every((n) => n > 0)) {
      return { kind: 'clause', label, numbers, rest: clause.groups.rest ?? '' }
    }
  }
  const point = POINT_RE.exec(text)
  if (point?.groups) {
    const label = point.groups.label ?? ''
    const rank = (POINT_LETTERS as readonly string[]).indexOf(label)
    if (rank >= 0) return { kind: 'point', label, numbers: [rank + 1], rest: point.groups.rest ?? '' }
  }
  return null
}

/** True when a line opens with a numbering label. */
export function startsWithLabel(line: string): boolean {
  return parseLabel(line) !== null
}

/** The label expected after `label` in the same list ("d" → "đ", "3" → "4", "IV" → "V"). */
export function nextLabel(kind: LabelKind, numbers: number[]): string {
  const last = (numbers[numbers.length - 1] ?? 0) + 1
  if (kind === 'part') return toRoman(last)
  if (kind === 'point') return POINT_LETTERS[last - 1] ?? '?'
  return [...numbers.slice(0, -1), last].join('.')
}
