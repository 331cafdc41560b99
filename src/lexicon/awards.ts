/** Award vocabulary. */
import type { Occasion } from '../../schemas/plan.js'

/** Words that open an award form's name. */
export const AWARD_HEADS = [
  'Huân chương',
  'Huy chương',
  'Bằng khen',
  'Giấy khen',
  'Cờ thi đua',
  'Danh hiệu',
  'Chiến sĩ thi đua',
  'Kỷ niệm chương',
  'Giấy chứng nhận',
]

/** Occasion words; matched after folding, so "hàng năm" and "hằng năm" both count. */
export const OCCASIONS: readonly [string, Occasion][] = [
  ['sơ kết', 'interim'],
  ['tổng kết', 'final'],
  ['hằng năm', 'annual'],
  ['hàng năm', 'annual'],
]
