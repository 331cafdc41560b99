/**
 * What each finding of `kh check` is and how much it matters: the one table of codes and severities.
 * Kept free of imports, so `kh check --help` prints it without loading the parsers.
 */

/** `off` findings are not reported at all. */
export type Severity = 'error' | 'warning' | 'off'

/** One code of the table. */
export interface CheckCode {
  /** Stable kebab-case id, printed last on every line. */
  code: string
  /** Severity while drafting (the default). */
  draft: Severity
  /** Severity with `--final`: the plan is about to be signed and issued. */
  final: Severity
  /** What the code finds, for `--help`. */
  about: string
}

/**
 * Errors make the plan wrong for its readers (a citation "điểm h" that matches nothing, an agency told to do
 * nothing); warnings are what a reviewer would ask about. A blank number and date are how every draft
 * looks (the clerk fills them in at issue), so they become errors only with `--final`.
 */
export const CHECK_CODES: readonly CheckCode[] = [
  {
    code: 'blank-number',
    draft: 'warning',
    final: 'error',
    about: 'the number line has no number ("Số: /KH-UBND")',
  },
  {
    code: 'blank-date',
    draft: 'warning',
    final: 'error',
    about: 'the place-and-date line lacks its day or month ("ngày tháng năm 2024")',
  },
  {
    code: 'label-sequence',
    draft: 'error',
    final: 'error',
    about: 'a numbered list jumps (d) to h), 2. to 4.); d) to e), with no đ), is accepted',
  },
  {
    code: 'label-duplicate',
    draft: 'error',
    final: 'error',
    about: 'a numbered list repeats a label (b) after b))',
  },
  {
    code: 'unresolved-crossref',
    draft: 'error',
    final: 'error',
    about: '"tại điểm c khoản 1 Mục III của Kế hoạch này" names a section the plan does not have',
  },
  {
    code: 'reference-date-mismatch',
    draft: 'warning',
    final: 'warning',
    about:
      'a cited document is dated in another year than its number says ("163/2024/QH15 ... ngày 27/11/2025"): a slip in one or the other',
  },
  {
    code: 'agency-without-task',
    draft: 'error',
    final: 'error',
    about: 'a clause of the implementation part names agencies and gives them nothing to do',
  },
  {
    code: 'deadline-undated',
    draft: 'warning',
    final: 'warning',
    about:
      'a report is required ("báo cáo kết quả", "báo cáo tình hình", "báo cáo ... định kỳ/hằng năm") in the implementation, reporting or timeline part, and its clause gives no date; conditional ("nếu ...") and ad-hoc ("đột xuất", "khi có yêu cầu") reports are exempt',
  },
  {
    code: 'deadline-incomplete',
    draft: 'warning',
    final: 'warning',
    about:
      'a deadline cannot be put on a calendar: a one-off date or quarter without its year ("trước ngày 15/12", "trong Quý II"); recurring ones ("hằng năm", "hằng tháng") need no year',
  },
  {
    code: 'legacy-encoding-converted',
    draft: 'warning',
    final: 'warning',
    about: 'the file is in a legacy encoding (TCVN3, VNI, Windows-1258); save it as Unicode (TCVN 6909)',
  },
  {
    code: 'rejoined-page-break',
    draft: 'off',
    final: 'off',
    about:
      'a sentence split by a page break, or by a wrapped line that looked like a new paragraph or bullet: an artefact of conversion, not of drafting (kh extract --verbose lists it)',
  },
  {
    code: 'unreadable-file',
    draft: 'error',
    final: 'error',
    about: 'the file cannot be read or extracted; the other files are still checked',
  },
]

/** A code kh learns after this table was written is reported, as a warning. */
const UNLISTED: Severity = 'warning'

const BY_CODE = new Map(CHECK_CODES.map((c) => [c.code, c]))

/** The severity of a code, while drafting or (`final`) for a plan about to be issued. */
export function severityOf(code: string, final: boolean): Severity {
  const entry = BY_CODE.get(code)
  if (!entry) return UNLISTED
  return final ? entry.final : entry.draft
}
