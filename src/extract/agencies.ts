/** Agency names: find them in text, split lists of them, and give each its canonical name, key and level. */
import type { Agency, Level } from '../../schemas/plan.js'
import {
  ABBREVIATIONS,
  BREAKING_HEADS,
  DEPARTMENT_NOUNS,
  DESCRIPTIVE_HEADS,
  GENERIC_HEADS,
  GROUP_LIST_NOUNS,
  GROUP_NOUNS,
  GROUP_PLACE_LEADS,
  GROUP_TAILS,
  HEAD_OF_TITLES,
  LEVEL_WORDS,
  LOWER_TAILS,
  MINISTRY_PORTFOLIOS,
  NAMED_HEADS,
  NATIONAL_PLACES,
  NATIONAL_WORDS,
  PARTY_COMMITTEE_KEY,
  PARTY_COMMITTEES,
  PORTFOLIO_HEADS,
  PORTFOLIOS,
  QUALIFIED_GROUP_NOUNS,
  QUALIFIER_STOPS,
  REGION_WORDS,
  SCHOOL_LEVELS,
  STANDALONE_GROUP_NOUNS,
  TIER_WORDS,
  UNIT_WORDS,
  WEAK_GROUP_NOUNS,
  YOUTH_UNION_KEY,
  YOUTH_UNIONS,
} from '../lexicon/agencies.js'
import { CENTRAL_CITIES } from '../lexicon/documents.js'
import { LIST_JOINERS, NAME_STOPS } from '../lexicon/verbs.js'
import {
  alternation,
  canonicalTones,
  collapse,
  escapeRe,
  fold,
  matchesAt,
  sentenceCase,
  slug,
} from '../normalize/text.js'
import type { Context } from './context.js'

/** An agency named in a text, with where the name starts and ends. */
export interface AgencyMention {
  agency: Agency
  start: number
  end: number
}

/** Where a name starts and ends in a text. */
export interface Span {
  start: number
  end: number
  /** The head a list shares, left out of the name as written: "Sở" of "Nội vụ" in "các Sở: Nội vụ, Tư pháp". */
  head?: string
  /** Where the list that shares the head opens ("các Sở: "), on its first name: a chain may start there. */
  opener?: number
}

const NOT_WORD = '(?![\\p{L}\\d])'
const WORD_START = '(?<![\\p{L}\\d])'
/** "Nội", "Y", and acronyms with inner marks: "GD&ĐT", "VH,TT&DL", "LĐ-TB&XH". */
const CAP_WORD = String.raw`\p{Lu}[\p{L}\d]*(?:[&,.\-][\p{Lu}\d][\p{L}\d]*)*`
/** A place name after a unit word: "Vũng Tàu", "Bà Rịa-Vũng Tàu", "Hồ Chí Minh". */
const PROPER = String.raw`\p{Lu}\p{Ll}*(?:(?:\s?[-–]\s?|\s)\p{Lu}\p{Ll}*){0,4}`

/** Both spellings of a lower-case word at the start of a list item: "sở" and "Sở". */
const capVariants = (words: readonly string[]): string[] =>
  words.flatMap((w) => [w, w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)])

// "xã" is a unit, "xã hội" is not; nor is the place of a party committee or youth union ("Tỉnh ủy", "Tỉnh Đoàn"),
// which are bodies ("Công an tỉnh đoàn kết" still ends at "tỉnh").
const UNIT = `(?:${alternation(UNIT_WORDS.map(([w]) => w))})${NOT_WORD}(?!\\s+(?:hội|[ủỦ]y|[uU]ỷ|[đĐ]oàn(?!\\s+(?:kết|viên)${NOT_WORD}))${NOT_WORD})`
const UNIT_LIST = `(?:các\\s+)?${UNIT}(?:\\s*,\\s*${UNIT})*(?:\\s+và\\s+${UNIT})?`
const TIER = `(?:${alternation(TIER_WORDS.map(([w]) => w))})${NOT_WORD}`
const PARTY = `(?:${alternation(PARTY_COMMITTEES.map(([w]) => w))})${NOT_WORD}`
const YOUTH = `(?:${alternation(YOUTH_UNIONS.map(([w]) => w))})${NOT_WORD}`
const LOCALITY = `\\s+(?:${TIER}|${PARTY}|${UNIT_LIST}(?:\\s+${PROPER})?)`
// "khu vực XI", "khu vực 8", "cơ sở 3": a numbered region, the place of a central agency's branch.
const REGION = `(?:${alternation(REGION_WORDS)})\\s+(?:[IVXL]{1,6}|\\d{1,3})${NOT_WORD}`

const HEADS = alternation([...NAMED_HEADS, ...GENERIC_HEADS])
const HEAD_RE = new RegExp(`${WORD_START}(?:${HEADS})${NOT_WORD}`, 'uy')
/**
 * A pattern for the first words of `names`: where a pattern for the names can match. A text is scanned
 * for these plain words and the names' pattern tried only where one is (`matchesAt`): a long pattern
 * that opens with a look-behind is otherwise tried in full at every character.
 */
const firstWords = (names: readonly string[]): RegExp =>
  new RegExp(alternation([...new Set(names.map((n) => n.split(/[\s-]/u)[0] ?? n))]), 'g')
const HEAD_FIRST_RE = firstWords([...NAMED_HEADS, ...GENERIC_HEADS])
const NAMED = new Set(NAMED_HEADS)
// "Bộ Chỉ huy Quân sự tỉnh" is a named body, not a ministry ("Bộ" + name).
const NAMED_START_RE = new RegExp(`^(?:${alternation(NAMED_HEADS)})${NOT_WORD}`, 'u')

const SCHOOL_LEVEL = `(?:${alternation(SCHOOL_LEVELS)})${NOT_WORD}`
// "trường mầm non, tiểu học và THCS": schools of one or more levels.
const SCHOOL_WORD = 'trường'
const SCHOOLS = `(?:${alternation(capVariants([SCHOOL_WORD]))})\\s+${SCHOOL_LEVEL}(?:\\s*,\\s*${SCHOOL_LEVEL})*(?:\\s+và\\s+${SCHOOL_LEVEL})?`
const NOUN = `(?:(?:${alternation(capVariants(GROUP_NOUNS))})${NOT_WORD}|${SCHOOLS})`
// A noun joined on by a space alone ("các sở ngành", "các sở, ban ngành", "các cơ quan đơn vị liên quan"):
// written in lower case, never one that is also an ordinary word ("các sở ban hành", "các đơn vị tổ chức
// thực hiện"), and not before a capital ("các cơ quan ngành Giáo dục": the sector is named).
const SPACED_NOUN = `(?:${alternation(GROUP_NOUNS.filter((n) => !WEAK_GROUP_NOUNS.includes(n)))})${NOT_WORD}(?!\\s+\\p{Lu})`
const LIST_NOUN_WORD = `(?:${alternation(capVariants(GROUP_LIST_NOUNS))})${NOT_WORD}`
// "các Bộ, ngành": a list-only noun, with the list it heads.
const LIST_NOUN = `${LIST_NOUN_WORD}(?=\\s*,\\s*${NOUN}|\\s+và\\s+${NOUN})`
// "Sở, ban, ngành", "sở ngành": a department noun opening a list of its own.
const DEPARTMENTS = `(?:${alternation(capVariants(DEPARTMENT_NOUNS))})${NOT_WORD}(?=\\s*,\\s*${NOUN}|\\s+và\\s+${NOUN}|\\s+${SPACED_NOUN})`
// "Doanh nghiệp, Sở, ban, ngành có liên quan": departments listed after other nouns are a group of their own.
const LIST_JOIN = `(?:\\s*,\\s*|\\s+và\\s+)(?!${DEPARTMENTS})`
// Words that end a group's qualifier: a verb or function word, a tail, a place, a level.
const QUALIFIER_END_WORDS = `(?:(?:${alternation([
  ...NAME_STOPS.filter((w) => w !== 'và'),
  ...QUALIFIER_STOPS,
  ...GROUP_TAILS,
  ...GROUP_PLACE_LEADS,
])})${NOT_WORD}|${UNIT}|${TIER})`
const QUALIFIER_WORD = `(?!${QUALIFIER_END_WORDS}|(?:và|${alternation([...GROUP_NOUNS, ...GROUP_LIST_NOUNS])})${NOT_WORD})\\p{Ll}+${NOT_WORD}`
/**
 * "các doanh nghiệp viễn thông": up to four lower-case syllables after a qualified noun, none a verb, a noun, a
 * tail or a place, and ending where the group may: at punctuation, a word that ends a qualifier, "và" before
 * another agency, or a capital. A qualifier that runs on ("các doanh nghiệp tham gia đầu tư phát triển ...",
 * "doanh nghiệp nhỏ và vừa") is none.
 */
const QUALIFIER =
  `(?<=(?:${alternation(capVariants(QUALIFIED_GROUP_NOUNS))}))(?<qualifier>(?:\\s+${QUALIFIER_WORD}){1,4})` +
  `(?=\\s*(?:[,;:.!?()\\[\\]"“”…–-]|$)|\\s+${QUALIFIER_END_WORDS}|\\s+và\\s+(?:(?:các|mọi)${NOT_WORD}|${NOUN}|\\p{Lu})|\\s+\\p{Lu})`
const GROUP_OPENERS = ['các', 'mọi']
const GROUP_NOUNS_SOURCE =
  `(?<opener>(?:${alternation(capVariants(GROUP_OPENERS))})\\s+)?(?:${NOUN}|${LIST_NOUN})` +
  // "các tổ chức chính trị - xã hội, các cơ quan báo chí": a new "các" opens a group of its own.
  `(?:${LIST_JOIN}${NOUN}|\\s+${SPACED_NOUN})*`
const GROUP_END_SOURCE =
  `(?<tail>(?:\\s+(?:${alternation(GROUP_TAILS)})${NOT_WORD})+)?` +
  `(?:\\s+(?:(?:${alternation(GROUP_PLACE_LEADS)})\\s+)?(?:${TIER}|${UNIT}(?:\\s+${PROPER})?))?`
// Without the qualifier, which is read apart where a group ends at its noun: the scan over every text stays as fast.
const GROUP_SOURCE = `${GROUP_NOUNS_SOURCE}${GROUP_END_SOURCE}`
// A group's qualifier and what follows it, read from where the group's nouns end ("các doanh nghiệp| viễn thông").
const QUALIFIED_AT_RE = new RegExp(`${QUALIFIER}${GROUP_END_SOURCE}`, 'uy')
const GROUP_RE = new RegExp(`${WORD_START}${GROUP_SOURCE}`, 'uy')
// A group opens with "các", "mọi", a noun's first word or the "trường" of schools: scanning for the group
// pattern only there is 13x as fast.
const GROUP_FIRST_RE = firstWords(
  capVariants([...GROUP_OPENERS, SCHOOL_WORD, ...GROUP_NOUNS, ...GROUP_LIST_NOUNS]),
)
// Whether a name or group can start right here: most texts do not open with one, and then need no spans.
const HEAD_AT_RE = new RegExp(`\\s*${WORD_START}(?:${HEADS})${NOT_WORD}`, 'uy')
const GROUP_AT_RE = new RegExp(`\\s*${WORD_START}${GROUP_SOURCE}`, 'uy')
const GROUP_WHOLE_RE = new RegExp(`^${GROUP_NOUNS_SOURCE}(?:${QUALIFIER})?${GROUP_END_SOURCE}$`, 'u')
// The level a group names at its end: "cấp tỉnh", "tỉnh", "của huyện", "thuộc thành phố Vũng Tàu". Not a
// place the members are in ("các trường trên địa bàn tỉnh": schools of every level in the province).
const GROUP_PLACE_RE = new RegExp(
  `(?<!trên\\s+địa\\s+bàn)\\s+(?:(?:của|thuộc)\\s+)?(?<mark>${TIER}|${UNIT})(?:\\s+(?<proper>${PROPER}))?$`,
  'u',
)
const NOUN_RE = new RegExp(`${WORD_START}(?:${NOUN}|${LIST_NOUN_WORD})`, 'gu')
const STANDALONE_RE = new RegExp(`^(?:${alternation(capVariants(STANDALONE_GROUP_NOUNS))})${NOT_WORD}`, 'u')
// Lower-case only: "Hội, Đoàn thể Thành phố" is a list, "hội, ..." after "xã" is not.
const WEAK_START_RE = new RegExp(`^(?:${alternation(WEAK_GROUP_NOUNS)})${NOT_WORD}`, 'u')
// What ends a group cut before the departments listed after it ("Doanh nghiệp" of "Doanh nghiệp, Sở, ban, ngành").
const DEPARTMENTS_AFTER_RE = new RegExp(`(?:\\s*,\\s*|\\s+và\\s+)${DEPARTMENTS}`, 'uy')
// A noun that starts a group: where a descriptive name stops ("Ban Quản lý các khu ... và các đơn vị").
const NOUN_AT_RE = new RegExp(`\\s*(?:các\\s+)?${NOUN}`, 'uy')

// Sticky steps of the name scanner, each tried at the current end of the name.
const STEP = {
  // "Thuế cơ sở 3", "Kho bạc Nhà nước khu vực XI": the region goes on the name, which may go on to its locality.
  region: new RegExp(`\\s+${REGION}`, 'uy'),
  // "khu vực 8": a numbered region goes with its tail.
  // In the text's tone placement, as the text is matched: "quỹ đất" is "qũy đất" there.
  tail: new RegExp(
    `\\s+(?:${alternation(LOWER_TAILS.map(canonicalTones))})${NOT_WORD}(?:\\s+\\d{1,3}${NOT_WORD})?`,
    'uy',
  ),
  locality: new RegExp(LOCALITY, 'uy'),
  stop: new RegExp(`\\s+(?:${alternation(NAME_STOPS)})${NOT_WORD}`, 'uy'),
  join: /(?:\s+và|\s*[-–&])\s+(?=\p{Lu})/uy,
  // A comma inside a name only before "B và C": "Sở Văn hóa, Thể thao và Du lịch".
  comma: new RegExp(`,\\s+(?=${CAP_WORD}(?:\\s+\\p{Ll}+)?\\s+(?:và|&)\\s+\\p{Lu})`, 'uy'),
  cap: new RegExp(`\\s*(?<word>${CAP_WORD})${NOT_WORD}`, 'uy'),
  lower: new RegExp(`\\s+\\p{Ll}+${NOT_WORD}`, 'uy'),
  head: new RegExp(`\\s*(?:${HEADS})${NOT_WORD}`, 'uy'),
  // What a generic head needs after it: a capitalized word, or "và" and one ("Báo và Phát thanh").
  named: new RegExp(`(?:\\s+và)?\\s+${CAP_WORD}`, 'uy'),
  listComma: /,\s+/uy,
  // Inside a descriptive name: "các" or "và" before a lower-case word ("Ban Quản lý các khu ... và khu ...").
  descJoin: /\s+(?:các|và(?:\s+các)?)(?=\s+\p{Ll})/uy,
}
const DESCRIPTIVE = new Set(DESCRIPTIVE_HEADS)
const PLACE_END_RE = new RegExp(`(?:${alternation(NATIONAL_PLACES)})$`, 'u')
const ENDS_WITH_LOCALITY_RE = new RegExp(`(?:${LOCALITY}|\\s+${REGION})$`, 'u')

const JOINERS = alternation(LIST_JOINERS)
/** What may stand between two agencies of one list: ", ", "; ", "và các", ", Thủ trưởng ". */
const LIST_GAP_RE = new RegExp(
  `^\\s*(?:[,;]\\s*)?(?:(?:${JOINERS})\\s+(?:với\\s+)?)?(?:các\\s+)?(?:(?:${alternation(HEAD_OF_TITLES)})\\s+)?$`,
  'u',
)

const ABBREVIATION_MAP = new Map(ABBREVIATIONS)
const ABBREVIATION_RE = new RegExp(
  `${WORD_START}(?:${alternation([...ABBREVIATION_MAP.keys()])})${NOT_WORD}`,
  'gu',
)
const LEVEL_WORD_RE = new RegExp(`^(?:${alternation(Object.keys(LEVEL_WORDS))})\\s+`, 'u')
const PARTY_ONLY_RE = new RegExp(`^${PARTY}(?:\\s+${PROPER})?(?:${LOCALITY})?$`, 'u')
const YOUTH_ONLY_RE = new RegExp(`^${YOUTH}(?:\\s+${PROPER})?$`, 'u')
const LEVEL_MARK_RE = new RegExp(
  `${WORD_START}(?<mark>${TIER}|${PARTY}|${YOUTH}|${UNIT})(?:\\s+(?<proper>${PROPER}))?`,
  'u',
)
const NATIONAL_RE = new RegExp(`${WORD_START}(?:${alternation(NATIONAL_WORDS)})${NOT_WORD}`, 'u')
const MARK_LEVELS = new Map<string, Level | 'city'>([
  ...UNIT_WORDS,
  ...PARTY_COMMITTEES,
  ...YOUTH_UNIONS,
  ...TIER_WORDS,
])

/**
 * A portfolio written loosely, its words in any case and with any of ", ", " - ", " và ", "&" or only a
 * space between them. It must end the name's function: "Tài chính, Kế hoạch và Đầu tư" is two departments,
 * not "Tài chính - Kế hoạch" and more.
 */
const PORTFOLIO_GAP = String.raw`(?:\s*[,\-–&]\s*|\s+)(?:và\s+)?`
/**
 * A word with its first letter in either case: "[Đđ]ào". Not the `i` flag: V8 folds the case of a `u`
 * pattern with ICU when it compiles it, and threads compiling such patterns at once crashed the command
 * (SIGSEGV) in two CI runs.
 */
const eitherCase = (word: string): string => {
  const first = word.charAt(0)
  return `[${first.toLocaleUpperCase('vi')}${first.toLocaleLowerCase('vi')}]${escapeRe(word.slice(1))}`
}
const portfolioSource = (portfolio: string): string =>
  portfolio
    .split(/[\s,\-–&]+/u)
    .filter((w) => w !== 'và')
    .map(eitherCase)
    .join(PORTFOLIO_GAP)
// Another capitalized word joined on, and not a head of its own, continues the function: the portfolio is not all of it.
const PORTFOLIO_TAIL = `${NOT_WORD}(?!(?:\\s*[,\\-–&]\\s*|\\s+và\\s+)(?!(?:${HEADS})${NOT_WORD})\\p{Lu})`
const PORTFOLIO_BY_LENGTH = [...PORTFOLIOS].sort((a, b) => b.length - a.length)
const PORTFOLIO_AT_RE = new RegExp(
  `\\s+(?:${PORTFOLIO_BY_LENGTH.map((p) => `(${portfolioSource(p)})`).join('|')})${PORTFOLIO_TAIL}`,
  'uy',
)
const PORTFOLIO_HEAD_RE = new RegExp(`^(?:${alternation(PORTFOLIO_HEADS)})(?=\\s)`, 'u')
const PORTFOLIO_HEAD_SET = new Set(PORTFOLIO_HEADS)

/** Where a portfolio written from `pos` ends, and its official spelling; null when none is. */
function portfolioAt(text: string, pos: number): { end: number; official: string } | null {
  const m = at(PORTFOLIO_AT_RE, text, pos)
  if (!m) return null
  const index = m.findIndex((group, i) => i > 0 && group !== undefined)
  return { end: pos + m[0].length, official: PORTFOLIO_BY_LENGTH[index - 1] as string }
}

/** Each portfolio by itself, for the names of a list that shares its head ("các Sở: Nội vụ, Tư pháp"). */
const portfolioItems = (portfolios: readonly string[]): RegExp[] =>
  [...portfolios]
    .sort((a, b) => b.length - a.length)
    .map((p) => new RegExp(`${portfolioSource(p)}${NOT_WORD}`, 'uy'))
const PORTFOLIO_ITEM_RES = portfolioItems(PORTFOLIOS)
const MINISTRY_ITEM_RES = portfolioItems([...PORTFOLIOS, ...MINISTRY_PORTFOLIOS])
/** The portfolios a list of `head` may name: a ministry's as well for "Bộ". */
const itemsOf = (head: string): RegExp[] => (head === 'Bộ' ? MINISTRY_ITEM_RES : PORTFOLIO_ITEM_RES)
const PORTFOLIO_LIST_GAP_RE = /\s*[,;]\s*(?:và\s+)?|\s+và\s+/uy
// "các sở", "các phòng": a head in lower case, which only "các" makes one.
const LOWER_HEAD_AFTER_CAC = `[Cc]ác\\s+(?<lower>${alternation(PORTFOLIO_HEADS.map((h) => h.toLocaleLowerCase('vi')))})${NOT_WORD}`
// "các sở, ngành: ", "Các phòng, ban: ": the head is the department, whose portfolios the colon lists.
const GROUPED_HEAD = `[Cc]ác\\s+(?<grouped>[Ss]ở|[Pp]hòng)(?:\\s*,\\s*(?:ban|ngành|đơn vị)${NOT_WORD})+\\s*:`
/**
 * "các Sở: ", "Các Phòng: ", "các sở, ngành: ", and in lower case after "các", with or without the colon
 * ("các sở: ", "các sở Nội vụ, Tư pháp"): a head that the names after it share (a capital head without a
 * colon is `headList`'s).
 */
const SHARED_HEAD_RE = new RegExp(
  `${WORD_START}(?:${GROUPED_HEAD}|(?:[Cc]ác\\s+)?(?<head>${alternation(PORTFOLIO_HEADS)})\\s*:|${LOWER_HEAD_AFTER_CAC}\\s*:?)\\s*`,
  'gu',
)
/** Whether a text may hold a list that shares its head, before `SHARED_HEAD_RE` is run over it. */
const SHARED_HEAD_HINT_RE = new RegExp(`:|${LOWER_HEAD_AFTER_CAC}`, 'u')
const SHARED_HEAD_AT_RE = new RegExp(`\\s*${SHARED_HEAD_RE.source}`, 'uy')

/**
 * The portfolios listed from `pos` on ("Tài chính, Kế hoạch và Đầu tư, Nội vụ"), read so that the list goes
 * as far as it can: "Tài chính, Kế hoạch" is not "Tài chính - Kế hoạch" when "và Đầu tư" follows.
 */
function portfolioList(text: string, pos: number, head: string, memo = new Map<number, Span[]>()): Span[] {
  const known = memo.get(pos)
  if (known) return known
  let best: Span[] = []
  // A field in a list is written with its capital: "các Sở: xây dựng kế hoạch" lists none.
  const capital = /\p{Lu}/u.test(text.charAt(pos))
  for (const re of capital ? itemsOf(head) : []) {
    const m = at(re, text, pos)
    if (!m) continue
    const end = pos + m[0].length
    const gap = at(PORTFOLIO_LIST_GAP_RE, text, end)
    const items = [{ start: pos, end }, ...(gap ? portfolioList(text, end + gap[0].length, head, memo) : [])]
    if ((items[items.length - 1]?.end ?? 0) > (best[best.length - 1]?.end ?? 0)) best = items
  }
  memo.set(pos, best)
  return best
}

/**
 * A head with a list of its fields after it ("Sở Nội vụ, Tư pháp", "Sở Tài chính, Kế hoạch và Đầu tư"): the
 * first name with the head as written, the others each of the head. Null when one field follows, or when the
 * name read from the head goes further than the list (it is one name, not a list).
 */
function headList(text: string, head: RegExpExecArray, span: Span | null): Span[] | null {
  const afterHead = head.index + head[0].length
  const space = at(/\s+/uy, text, afterHead)
  const items = space ? portfolioList(text, afterHead + space[0].length, head[0]) : []
  const [first, ...rest] = items
  if (!first || rest.length === 0 || (span && span.end > (rest[rest.length - 1] as Span).end)) return null
  return [{ start: head.index, end: first.end }, ...rest.map((item) => ({ ...item, head: head[0] }))]
}

/** The head a shared-head match names, in its capital: "Sở" of "các sở Nội vụ". */
function headOf(m: RegExpExecArray): string {
  const lower = m.groups?.lower ?? m.groups?.grouped
  return lower === undefined ? (m.groups?.head as string) : sentenceCase(lower)
}

/** The names of every list that shares its head ("các Sở: Nội vụ, Tư pháp" → "Nội vụ", "Tư pháp", each of a Sở). */
function sharedHeadSpans(source: string): Span[] {
  const out: Span[] = []
  for (const m of source.matchAll(SHARED_HEAD_RE)) {
    const head = headOf(m)
    const items = portfolioList(source, m.index + m[0].length, head)
    for (const [i, item] of items.entries())
      out.push({ ...item, head, ...(i === 0 ? { opener: m.index } : {}) })
  }
  return out
}

/** "Sở Văn hoá Thể thao du lịch tỉnh" → "Sở Văn hóa, Thể thao và Du lịch tỉnh": a loose portfolio in its official spelling. */
function officialPortfolio(name: string): string {
  const head = PORTFOLIO_HEAD_RE.exec(name)
  if (!head) return name
  const found = portfolioAt(name, head[0].length)
  return found ? `${head[0]} ${found.official}${name.slice(found.end)}` : name
}

/** Run a sticky regex at `pos`. */
function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos
  return re.exec(text)
}

/** Replace what is inside quotes with spaces, so programme names yield no facts and indices stay put. */
export function maskQuotes(text: string): string {
  const blank = (m: string) => m.charAt(0) + ' '.repeat(m.length - 2) + m.charAt(m.length - 1)
  return text.replace(/“[^”]*”/gu, blank).replace(/"[^"\n]*"/gu, blank)
}

/** Abbreviations expanded and tone marks in one placement: "UBND TP Vũng Tàu" → "Ủy ban nhân dân thành phố Vũng Tàu". */
export function canonicalName(name: string): string {
  const expanded = collapse(name.normalize('NFC')).replace(
    ABBREVIATION_RE,
    (m) => ABBREVIATION_MAP.get(m) ?? m,
  )
  return officialPortfolio(canonicalTones(expanded))
}

/** A syllable ("Nội", "Y") can take a lower-case second syllable; an acronym ("UBND") cannot. */
const isSyllable = (word: string): boolean => word.length === 1 || /\p{Ll}/u.test(word)

/**
 * Where a name that has reached `pos` ends: over capitalized syllables, one lower-case syllable after a
 * capitalized one ("Giáo dục"), "và"/"-" before a capitalized part, up to a locality ("tỉnh", "thành phố
 * Vũng Tàu", "các phường, xã"), and never over a verb or a new head.
 */
function nameEnd(text: string, pos: number, afterCap: boolean, descriptive = false): number {
  let end = pos
  let syllable = afterCap
  for (let steps = 0; steps < 60; steps++) {
    if (descriptive) {
      const join = at(STEP.descJoin, text, end)
      const next = join ? end + join[0].length : end
      const blocked =
        at(STEP.stop, text, next) || at(STEP.locality, text, next) || (join && at(NOUN_AT_RE, text, next))
      if (!blocked && at(STEP.lower, text, next)) {
        end = next
        syllable = true
      }
    }
    let m = at(STEP.region, text, end) ?? at(STEP.tail, text, end)
    if (m) {
      end += m[0].length
      syllable = false
      continue
    }
    m = at(STEP.locality, text, end)
    if (m) return end + m[0].length
    m = at(STEP.join, text, end) ?? at(STEP.comma, text, end)
    if (m) {
      if (at(STEP.head, text, end + m[0].length)) return end
      end += m[0].length
      syllable = false
      continue
    }
    if (at(STEP.stop, text, end)) return end
    m = at(STEP.cap, text, end)
    if (m?.groups?.word) {
      if (BREAKING_HEADS.includes(m.groups.word)) return end
      end += m[0].length
      // "Việt Nam" ends a name: "Hội Khuyến học Việt Nam ban hành" takes no "ban".
      syllable = isSyllable(m.groups.word) && !PLACE_END_RE.test(text.slice(pos, end))
      continue
    }
    m = syllable ? at(STEP.lower, text, end) : null
    if (m) {
      end += m[0].length
      syllable = false
      continue
    }
    return end
  }
  return end
}

/** The span of the name opened by a head word, or null when the head is an ordinary word ("Báo cáo"). */
function headSpan(text: string, head: RegExpExecArray): Span | null {
  const start = head.index
  const afterHead = start + head[0].length
  let end = nameEnd(text, afterHead, false, DESCRIPTIVE.has(head[0]))
  // A portfolio written loosely goes on past where the scanner stops: "Sở Văn hoá Thể thao du lịch".
  const portfolio = PORTFOLIO_HEAD_SET.has(head[0]) ? portfolioAt(text, afterHead) : null
  if (portfolio && portfolio.end > end) end = nameEnd(text, portfolio.end, false)
  // A generic head needs a name or a locality: "Sở Nội vụ", "Công an tỉnh"; "Ban hành", "Phòng, chống" are not names.
  return NAMED.has(head[0]) ||
    portfolio ||
    at(STEP.named, text, afterHead) ||
    at(STEP.locality, text, afterHead) ||
    at(STEP.region, text, afterHead)
    ? { start, end }
    : null
}

/**
 * A generic group ("các sở, ban, ngành"), with the qualifier read after its nouns if any; one noun without "các"
 * is an ordinary word, and a capitalized noun before a capitalized word is a head ("các Ban Xây dựng Đảng", not
 * "các tổ chức Hội").
 */
function isGroup(m: RegExpExecArray, text: string, qualified: RegExpExecArray | null): boolean {
  const end = m.index + m[0].length + (qualified?.[0].length ?? 0)
  const nouns = m[0].match(NOUN_RE) ?? []
  const marked = m.groups?.opener !== undefined || (qualified ?? m).groups?.tail !== undefined
  // One noun ("ban", "đơn vị") with neither "các" nor a tail: an ordinary word, as most matches are, unless it
  // is one that never is ("cơ quan báo chí"), or is listed with the departments after it ("Doanh nghiệp, Sở,
  // ban, ngành"), lower-case weak nouns apart ("xã hội, sở, ngành").
  const standalone = nouns.length === 1 && STANDALONE_RE.test(m[0])
  const listed = at(DEPARTMENTS_AFTER_RE, text, end) !== null
  if (!marked && nouns.length < 2 && !standalone && !listed) return false
  const last = nouns[nouns.length - 1] ?? ''
  if (!qualified && /^\p{Lu}/u.test(last) && /^\s+\p{Lu}/u.test(text.slice(end))) return false
  if (marked || standalone) return true
  return !WEAK_START_RE.test(m[0])
}

/**
 * What one document's extractors have already worked out, by text: the same heading or item is read for
 * agencies by several extractors (deadlines, assignments, task cards), and the answer only depends on the
 * text and the document's context. Kept per context, so it goes when the document does.
 */
interface Memo {
  spans: Map<string, readonly Span[]>
  agencies: Map<string, Agency>
  leading: Map<string, { agencies: readonly Agency[]; end: number }>
}
const memos = new WeakMap<Context, Memo>()

function memoOf(ctx: Context): Memo {
  let memo = memos.get(ctx)
  if (!memo) {
    memo = { spans: new Map(), agencies: new Map(), leading: new Map() }
    memos.set(ctx, memo)
  }
  return memo
}

/** `spans`, once per text of a document. */
function spansIn(text: string, ctx: Context): readonly Span[] {
  const memo = memoOf(ctx).spans
  let found = memo.get(text)
  if (!found) {
    found = spans(text)
    memo.set(text, found)
  }
  return found
}

/** The text the name patterns read: tone marks in one placement, quotes blanked (same length as the text). */
const nameSource = (text: string): string => maskQuotes(canonicalTones(text))

/** Spans of every head-word name and generic group, in order, without overlaps. */
function spans(text: string): Span[] {
  const source = nameSource(text)
  const found: Span[] = []
  for (const m of matchesAt(source, HEAD_FIRST_RE, HEAD_RE)) {
    const span = headSpan(source, m)
    const listed = PORTFOLIO_HEAD_SET.has(m[0]) ? headList(source, m, span) : null
    if (listed) found.push(...listed)
    else if (span) found.push(withStanding(source, span))
  }
  const shared = SHARED_HEAD_HINT_RE.test(source) ? sharedHeadSpans(source) : []
  // "các Sở" of "các Sở: Nội vụ, Tư pháp" is not a group of its own: its names follow.
  const openers = new Set(shared.flatMap((s) => (s.opener === undefined ? [] : [s.opener])))
  found.push(...shared)
  for (const m of matchesAt(source, GROUP_FIRST_RE, GROUP_RE)) {
    if (openers.has(m.index)) continue
    const qualified = at(QUALIFIED_AT_RE, source, m.index + m[0].length)
    if (isGroup(m, source, qualified))
      found.push({ start: m.index, end: m.index + m[0].length + (qualified?.[0].length ?? 0) })
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Span[] = []
  for (const span of found) {
    const last = out[out.length - 1]
    if (!last || span.start >= last.end) out.push(span)
  }
  return out
}

const FOLDED_CENTRAL_CITIES = CENTRAL_CITIES.map(fold)

/** Level of a "thành phố": a centrally-run city is a province, another city a district. */
function cityLevel(proper: string | undefined, ctx: Context): Level {
  const central = (name: string) => {
    const folded = fold(name)
    return FOLDED_CENTRAL_CITIES.some((c) => folded.includes(c))
  }
  if (proper) {
    if (central(proper)) return 'province'
    if (!ctx.locality || fold(proper) !== fold(ctx.locality)) return 'district'
  }
  return ctx.locality && central(ctx.locality) ? 'province' : 'district'
}

/** The level a place mark gives ("tỉnh", "cấp xã", "Huyện ủy"; a "thành phố" by which city it is). */
function markLevel(groups: Record<string, string | undefined>, ctx: Context): Level {
  const level = MARK_LEVELS.get((groups.mark ?? '').replace(/\s+/gu, ' ')) ?? null
  return level === 'city' ? cityLevel(groups.proper, ctx) : level
}

/**
 * A group's level: the place it names at its end ("các sở, ngành cấp tỉnh"), else national for a national
 * word ("các Bộ, ngành Trung ương"), else that of its level word when it is its only noun ("các Sở"); null
 * for a group of several kinds ("các sở, ban, ngành").
 */
function groupLevel(canonical: string, nouns: readonly string[], ctx: Context): Level {
  const m = GROUP_PLACE_RE.exec(canonical)
  if (m?.groups?.mark) return markLevel(m.groups, ctx)
  if (NATIONAL_RE.test(canonical)) return 'national'
  const [only, ...others] = nouns
  if (only === undefined || others.length > 0) return null
  const word = only.charAt(0).toLocaleUpperCase('vi') + only.slice(1)
  return LEVEL_WORDS[word] ?? null
}

/** Level from the level word (Sở, Phòng, Bộ), else the first locality word, else national words, else the issuer's place. */
function levelOf(canonical: string, ctx: Context): Level {
  const first = canonical.split(' ')[0] ?? ''
  const byWord = NAMED_START_RE.test(canonical) ? null : LEVEL_WORDS[first]
  if (byWord) return byWord
  const m = LEVEL_MARK_RE.exec(canonical)
  if (m?.groups?.mark) return markLevel(m.groups, ctx)
  if (NATIONAL_RE.test(canonical)) return 'national'
  // "Báo Hà Nam": named after the issuer's place, it sits at the issuer's level.
  const place = ctx.locality ? fold(ctx.locality) : null
  return place && fold(canonical).endsWith(` ${place}`) ? ctx.issuerLevel : null
}

// Localities every document shares; the issuer's own place is looked for apart, so no pattern is built per document.
const LOCALITY_START_RE = new RegExp(
  `\\s(?:${TIER}|${PARTY}|(?:các\\s+)?${UNIT}|(?:${alternation(NATIONAL_PLACES)})${NOT_WORD}|${REGION})`,
  'u',
)
const WORD_CHAR_RE = /[\p{L}\d]/u

// "Thường trực HĐND huyện", "Thường trực Hội đồng Thi đua - Khen thưởng": the standing body of the one named,
// an agency of its own. Not a title's word ("Phó Chủ tịch Thường trực UBND tỉnh": the committee).
const STANDING_BEFORE_RE = /(?<![\p{L}\d])(?<!Chủ tịch\s)Thường trực\s+$/u
const STANDING_START_RE = /^Thường trực\s+/u
const STANDING_KEY = 'thuong-truc'

/** The span of a name, widened to a "Thường trực" before it. */
function withStanding(source: string, span: Span): Span {
  const from = Math.max(0, span.start - 24)
  const m =
    source.lastIndexOf('Thường trực', span.start) >= from
      ? STANDING_BEFORE_RE.exec(source.slice(from, span.start))
      : null
  return m ? { ...span, start: from + m.index } : span
}

/** Where the locality of a name begins ("tỉnh", "thành phố Vũng Tàu", "Tỉnh ủy", "Việt Nam", "khu vực XI", the issuer's place). */
function localityStart(body: string, ctx: Context): number {
  const shared = LOCALITY_START_RE.exec(body)?.index ?? body.length
  const own = ctx.locality ? placeStart(body, ctx.locality) : -1
  return own >= 0 && own < shared ? own : shared
}

/** The index of the space before the first whole-word `place` in `text`, or -1. */
function placeStart(text: string, place: string): number {
  for (let i = text.indexOf(place, 1); i >= 0; i = text.indexOf(place, i + 1)) {
    if (/\s/u.test(text.charAt(i - 1)) && !WORD_CHAR_RE.test(text.charAt(i + place.length))) return i - 1
  }
  return -1
}

/** Key: slug of the function without the level word and the locality; a group's key is its nouns. */
function keyOf(canonical: string, ctx: Context): string {
  const standing = STANDING_START_RE.exec(canonical)
  if (standing) return `${STANDING_KEY}-${keyOf(canonical.slice(standing[0].length), ctx)}`
  const body = (NAMED_START_RE.test(canonical) ? canonical : canonical.replace(LEVEL_WORD_RE, '')).replace(
    BRANCH_RE,
    '',
  )
  if (PARTY_ONLY_RE.test(body)) return PARTY_COMMITTEE_KEY
  if (YOUTH_ONLY_RE.test(body)) return YOUTH_UNION_KEY
  const at = localityStart(body, ctx)
  const key = slug(body.slice(0, at)) || slug(canonical)
  // "Văn phòng Tỉnh ủy": an office named only by the party committee it serves is that committee's
  // office (as "Văn phòng UBND tỉnh" is the committee's), not any office.
  if (key === OFFICE_KEY && PARTY_AT_RE.test(body.slice(at))) return `${OFFICE_KEY}-${PARTY_COMMITTEE_KEY}`
  // "Đoàn Thanh niên", "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện" ("Hồ Chí Minh" read as a place): one union.
  return YOUTH_UNION_KEYS.has(key) ? YOUTH_UNION_KEY : key
}

// "Chi nhánh Ngân hàng Chính sách xã hội Thành phố": a branch does its body's work in one place, and shares its key.
const BRANCH_RE = /^Chi nhánh\s+(?=\p{Lu})/u
const OFFICE_KEY = 'van-phong'
const PARTY_AT_RE = new RegExp(`^\\s+${PARTY}`, 'u')
const YOUTH_UNION_KEYS = new Set(['doan-thanh-nien', 'doan-thanh-nien-cong-san', YOUTH_UNION_KEY])

/**
 * Canonical name, key and level of one agency name as written (a copy of one worked out once per document);
 * `head` is the head a list shares and the name leaves out ("Sở" of "các Sở: Nội vụ, Tư pháp").
 */
export function toAgency(name: string, ctx: Context, head?: string): Agency {
  const memo = memoOf(ctx).agencies
  const key = head === undefined ? name : `${head}\u0000${name}`
  let agency = memo.get(key)
  if (!agency) {
    agency = agencyOf(name, ctx, head)
    memo.set(key, agency)
  }
  return { ...agency }
}

/** The agency a span of `text` names. */
const spanAgency = (text: string, span: Span, ctx: Context): Agency =>
  toAgency(text.slice(span.start, span.end), ctx, span.head)

function agencyOf(name: string, ctx: Context, head?: string): Agency {
  const written = collapse(name.normalize('NFC')).replace(/[\s,;:.]+$/u, '')
  const canonical = canonicalName(head === undefined ? written : `${head} ${written}`)
  const group = GROUP_WHOLE_RE.exec(canonical)
  if (group) {
    const nouns = canonical.match(NOUN_RE) ?? []
    // "các doanh nghiệp viễn thông": the qualifier narrows the group, so the key keeps it.
    const key = slug([...nouns, group.groups?.qualifier ?? ''].join(' '))
    return { name: written, canonical, key, level: groupLevel(canonical, nouns, ctx) }
  }
  return { name: written, canonical, key: keyOf(canonical, ctx), level: levelOf(canonical, ctx) }
}

/** Every agency named in free text, in order. */
export function findAgencies(text: string, ctx: Context): AgencyMention[] {
  return spansIn(text, ctx).map((span) => ({
    agency: spanAgency(text, span, ctx),
    start: span.start,
    end: span.end,
  }))
}

/**
 * Where a name cut at a comma goes on ("Báo và Phát thanh, Truyền hình Cần Thơ"): the part after the comma
 * must be a name fragment reaching `limit` (the next agency or the end of the list). Null when it is not.
 */
function continuation(text: string, pos: number, limit: number): number | null {
  const comma = at(STEP.listComma, text, pos)
  if (!comma) return null
  const from = pos + comma[0].length
  if (!at(STEP.cap, text, from) || at(STEP.head, text, from)) return null
  const end = nameEnd(text, from, false)
  // The fragment must end the list or reach the next name: "..., Thủ trưởng các ngành" goes on, so it is not one.
  const ends = /^\s*(?:[,;:.]|và\s|$)/u.test(text.slice(end)) || at(STEP.stop, text, end) !== null
  return end > from && end <= limit && ends ? end : null
}

/** Names chained from `from` by commas, semicolons and "và" ("Sở Nội vụ, Sở Tài chính và các đơn vị liên quan"). */
export function chainFrom<T extends Span>(text: string, found: readonly T[], from: number): T[] {
  const out: T[] = []
  let pos = from
  for (const span of found) {
    if (span.start < pos) continue
    // The first name of a list that shares its head starts the chain where the list opens ("các Sở: ").
    const gap = text.slice(pos, out.length === 0 ? (span.opener ?? span.start) : span.start)
    if (out.length === 0 ? !/^\s*$/u.test(gap) : !LIST_GAP_RE.test(gap)) break
    out.push(span)
    pos = span.end
  }
  return out
}

/** A chain of names, the last one carried over a comma when the list ends with its fragment ("..., Truyền hình Cần Thơ"). */
function chain(
  text: string,
  found: readonly Span[],
  from: number,
  limit: number,
): { spans: Span[]; end: number } {
  const out = chainFrom(text, found, from).map((s) => ({ ...s }))
  const last = out[out.length - 1]
  // A name that ends with its locality is complete: "Tòa án nhân dân tỉnh, Thuế tỉnh" are two.
  if (!last || ENDS_WITH_LOCALITY_RE.test(text.slice(last.start, last.end)))
    return { spans: out, end: last?.end ?? from }
  const next = found.find((s) => s.start >= last.end)
  const goesOn = continuation(canonicalTones(text), last.end, Math.min(next?.start ?? limit, limit))
  if (goesOn !== null) last.end = goesOn
  return { spans: out, end: last.end }
}

/** Whether a name or group may start at `from` (after white space), as the first of a chain must. */
function opensWithName(text: string, from: number): boolean {
  const source = nameSource(text)
  return (
    at(HEAD_AT_RE, source, from) !== null ||
    at(GROUP_AT_RE, source, from) !== null ||
    at(SHARED_HEAD_AT_RE, source, from) !== null
  )
}

function leadingChain(text: string, ctx: Context, from: number): { agencies: Agency[]; end: number } {
  // The colon of "các Sở: Nội vụ, Tư pháp" opens the chain's names; the next one ends them.
  const opener = at(SHARED_HEAD_AT_RE, nameSource(text), from)
  const colon = text.indexOf(':', opener ? from + opener[0].length : from)
  const limit = colon === -1 ? text.length : colon
  // A chain stops at the colon and no name reaches over one, so the names before it are all it needs;
  // unless a quote does (quotes are blanked as a whole).
  const head = text.slice(0, limit)
  const found = /["“”]/u.test(head) ? spansIn(text, ctx) : spansIn(head, ctx)
  const result = chain(text, found, from, limit)
  return { agencies: result.spans.map((s) => spanAgency(text, s, ctx)), end: result.end }
}

/** The agencies a text opens with from `from` on ("Sở Nội vụ, Sở Tài chính và ... chủ trì"), and where they end. */
export function leadingAgencies(text: string, ctx: Context, from = 0): { agencies: Agency[]; end: number } {
  const memo = memoOf(ctx).leading
  const key = `${from}:${text}`
  let found = memo.get(key)
  if (!found) {
    found = opensWithName(text, from) ? leadingChain(text, ctx, from) : { agencies: [], end: from }
    memo.set(key, found)
  }
  return { agencies: found.agencies.map((a) => ({ ...a })), end: found.end }
}

/** Agencies chained after each match of `opener` ("phối hợp với X, Y và Z"), in order, each once. */
export function agenciesAfter(text: string, opener: RegExp, ctx: Context): Agency[] {
  const openers = [...text.matchAll(opener)]
  if (openers.length === 0) return []
  const found = spansIn(text, ctx)
  const out = new Map<string, Agency>()
  for (const m of openers) {
    const { spans: listed } = chain(text, found, m.index + m[0].length, text.length)
    for (const s of listed) {
      const agency = spanAgency(text, s, ctx)
      out.set(agency.canonical, agency)
    }
  }
  return [...out.values()]
}

/**
 * The head a text opens a shared list with ("các Sở: Kế hoạch và Đầu tư" → "Sở"), when portfolios follow it;
 * a list's next piece after a semicolon ("Tài chính") is of the same head.
 */
export function sharedHeadOf(text: string): string | null {
  const source = nameSource(text)
  const m = at(SHARED_HEAD_AT_RE, source, 0)
  if (!m) return null
  const head = headOf(m)
  return portfolioList(source, m[0].length, head).length > 0 ? head : null
}

/** The head of a department named by its portfolio alone ("Sở Nội vụ" → "Sở"); null for any other name. */
export function portfolioHeadOf(name: string): string | null {
  const head = PORTFOLIO_HEAD_RE.exec(name)
  const found = head ? portfolioAt(name, head[0].length) : null
  return head && found?.end === name.length ? head[0] : null
}

/** The portfolios a piece lists of `head` ("Tài chính, Nội vụ" of "Sở"), when it is all such names; else none. */
export function headPortfolios(piece: string, head: string, ctx: Context): Agency[] {
  const source = nameSource(piece)
  const items = portfolioList(source, source.length - source.trimStart().length, head)
  const end = items[items.length - 1]?.end ?? 0
  if (items.length === 0 || source.slice(end).trim() !== '') return []
  return items.map((item) => toAgency(piece.slice(item.start, item.end), ctx, head))
}

const OPEN_PAREN_RE = /^\s*\(\s*$/u
const CLOSE_PAREN_RE = /^\s*\)/u

/** Split an explicit list of agencies ("Phòng Văn hóa và Thông tin, Trung tâm Văn hoá, Thông tin và Thể thao"). */
export function splitAgencyList(text: string, ctx: Context): Agency[] {
  const source = canonicalTones(text)
  const found = spansIn(text, ctx)
  const out: Span[] = []
  for (const [i, span] of found.entries()) {
    // "Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)": the body a name belongs to, not one more agency.
    const previous = out[out.length - 1]
    if (
      previous &&
      OPEN_PAREN_RE.test(source.slice(previous.end, span.start)) &&
      CLOSE_PAREN_RE.test(source.slice(span.end))
    )
      continue
    const limit = found[i + 1]?.start ?? text.length
    // A piece that does not start with a head word continues the previous name, unless that one is complete.
    const complete = span.head !== undefined || ENDS_WITH_LOCALITY_RE.test(source.slice(span.start, span.end))
    const end = (complete ? null : continuation(source, span.end, limit)) ?? span.end
    out.push({ ...span, end })
  }
  return out.map((s) => spanAgency(text, s, ctx))
}
