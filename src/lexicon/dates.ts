/** Date and period words. */

/** "hằng năm" and "hàng năm" (both spellings occur): every year. */
export const YEARLY = ['hằng năm', 'hàng năm']
export const MONTHLY = ['hằng tháng', 'hàng tháng']
export const QUARTERLY = ['hằng quý', 'hàng quý']
/** "định kỳ" (both spellings): a report that recurs; a day and month it names come every year. */
export const PERIODIC = ['định kỳ', 'định kì']

/** Words before a date that say how the date binds, longest first when built into a regex. */
export const RELATIONS: readonly [string, 'before' | 'by' | 'on' | 'in'][] = [
  ['trước ngày', 'before'],
  ['chậm nhất ngày', 'by'],
  ['chậm nhất vào ngày', 'by'],
  ['chậm nhất trước ngày', 'before'],
  ['chậm nhất là ngày', 'by'],
  ['chậm nhất', 'by'],
  ['hạn chót', 'by'],
  ['trước', 'by'],
  ['đến', 'by'],
  // "đến ngày 31/7/2025": until that day, not on it.
  ['đến ngày', 'by'],
  ['đến hết ngày', 'by'],
  ['hoàn thành trong', 'in'],
  ['trong', 'in'],
  ['vào', 'in'],
  ['vào ngày', 'on'],
  ['ngày', 'on'],
]

export const ROMAN_QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 }
