/** Dates in both printed forms: "ngày 09/11/2023" and "ngày 09 tháng 11 năm 2023", blanks allowed. */
import type { PlanDate } from '../../schemas/plan.js'

const NUMERIC = /ngày\s*(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})/u
// Blank parts ("ngày tháng năm 2024", "ngày   /   /2025") stay null.
const WORDS = /ngày\s*(?<d>\d{1,2})?\s*tháng\s*(?<m>\d{1,2})?\s*năm\s*(?<y>\d{4})?/u
const BLANK_NUMERIC = /ngày\s*(?<d>\d{1,2})?\s*\/\s*(?<m>\d{1,2})?\s*\/\s*(?<y>\d{4})/u

export interface FoundDate {
  date: PlanDate
  index: number
  text: string
}

/** Build a date, with `iso` only when year, month and day are all known and valid. */
export function makeDate(year: number | null, month: number | null, day: number | null): PlanDate {
  const validMonth = month !== null && month >= 1 && month <= 12 ? month : null
  const validDay = day !== null && day >= 1 && day <= 31 ? day : null
  const iso =
    year !== null && validMonth !== null && validDay !== null
      ? `${year}-${String(validMonth).padStart(2, '0')}-${String(validDay).padStart(2, '0')}`
      : null
  return { iso, year, month: validMonth, day: validDay }
}

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s))

/** The first date in `text` (either form), with where it starts. */
export function findDate(text: string): FoundDate | null {
  const candidates = [NUMERIC.exec(text), WORDS.exec(text), BLANK_NUMERIC.exec(text)].filter(
    (m): m is RegExpExecArray =>
      m !== null && m.groups !== undefined && (m.groups.y !== undefined || m.groups.m !== undefined),
  )
  candidates.sort((a, b) => a.index - b.index)
  const m = candidates[0]
  if (!m?.groups) return null
  return { date: makeDate(num(m.groups.y), num(m.groups.m), num(m.groups.d)), index: m.index, text: m[0] }
}
