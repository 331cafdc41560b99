/** Verbs: task roles, request words, words that end an agency name, and the actions of deadlines. */

/** What a task opening with the verb makes its agency do ("Chủ trì, phối hợp ..." leads). */
export const ROLE_VERBS: readonly [string, 'lead' | 'coordinate'][] = [
  ['chủ trì', 'lead'],
  ['phối hợp', 'coordinate'],
]

/** Words before the agencies a task works with: "phối hợp chặt chẽ với X, Y và Z". */
export const PARTNER_OPENERS = [
  'phối hợp chặt chẽ với',
  'phối hợp chặt chẽ cùng',
  'phối hợp chặt chẽ',
  'phối hợp với',
  'phối hợp cùng',
  'phối hợp',
]

/**
 * Words between a partner opener and the force they name, which are no agency of their own: "phối hợp chặt chẽ
 * lực lượng Công an thành phố", "phối hợp với cơ quan Công an"; passed over only before one of PARTNER_FORCES
 * ("cơ quan Trung ương" is a group, "cơ quan báo chí" the press).
 */
export const PARTNER_FILLERS = ['các lực lượng', 'lực lượng', 'cơ quan']

/** The forces a partner filler may stand before. */
export const PARTNER_FORCES = ['Công an', 'Quân sự', 'Bộ Chỉ huy', 'Bộ đội', 'Cảnh sát']

/**
 * Phrases a task may open with before its verb ("Trên cơ sở đề xuất của các sở, ngành, chủ trì tổng hợp ...",
 * "Là cơ quan thường trực, chủ trì tham mưu ..."): the role verb after them still sets the task's role.
 */
export const TASK_OPENINGS = ['Căn cứ', 'Trên cơ sở', 'Là cơ quan']

/** Clause openers for bodies the issuer asks rather than directs. */
export const REQUEST_WORDS = ['Kính đề nghị', 'Đề nghị']

/** Clause openers that assign a task to the agency after them. */
export const ASSIGN_WORDS = ['Giao cho', 'Giao']

/** Words that join agencies of one list ("X, Y và Z", "X cùng Y"). */
export const LIST_JOINERS = ['và', 'cùng', 'với']

/**
 * Lower-case words that cannot continue an agency name: verbs and function words. A name such as
 * "Sở Nội vụ" takes the lower-case syllable after a capitalized one ("vụ"), unless it is one of these.
 */
export const NAME_STOPS = [
  'chủ trì',
  'phối hợp',
  'tham mưu',
  'xây dựng',
  'hướng dẫn',
  'triển khai',
  'thực hiện',
  'tổ chức',
  'báo cáo',
  'chỉ đạo',
  'theo dõi',
  'chịu trách nhiệm',
  'có trách nhiệm',
  'ban hành',
  'vận động',
  'tăng cường',
  'căn cứ',
  'đề xuất',
  'đề nghị',
  'định hướng',
  'kiểm tra',
  'tiếp tục',
  'rà soát',
  'bố trí',
  'tổng hợp',
  'đôn đốc',
  'nghiên cứu',
  'cân đối',
  'thẩm định',
  'đẩy mạnh',
  'phê duyệt',
  'quản lý',
  'xem xét',
  'lựa chọn',
  'phát động',
  'phổ biến',
  'tuyên truyền',
  'hỗ trợ',
  'đánh giá',
  'giám sát',
  'chủ động',
  'tích cực',
  'khẩn trương',
  'nghiêm túc',
  'thường xuyên',
  'định kỳ',
  'sơ kết',
  'tổng kết',
  'yêu cầu',
  'bảo đảm',
  'đảm bảo',
  'phát huy',
  'nâng cao',
  'bổ sung',
  'kiện toàn',
  'thành lập',
  'hoàn thành',
  'cung cấp',
  'công bố',
  'ứng dụng',
  'thu hút',
  'trình',
  'gửi',
  'đạt',
  'nêu',
  'giao',
  'cử',
  'làm',
  'là',
  'được',
  'đã',
  'sẽ',
  'cần',
  'phải',
  'và',
  'với',
  'của',
  'về',
  'để',
  'do',
  'như',
  'nhằm',
  'trong',
  'tại',
  'theo',
  'trên',
  'các',
  'có',
  'cùng',
  'qua',
  'cho',
]

/** Paragraph openers of the closing formula, which is not a task ("Trong quá trình tổ chức thực hiện, nếu có khó khăn ..."). */
export const CLOSING_OPENERS = ['Trong quá trình', 'Quá trình triển khai']

/** The issuer's own closing verb after its name ("Ủy ban nhân dân tỉnh yêu cầu ..."). */
export const CLOSING_VERBS = ['yêu cầu']

/** Actions that make a dated phrase an obligation; a bare year needs one of these in its clause. */
export const DEADLINE_ACTIONS = [
  'sơ kết',
  'tổng kết',
  'báo cáo',
  'hoàn thành',
  'ban hành',
  'trình',
  'gửi',
  'nộp',
  'phê duyệt',
  'tổng hợp',
  'đánh giá',
  'khen thưởng',
]

/** Words that carry a report to its recipient: "báo cáo ... gửi về Sở Giáo dục và Đào tạo", "(qua Công an thành phố)". */
export const RECIPIENT_OPENERS = ['gửi về', 'gửi đến', 'gửi cho', 'gửi', 'về', 'lên', 'cho', 'qua']

/** Words after which an agency is an object, not the one who acts ("tham mưu Ủy ban nhân dân tỉnh", "của Bộ"). */
export const OBJECT_LEADS = ['của', 'tham mưu', 'đề xuất', 'do', 'theo', 'với']

/** Words that end an action's phrase: its purpose or its basis ("báo cáo ... để tổng hợp"). */
export const ACTION_ENDS = ['để', 'nhằm', 'theo']

/** Actions whose object is the recipient: "báo cáo Ủy ban nhân dân tỉnh", "trình Hội đồng nhân dân". */
export const REPORT_VERBS = ['báo cáo', 'trình']

/** Nouns that contain an action word and are not actions: "Chương trình", "quy trình", "trình độ". */
export const ACTION_LOOKALIKES = [
  'chương trình',
  'quy trình',
  'tờ trình',
  'lộ trình',
  'công trình',
  'tiến trình',
  'giáo trình',
  'hành trình',
  'trình độ',
  'trình tự',
]

/** The longest gap, in words, between an action and its date: farther apart, the date belongs to something else. */
export const MAX_ACTION_GAP = 20

/** Nouns of titles ("Chiến lược ... đến năm 2025", "Chương trình ... đến năm 2030"): a year after one is its horizon. */
export const TITLE_NOUNS = [
  'Chương trình',
  'Chiến lược',
  'Quy hoạch',
  'Đề án',
  'Dự án',
  'Kế hoạch',
  'Nghị quyết',
  'Quyết định',
  'Chỉ thị',
  'Kết luận',
  'Luật',
  'Thông tư',
  'Nghị định',
  'Cuộc vận động',
]

/** Relation words that give a horizon rather than a deadline when a title comes before them ("đến năm 2030"). */
export const HORIZON_LEADS = ['đến', 'đến hết', 'tới']

/** Verbs by which one body directs others: the agencies after them act ("Ủy ban nhân dân tỉnh yêu cầu các sở ..."). */
export const DIRECTIVE_VERBS = ['yêu cầu', 'đề nghị', 'giao']

/** Words before "ngày" that make a dated phrase a deadline rather than a citation's date ("Quyết định ... ngày 09/11/2023"). */
export const DATE_LEADS = [
  'trước',
  'chậm nhất',
  'chậm nhất là',
  'hạn chót',
  'vào',
  'đến',
  'đến hết',
  'trong',
  'xong',
  'là',
]

/** Words before a year that make it a period, not a deadline: "giai đoạn 2023-2030", "tầm nhìn đến năm 2045". */
export const PERIOD_LEADS = ['giai đoạn', 'tầm nhìn đến', 'tầm nhìn', 'niên độ', 'khóa']

/** Labels of a task's time in task lists ("- Thời gian thực hiện: Năm 2026"): the date after one is a deadline. */
export const TIME_LABELS = [
  'Thời gian thực hiện',
  'Thời gian hoàn thành',
  'Thời hạn hoàn thành',
  'Thời hạn thực hiện',
  'Thời hạn',
  'Tiến độ hoàn thành',
  'Tiến độ thực hiện',
]

/** Words after a date that make it the start of ongoing work, not a deadline ("Năm 2025 và các năm tiếp theo"). */
export const ONGOING_AFTER = ['và các năm tiếp theo', 'và những năm tiếp theo', 'và các năm sau', 'trở đi']
