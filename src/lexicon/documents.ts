/** Document kinds, their symbols, issuers' levels and signature words. */

/** Kind words as printed before a cited document's number. */
export const DOC_KINDS = [
  'Quyết định',
  'Kế hoạch',
  'Thông tư liên tịch',
  'Thông tư',
  'Kết luận',
  'Nghị quyết',
  'Nghị định',
  'Chỉ thị',
  'Luật',
  'Công văn',
  'Văn bản',
  'Hướng dẫn',
  'Đề án',
  'Chương trình',
  'Thông báo',
  'Quy định',
  'Công điện',
  'Báo cáo',
  'Tờ trình',
  'Pháp lệnh',
] as const

/** Kind from the symbol's first part when the text names no kind: "KH-UBND" → Kế hoạch. */
export const SYMBOL_KINDS: Record<string, string> = {
  KH: 'Kế hoạch',
  QĐ: 'Quyết định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  KL: 'Kết luận',
  NQ: 'Nghị quyết',
  NĐ: 'Nghị định',
  CT: 'Chỉ thị',
  CV: 'Công văn',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  QH: 'Luật',
  CĐ: 'Công điện',
  BC: 'Báo cáo',
  ĐA: 'Đề án',
  CTr: 'Chương trình',
}

/**
 * Issuers a symbol names by itself, by its last part ("1315/QĐ-TTg" → Thủ tướng Chính phủ, "163/2024/QH15" →
 * Quốc hội, with its term's number): only those of one body whatever the province.
 */
export const SYMBOL_ISSUERS: Record<string, string> = {
  TTg: 'Thủ tướng Chính phủ',
  CP: 'Chính phủ',
  QH: 'Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  CTN: 'Chủ tịch nước',
}

/** Centrally-run cities: a "thành phố" of province level. */
export const CENTRAL_CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế']

/** Unit words of a committee's name and the level they give it. */
export const UNIT_LEVELS: readonly [string, 'province' | 'district' | 'commune'][] = [
  ['tỉnh', 'province'],
  ['thành phố', 'district'],
  ['huyện', 'district'],
  ['quận', 'district'],
  ['thị xã', 'district'],
  ['thị trấn', 'commune'],
  ['xã', 'commune'],
  ['phường', 'commune'],
  ['đặc khu', 'commune'],
]

/** Signature words: authority (TM.), signing for (KT., Q., TL., TUQ.), and office titles. */
export const SIGN_PREFIXES = ['TM', 'KT', 'TL', 'TUQ', 'Q']
export const OFFICE_TITLES = [
  'Phó Chủ tịch Thường trực',
  'Phó Chủ tịch',
  'Chủ tịch',
  'Phó Giám đốc',
  'Giám đốc',
  'Phó Trưởng ban',
  'Trưởng ban',
  'Phó Chánh Văn phòng',
  'Chánh Văn phòng',
  'Ủy viên',
]

/** Words that open a legal-basis paragraph of the preamble. */
export const BASIS_OPENERS = ['Căn cứ', 'Tiếp theo', 'Thực hiện', 'Theo', 'Triển khai']
