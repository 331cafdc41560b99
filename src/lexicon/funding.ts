/** Funding source kinds and the words that name them. */
export const FUNDING_SOURCES: readonly [string, readonly string[]][] = [
  [
    'state-budget',
    [
      'ngân sách nhà nước',
      'ngân sách trung ương',
      'ngân sách địa phương',
      'ngân sách tỉnh',
      'ngân sách cấp',
      'dự toán được giao',
      'dự toán ngân sách',
      'phân cấp ngân sách',
    ],
  ],
  ['integrated-programmes', ['lồng ghép']],
  ['sponsorship', ['tài trợ', 'đóng góp', 'xã hội hóa', 'xã hội hoá', 'huy động']],
  ['other-lawful', ['nguồn kinh phí hợp pháp', 'nguồn hợp pháp', 'nguồn tài trợ hợp pháp', 'hợp pháp khác']],
  ['agency-budget', ['kinh phí thường xuyên', 'kinh phí chi thường xuyên', 'dự toán của cơ quan']],
]
