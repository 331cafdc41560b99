/** Agency vocabulary: head words, abbreviations, locality words and generic group nouns. */
import type { Level } from '../../schemas/plan.js'

/** Party committees: after a board's name they say where it sits ("Ban Tuyên giáo Tỉnh ủy"). */
export const PARTY_COMMITTEES: readonly [string, Level | 'city'][] = [
  ['Tỉnh ủy', 'province'],
  ['Tỉnh Ủy', 'province'],
  ['Thành ủy', 'city'],
  ['Thành Ủy', 'city'],
  ['Huyện ủy', 'district'],
  ['Huyện Ủy', 'district'],
  ['Quận ủy', 'district'],
  ['Quận Ủy', 'district'],
  ['Thị ủy', 'district'],
  ['Thị Ủy', 'district'],
]

/** The youth union of a place, by the word for it ("Tỉnh đoàn", "Huyện Đoàn"), and the level it gives. */
export const YOUTH_UNIONS: readonly [string, Level | 'city'][] = [
  ['Tỉnh đoàn', 'province'],
  ['Tỉnh Đoàn', 'province'],
  ['Thành đoàn', 'city'],
  ['Thành Đoàn', 'city'],
  ['Huyện đoàn', 'district'],
  ['Huyện Đoàn', 'district'],
  ['Quận đoàn', 'district'],
  ['Quận Đoàn', 'district'],
  ['Thị đoàn', 'district'],
  ['Thị Đoàn', 'district'],
]

/** Key of every youth union, whatever its level: the key of its full name, "Đoàn Thanh niên Cộng sản Hồ Chí Minh". */
export const YOUTH_UNION_KEY = 'doan-thanh-nien-cong-san-ho-chi-minh'

/**
 * Heads that name a whole body on their own: "Ủy ban nhân dân tỉnh", "UBND", "Chính phủ".
 * Written with tone marks in one placement (`canonicalTones`): the text is matched after the same step.
 */
export const NAMED_HEADS = [
  // One office since 2021, whose name has a "và" before a head of its own: not two agencies.
  'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân',
  'Văn phòng Đoàn đại biểu Quốc hội và HĐND',
  'Văn phòng Đoàn ĐBQH và HĐND',
  // A district's one office of both councils: "Văn phòng HĐND và UBND thành phố".
  'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân',
  'Văn phòng HĐND và UBND',
  'Ủy ban nhân dân',
  'UBND',
  'Hội đồng nhân dân',
  'HĐND',
  'Ủy ban Mặt trận Tổ quốc Việt Nam',
  'UBMTTQVN',
  'UBMTTQ',
  'Mặt trận Tổ quốc Việt Nam',
  'MTTQVN',
  'Liên đoàn Lao động',
  'LĐLĐ',
  // Mass organizations shortened as a whole, head and all: "HLHPN huyện", "HCCB tỉnh".
  'HLHPN',
  'HCCB',
  'Thủ tướng Chính phủ',
  'Chính phủ',
  'Quốc hội',
  'Bộ Chính trị',
  'Ban Bí thư',
  // A party committee's inspection commission, often written in lower case: "Ủy ban kiểm tra Huyện ủy".
  'Ủy ban Kiểm tra',
  'Ủy ban kiểm tra',
  ...PARTY_COMMITTEES.map(([word]) => word),
  // The youth union of a province, a city or a district: a body without a name after it ("Tỉnh đoàn phối hợp").
  ...YOUTH_UNIONS.map(([word]) => word),
  'Bảo hiểm xã hội',
  'BHXH',
  'Viện kiểm sát nhân dân',
  'Tòa án nhân dân',
  'Bộ Chỉ huy Quân sự',
  'Bộ đội Biên phòng',
  'Ban Quản lý',
  'Ban quản lý',
  'Kho bạc Nhà nước',
  'Kho bạc nhà nước',
  'Ngân hàng Nhà nước',
  'Ngân hàng nhà nước',
  'Kiểm toán Nhà nước',
  'Kiểm toán nhà nước',
]

/**
 * Heads that need a name or a locality after them: "Sở" + "Nội vụ", "Hội" + "Khuyến học", "Công an" + "tỉnh".
 * Without one they are ordinary words ("Báo cáo", "Ban hành", "Hội nghị", "Phòng, chống", "Trường hợp").
 */
export const GENERIC_HEADS = [
  'Sở',
  'Phòng',
  'Bộ',
  'ngành',
  'Ngành',
  'Ủy ban',
  'Hội đồng',
  'Hội',
  'Hiệp hội',
  'Liên hiệp các Hội',
  'Liên hiệp',
  'Ban',
  'Báo',
  'Đài',
  'Trung tâm',
  'Đoàn',
  'Công an',
  'Văn phòng',
  'Thanh tra',
  'Kho bạc',
  'Tổng cục',
  'Chi cục',
  'Cục',
  'Ngân hàng',
  'Trường',
  'Viện',
  'Bệnh viện',
  'Chi nhánh',
  'Tổng Công ty',
  'Công ty',
  'Bưu điện',
  'Thuế',
  'Hải quan',
  'Ban Chỉ huy',
]

/** Heads whose name goes on in lower case up to a verb: "Ban Quản lý các khu công nghệ cao và khu công nghiệp". */
export const DESCRIPTIVE_HEADS = ['Ban Quản lý', 'Ban quản lý']

/** Level words that open a name and are left out of its key: "Sở"/"Phòng" differ only by level. */
export const LEVEL_WORDS: Record<string, Level> = {
  Sở: 'province',
  Phòng: 'district',
  Bộ: 'national',
  ngành: null,
  Ngành: null,
}

/** Heads whose name is a portfolio, a field of government: "Sở" + "Giáo dục và Đào tạo". */
export const PORTFOLIO_HEADS = ['Sở', 'Phòng', 'Bộ']

/**
 * The portfolios of provincial departments (Sở), district offices (Phòng) and ministries (Bộ) as they
 * are officially written, those of before the 2025 mergers and after. Texts drop their commas, "và" and
 * capitals ("Sở Văn hoá Thể thao du lịch", "Phòng Giáo dục Đào tạo"); a name that is one of these
 * written loosely is read as it, so that it is whole and shares the key of its exact spelling.
 */
export const PORTFOLIOS = [
  'Nội vụ',
  'Tư pháp',
  'Kế hoạch và Đầu tư',
  'Tài chính',
  'Tài chính - Kế hoạch',
  'Công Thương',
  'Nông nghiệp và Phát triển nông thôn',
  'Nông nghiệp và Môi trường',
  'Giao thông vận tải',
  'Xây dựng',
  'Tài nguyên và Môi trường',
  'Thông tin và Truyền thông',
  'Lao động - Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch',
  'Văn hóa và Thể thao',
  'Văn hóa và Thông tin',
  'Văn hóa, Khoa học và Thông tin',
  'Khoa học và Công nghệ',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Ngoại vụ',
  'Dân tộc và Tôn giáo',
  'Kinh tế',
  'Kinh tế - Hạ tầng',
  'Kinh tế, Hạ tầng và Đô thị',
  'Quản lý đô thị',
]

/**
 * Portfolios of ministries alone: "các Bộ: Công an, Quốc phòng". Never of a Sở or a Phòng, so that "Sở Tư pháp,
 * Công an tỉnh" stays two names.
 */
export const MINISTRY_PORTFOLIOS = ['Công an', 'Quốc phòng', 'Ngoại giao']

/** Heads that always start a new name, even with no comma or "và" before them ("Sở KH&CN Sở Công Thương"). */
export const BREAKING_HEADS = ['Sở', 'Phòng']

/** Abbreviations and their expansions, matched as whole tokens. */
export const ABBREVIATIONS: readonly [string, string][] = [
  ['UBND', 'Ủy ban nhân dân'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['ĐBQH', 'đại biểu Quốc hội'],
  ['UBMTTQVN', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  ['UBMTTQ VN', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  ['UBMTTQ', 'Ủy ban Mặt trận Tổ quốc'],
  ['MTTQVN', 'Mặt trận Tổ quốc Việt Nam'],
  ['MTTQ', 'Mặt trận Tổ quốc'],
  ['LĐLĐ', 'Liên đoàn Lao động'],
  ['BHXH', 'Bảo hiểm xã hội'],
  ['GD&ĐT', 'Giáo dục và Đào tạo'],
  ['GD-ĐT', 'Giáo dục và Đào tạo'],
  ['GDĐT', 'Giáo dục và Đào tạo'],
  ['BGDĐT', 'Bộ Giáo dục và Đào tạo'],
  ['TT&TT', 'Thông tin và Truyền thông'],
  ['TTTT', 'Thông tin và Truyền thông'],
  ['KH&CN', 'Khoa học và Công nghệ'],
  ['KHCN', 'Khoa học và Công nghệ'],
  ['KH&ĐT', 'Kế hoạch và Đầu tư'],
  ['KHĐT', 'Kế hoạch và Đầu tư'],
  ['VH,TT&DL', 'Văn hóa, Thể thao và Du lịch'],
  ['VHTT&DL', 'Văn hóa, Thể thao và Du lịch'],
  ['VH-TT-DL', 'Văn hóa, Thể thao và Du lịch'],
  ['VHTTDL', 'Văn hóa, Thể thao và Du lịch'],
  ['VH&TT', 'Văn hóa và Thông tin'],
  ['VH-TT', 'Văn hóa và Thông tin'],
  ['VHTT', 'Văn hóa và Thông tin'],
  ['LĐ-TB&XH', 'Lao động - Thương binh và Xã hội'],
  ['LĐTB&XH', 'Lao động - Thương binh và Xã hội'],
  ['LĐTBXH', 'Lao động - Thương binh và Xã hội'],
  ['LĐ-TBXH', 'Lao động - Thương binh và Xã hội'],
  ['NN&PTNT', 'Nông nghiệp và Phát triển nông thôn'],
  ['NNPTNT', 'Nông nghiệp và Phát triển nông thôn'],
  ['NN&MT', 'Nông nghiệp và Môi trường'],
  ['TN&MT', 'Tài nguyên và Môi trường'],
  ['TNMT', 'Tài nguyên và Môi trường'],
  ['TN-MT', 'Tài nguyên và Môi trường'],
  ['KT&HT', 'Kinh tế và Hạ tầng'],
  ['KT-HT', 'Kinh tế và Hạ tầng'],
  ['QLĐT', 'Quản lý đô thị'],
  // Mass organizations and others, as their names are shortened: "Hội LHPN", "Đoàn TNCS Hồ Chí Minh", "Ban CHQS".
  ['HLHPN', 'Hội Liên hiệp Phụ nữ'],
  ['LHPN', 'Liên hiệp Phụ nữ'],
  ['HCCB', 'Hội Cựu chiến binh'],
  ['CCB', 'Cựu chiến binh'],
  ['TNCS', 'Thanh niên Cộng sản'],
  // "Đoàn TN huyện": the youth union (only names are expanded, so a "TN" of running text is left alone).
  ['TN', 'Thanh niên'],
  ['CHQS', 'Chỉ huy Quân sự'],
  ['GDNN-GDTX', 'Giáo dục nghề nghiệp - Giáo dục thường xuyên'],
  ['GDNN', 'Giáo dục nghề nghiệp'],
  ['GDTX', 'Giáo dục thường xuyên'],
  ['GTVT', 'Giao thông vận tải'],
  ['TC-KH', 'Tài chính - Kế hoạch'],
  ['VP', 'Văn phòng'],
  ['TW', 'Trung ương'],
  ['TP.', 'thành phố'],
  ['TP', 'thành phố'],
]

/** Administrative unit words after a name ("tỉnh", "thành phố Vũng Tàu") and the level they give it. */
export const UNIT_WORDS: readonly [string, Level | 'city'][] = [
  ['tỉnh', 'province'],
  ['Tỉnh', 'province'],
  ['thành phố', 'city'],
  ['Thành phố', 'city'],
  ['TP.', 'city'],
  ['TP', 'city'],
  ['huyện', 'district'],
  ['quận', 'district'],
  ['thị xã', 'district'],
  ['thị trấn', 'commune'],
  ['đặc khu', 'commune'],
  ['phường', 'commune'],
  ['xã', 'commune'],
]

/**
 * Words of a numbered region, after which central agencies name their branches since 2025 ("Kho bạc Nhà nước
 * khu vực XI", "Chi cục Hải quan khu vực XIX", "Ngân hàng Nhà nước khu vực 8", "Thuế cơ sở 3"). With its
 * numeral (Roman or Arabic) the region is a place, like a locality: left out of the key, so that the
 * branches of every region share it.
 */
export const REGION_WORDS = ['khu vực', 'cơ sở']

/** Key shared by every party committee, whatever its level. */
export const PARTY_COMMITTEE_KEY = 'cap-uy'

/** "cấp tỉnh", "các cấp": a level named by the word "cấp". */
export const TIER_WORDS: readonly [string, Level | 'city'][] = [
  ['cấp tỉnh', 'province'],
  ['cấp thành phố', 'city'],
  ['cấp huyện', 'district'],
  ['cấp xã', 'commune'],
  ['cấp cơ sở', 'commune'],
  ['các cấp', null],
  ['cùng cấp', null],
]

/** Words that make a name national when no lower locality follows ("Hội Khuyến học Việt Nam", "Bộ Nội vụ"). */
export const NATIONAL_WORDS = [
  'Việt Nam',
  'Trung ương',
  'Chính phủ',
  'Thủ tướng',
  'Quốc hội',
  'Ban Bí thư',
  'Bộ Chính trị',
]

/** Place names that end a key like a locality does. */
export const NATIONAL_PLACES = ['Việt Nam', 'Trung ương']

/** Lower-case words that continue a name ("Phát triển nông thôn", "Ngân hàng Chính sách xã hội", "khu vực XIX"). */
export const LOWER_TAILS = [
  'nông thôn',
  'nhân dân',
  'xã hội',
  'vận tải',
  'khu vực',
  'khu',
  'đại biểu',
  'nhà nước',
  // "Ban Đại diện cha mẹ học sinh", "Trung tâm Dịch vụ việc làm".
  'cha mẹ học sinh',
  'việc làm',
  // Mass organizations: "Hội Cựu chiến binh", "Hội Người cao tuổi", "Hội Chữ thập đỏ", "Hội Cựu giáo chức",
  // "Hội Cựu thanh niên xung phong".
  'chiến binh',
  'cao tuổi',
  'thập đỏ',
  'giáo chức',
  'thanh niên xung phong',
  // "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên": "thường xuyên" alone is "regularly".
  'nghề nghiệp - Giáo dục thường xuyên',
  'nghề nghiệp',
  'quỹ đất',
]

/**
 * Nouns of generic groups: "các sở, ban, ngành", "các cơ quan, đơn vị liên quan". A group is an agency in
 * lists and clause headings, with no level.
 */
export const GROUP_NOUNS = [
  'sở',
  'ban',
  'ngành',
  'cơ quan thông tấn, báo chí',
  'cơ quan thông tấn báo chí',
  'cơ quan báo chí',
  'cơ quan ngang bộ',
  'cơ quan ngang Bộ',
  'cơ quan',
  'đơn vị',
  'cơ sở giáo dục nghề nghiệp',
  'cơ sở giáo dục',
  'trường học',
  'nhà trường',
  'đoàn thể',
  'địa phương',
  'tổ chức chính trị - xã hội',
  'tổ chức chính trị-xã hội',
  'tổ chức chính trị xã hội',
  'tổ chức xã hội - nghề nghiệp',
  'tổ chức xã hội nghề nghiệp',
  'tổ chức xã hội',
  'tổ chức',
  'hội',
  'doanh nghiệp',
]

/**
 * Nouns of a group only at the head of a list of nouns ("các Bộ, ngành Trung ương", "Bộ, ngành, địa phương"):
 * alone they are ordinary words ("các bộ phận", "bộ tiêu chí").
 */
export const GROUP_LIST_NOUNS = ['bộ']

/**
 * Levels of school after "trường", one or a list of them: "các trường mầm non, tiểu học, THCS", "các trường
 * đại học, cao đẳng". Not "trường" alone ("các trường hợp"), nor a level alone ("giáo dục mầm non, tiểu học").
 */
export const SCHOOL_LEVELS = [
  'mầm non',
  'mẫu giáo',
  'tiểu học',
  'trung học cơ sở',
  'trung học phổ thông',
  'phổ thông dân tộc nội trú',
  'phổ thông',
  'THCS',
  'THPT',
  'PTDTNT',
  'đại học',
  'cao đẳng',
]

/**
 * Nouns that open a group of departments ("sở, ban, ngành", "bộ, ngành"). After the nouns of another group
 * they open one of their own: "Doanh nghiệp, Sở, ban, ngành có liên quan" is the enterprises and the
 * departments, two groups.
 */
export const DEPARTMENT_NOUNS = ['sở', 'bộ']

/**
 * Group nouns that name their actors without "các": "kết hợp với cơ quan báo chí tuyên truyền", "Sở Tư pháp, cơ
 * quan thông tấn báo chí và Ủy ban nhân dân xã". Unlike "cơ quan" or "đơn vị" alone, never an ordinary word.
 */
export const STANDALONE_GROUP_NOUNS = [
  'cơ quan báo chí',
  'cơ quan thông tấn báo chí',
  'cơ quan thông tấn, báo chí',
]

/** Nouns that open a group only after "các" ("các hội"): alone they are ordinary words ("xã hội", "ban hành"). */
export const WEAK_GROUP_NOUNS = ['hội', 'ban', 'tổ chức']

/**
 * Words that end a group: "các sở, ban, ngành có liên quan", "các đơn vị liên quan", "các Bộ, ngành Trung ương",
 * "các tổ chức thành viên".
 */
export const GROUP_TAILS = ['có liên quan', 'liên quan', 'Trung ương', 'trung ương', 'thành viên']

/**
 * Group nouns narrowed by a lower-case qualifier after them, which is part of the group's name and key: "các
 * doanh nghiệp viễn thông" (doanh-nghiep-vien-thong), "các doanh nghiệp đầu tư hạ tầng".
 */
export const QUALIFIED_GROUP_NOUNS = ['doanh nghiệp']

/**
 * Lower-case words that are no qualifier of a group, besides the verbs and function words that end a name:
 * "các doanh nghiệp này", "các doanh nghiệp khác", "các doanh nghiệp cũng cần", "các doanh nghiệp tham gia".
 */
export const QUALIFIER_STOPS = [
  'này',
  'đó',
  'khác',
  'nói trên',
  'cũng',
  'đều',
  'không',
  'chưa',
  'còn',
  'vẫn',
  'đang',
  'luôn',
  'nên',
  'mới',
  'tham gia',
  'đăng ký',
  'nộp',
  'sử dụng',
  'áp dụng',
  'chấp hành',
  'tuân thủ',
  'cam kết',
  'đóng góp',
  'ủng hộ',
  'hưởng ứng',
]

/** Words between a group and its locality: "các tổ chức xã hội trên địa bàn tỉnh", "các sở, ngành của thành phố". */
export const GROUP_PLACE_LEADS = ['trên địa bàn', 'của', 'thuộc']

/** Titles of a body's head that stand for the body in a clause ("Thủ trưởng các sở, ban, ngành ..."). */
export const HEAD_OF_TITLES = ['Thủ trưởng', 'Giám đốc', 'Lãnh đạo', 'Chủ tịch', 'Người đứng đầu']
