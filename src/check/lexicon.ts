/** Words the `kh check` rules read: what makes a clause a reporting obligation, and what excuses it from a date. */
import { MONTHLY, QUARTERLY, YEARLY } from '../lexicon/dates.js'

/** The verb of a reporting obligation. */
export const REPORT_VERB = 'báo cáo'

/** What a report is of, right after the verb: "báo cáo kết quả", "báo cáo tình hình", "báo cáo định kỳ". */
export const REPORT_OBJECTS = ['kết quả', 'tình hình', 'tiến độ', 'định kỳ', 'đánh giá', 'sơ kết', 'tổng kết']

/** Words that make a report recur, anywhere after the verb in its clause: it then needs its date. */
export const PERIODIC_WORDS = [...YEARLY, ...QUARTERLY, ...MONTHLY, 'định kỳ', '6 tháng', 'sáu tháng']

/** Words after the verb that make "báo cáo" a document's name, not an obligation ("Báo cáo số 12/BC-UBND"). */
export const REPORT_NOUN_AFTER = ['số']

/** Reports that have no date on purpose: conditional, ad hoc or on request. */
export const UNDATED_ON_PURPOSE = ['nếu', 'trường hợp', 'đột xuất', 'khi có yêu cầu', 'theo yêu cầu']

/** Roles of the parts where reports are required and dated. */
export const SCHEDULE_ROLES = ['implementation', 'reporting', 'timeline'] as const
