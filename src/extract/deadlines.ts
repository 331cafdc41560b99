/** Every dated obligation: what, by when, by whom, to whom. */
import type { Agency, Deadline, Due, Section } from '../../schemas/plan.js'
import { MONTHLY, PERIODIC, RELATIONS, ROMAN_QUARTERS, YEARLY } from '../lexicon/dates.js'
import {
  ACTION_ENDS,
  ACTION_LOOKALIKES,
  DATE_LEADS,
  DEADLINE_ACTIONS,
  DIRECTIVE_VERBS,
  HORIZON_LEADS,
  MAX_ACTION_GAP,
  OBJECT_LEADS,
  ONGOING_AFTER,
  PARTNER_OPENERS,
  PERIOD_LEADS,
  RECIPIENT_OPENERS,
  REPORT_VERBS,
  TIME_LABELS,
  TITLE_NOUNS,
} from '../lexicon/verbs.js'
import { alternation, collapse, sentences } from '../normalize/text.js'
import type { Doc } from '../types.js'
import { type AgencyMention, chainFrom, findAgencies, maskQuotes } from './agencies.js'
import { parseClauseHeading, subjectStart } from './assignments.js'
import { type Card, taskCards } from './cards.js'
import type { Context } from './context.js'
import { findDate } from './dates.js'
import { headingSpan, lineOfFact, pageAt, type Span } from './lines.js'

type Relation = Deadline['relation']

/** A dated phrase found in a sentence: its due date, how it binds, and where it (and its relation words) start. */
interface Dated {
  due: Due
  relation: Relation
  /** Start of the relation words ("Trước ngày ..."), or of the date when there are none. */
  lead: number
  /** The relation words as written, lower-case ("trước ngày", "vào"). */
  leadWord: string | null
  /** A deadline word ("trước", "chậm nhất", "trong" ...) comes right before the date. */
  led: boolean
  start: number
  end: number
}

/** A text of the plan with where it stands, the task it belongs to, and who acts there by default. */
interface Unit {
  text: string
  task: string
  path: string
  /** The lines the text stands on. */
  span: Span
  page?: number | undefined
  /** Who acts there by default, worked out only for a unit with a deadline that names nobody. */
  actors: () => Agency[]
  /** The text is a task's time on its own (a table cell, a labelled field): any date in it is a deadline. */
  labelled?: boolean
  /** The text as written, where `text` had to be read differently ("2026" read as "năm 2026"). */
  written?: string
}

const NOT_WORD = '(?![\\p{L}\\d])'
const WORD_START = '(?<![\\p{L}\\d])'
const D = '(?<d>\\d{1,2})'
const M = '(?<m>\\d{1,2})'
const Y = '(?<y>\\d{4})'
const DAY_MONTH = `ngày\\s*${D}\\s*(?:tháng\\s*|[/.-]\\s*)${M}`
const YEAR_TAIL = '\\s*(?:,?\\s*năm\\s*|[/.-]\\s*)'

const RELATION_RE = new RegExp(`(?:${alternation(RELATIONS.map(([w]) => w))})\\s*$`, 'iu')
const RELATION_MAP = new Map(RELATIONS)
const DATE_LEAD_RE = new RegExp(`${WORD_START}(?:${alternation(DATE_LEADS)})\\s*$`, 'iu')
// Every year, said ("hằng năm") or meant: a periodic report's day and month ("định kỳ 6 tháng (trước ngày 15/6)").
const YEARLY_RE = new RegExp(`${WORD_START}(?:${alternation([...YEARLY, ...PERIODIC])})${NOT_WORD}`, 'iu')
const YEARLY_AFTER_RE = new RegExp(`^\\s*(?:${alternation(YEARLY)})${NOT_WORD}`, 'iu')
const ACTION_RE = new RegExp(`${WORD_START}(?:${alternation(DEADLINE_ACTIONS)})${NOT_WORD}`, 'giu')
// "giai đoạn 2023-2030", "từ năm 2023 đến năm 2030", "tầm nhìn đến năm 2045": periods, not deadlines.
const PERIOD_BEFORE_RE = new RegExp(
  `(?:(?:${alternation(PERIOD_LEADS)})\\s*|từ\\s+(?:năm\\s+)?\\d{4}\\s*(?:(?:đến|tới)(?:\\s+hết)?|-|–)\\s*|\\d{4}\\s*[-–]\\s*)$`,
  'iu',
)
const PERIOD_AFTER_RE = /^\s*(?:[-–]\s*\d|(?:đến|tới)\s+(?:năm\s+)?\d{4})/iu
const FROM_RE = /(?<![\p{L}\d])từ\s*$/iu
// The start of a range before its end, at the end of an action: "rà soát từ ngày 01/7/2025" (đến ngày 31/7/2025).
const FROM_TAIL_RE = /\s+(?:kể\s+)?từ\s+(?:ngày|tháng|năm|quý)\s[^,;]*$/iu
// "ngày tháng năm 2024": the year of a (blank) date, not a deadline of its own.
const DATE_PART_RE = /(?<![\p{L}\d])(?:ngày|tháng)\s*\d{0,2}\s*$/iu
const RECIPIENT_RE = new RegExp(
  `${WORD_START}(?:(?<report>${alternation(REPORT_VERBS)})|${alternation(RECIPIENT_OPENERS)})\\s+\\(?\\s*`,
  'giu',
)
const LOOKALIKE_RE = new RegExp(`${WORD_START}(?:${alternation(ACTION_LOOKALIKES)})${NOT_WORD}`, 'giu')
const DIRECTIVE_RE = new RegExp(`^\\s*(?:${alternation(DIRECTIVE_VERBS)})\\s+`, 'u')
const LABEL_RE = new RegExp(`^\\s*(?:${alternation(TIME_LABELS)})[^:]{0,40}:\\s*$`, 'iu')
const ONGOING_RE = new RegExp(`^\\s*[,;]?\\s*(?:${alternation(ONGOING_AFTER)})${NOT_WORD}`, 'iu')
const HORIZON_RE = new RegExp(`^(?:${alternation(HORIZON_LEADS)})$`, 'u')
// A title noun, capitalized as in a title ("Chiến lược", not "chiến lược").
const TITLE_RE = new RegExp(`${WORD_START}(?:${alternation(TITLE_NOUNS)})${NOT_WORD}`, 'u')
// Words after which an agency is an object, not the one who acts.
const OBJECT_END_RE = new RegExp(
  `${WORD_START}(?:${alternation([...PARTNER_OPENERS, ...OBJECT_LEADS, ...RECIPIENT_OPENERS, ...REPORT_VERBS])})\\s*[,;:]?\\s*\\(?\\s*$`,
  'iu',
)
// One more verb of a comma-separated run before an action: "sơ kết, " in "sơ kết, đánh giá".
const VERB_RUN_RE = /(?<![\p{L}\d])(?:\p{Ll}+\s){0,3}\p{Ll}+,\s*$/u
const ACTION_BEFORE_RE = new RegExp(`${WORD_START}(?:${alternation(DEADLINE_ACTIONS)})\\s+$`, 'iu')
const ACTION_END_RE = new RegExp(`\\s(?:${alternation(ACTION_ENDS)})\\s|[;:]|\\.(?:\\s|$)`, 'u')
const PLACE_DATE_RE = /^[\p{L} .-]{2,40},\s*ngày/u
// "Quý IV/2025 - Quý II/2026", "từ tháng 3 đến tháng 6/2026": what stands between the two ends of a range.
const RANGE_GAP_RE = /^\s*(?:[-–]|đến|tới)\s*(?:hết\s*)?$/iu
// A time cell or field ("Thời gian thực hiện: 2026") holding only a year: read as "năm 2026".
const BARE_YEAR_RE = /^(\s*(?:[^:\d]{1,60}:)?\s*)(\d{4})\s*\.?\s*$/u
// One holding only a span of years ("2025 - 2030", "Năm 2025 - 2026"): the task's time, due by its end, as
// "Quý IV/2025 - Quý II/2026" is; read as "đến năm 2030" (in running text, such a span is a period, not a deadline).
const BARE_YEARS_RE =
  /^(\s*(?:[^:\d]{1,60}:)?\s*)(?:[Nn]ăm\s+)?(\d{4})\s*[-–]\s*(?:[Nn]ăm\s+)?(\d{4})\s*\.?\s*$/u
// A date without "ngày" in a time field or cell ("30/6/2026", "Trước 30/6/2026"): read as "ngày 30/6/2026".
// A day and month, maybe a year, written with slashes alone: "30/6", "30/6/2026".
const BARE_DAY = String.raw`\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?`
const BARE_DATE_RE = new RegExp(String.raw`(?<!ngày\s*)(?<![\d/])(${BARE_DAY})(?![\d/])`, 'gu')

// A date without "ngày" after a deadline word in running text ("báo cáo trước 30/6 hằng năm",
// "hoàn thành chậm nhất 31/12/2025"): read as the day it is, "trước ngày 30/6".
// Each word's first letter in both cases, not the `i` flag: a case-insensitive Unicode pattern is case-folded
// with ICU as V8 compiles it, which crashed the command when threads did it at once (see agencies.ts).
const LED_BARE_DATE_RE = new RegExp(
  String.raw`(?<![\p{L}\d])([Tt]rước|[Cc]hậm nhất(?:\s+là)?|[Hh]ạn chót|[Đđ]ến hết|[Đđ]ến)\s+(${BARE_DAY})(?![\d/])`,
  'gu',
)
const HAS_LED_BARE_DATE_RE = new RegExp(LED_BARE_DATE_RE.source, 'u')

// What every date shape below has: "ngày", "tháng" or "năm" before a number, or "quý" (its number may be
// Roman). A sentence without one has no date.
const DATE_HINT_RE = /(?:ngày|tháng|năm)\s*\d|qu[ýí]|qúy/iu

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s))

/** How the words before a date bind it: "Trước ngày" → before, "chậm nhất" → by, "vào năm" → in. */
function relationBefore(prefix: string): { relation: Relation; length: number } | null {
  const m = RELATION_RE.exec(prefix)
  if (!m) return null
  const relation = RELATION_MAP.get(m[0].trim().toLocaleLowerCase('vi').replace(/\s+/gu, ' '))
  return relation ? { relation, length: m[0].length } : null
}

/** What a shape reads: the match's parts, the text before and after it, and whether a deadline word leads it. */
interface Seen {
  g: Record<string, string | undefined>
  before: string
  after: string
  sentence: string
  led: boolean
}

/** A date shape: its pattern, whether its relation is read with "ngày", the relation when none is written, and its reader. */
interface Shape {
  re: RegExp
  dayForm: boolean
  relation: Relation
  read: (seen: Seen) => Due | null
}

const due = (kind: Due['kind'], parts: Partial<Omit<Due, 'kind'>>): Due => ({
  kind,
  year: parts.year ?? null,
  month: parts.month ?? null,
  day: parts.day ?? null,
  quarter: parts.quarter ?? null,
})

/** A year that opens or closes a period ("từ năm 2023 đến năm 2030") or belongs to a date ("ngày tháng năm 2024"). */
const inPeriod = ({ before, after }: Seen): boolean =>
  [FROM_RE, DATE_PART_RE, PERIOD_BEFORE_RE].some((re) => re.test(before)) || PERIOD_AFTER_RE.test(after)

/** Date shapes, most specific first; every match claims its text, even one that is then not a deadline. */
const SHAPES: readonly Shape[] = [
  {
    // A bare "ngày 09/11/2023" is a citation's date; a deadline has "trước", "chậm nhất", "vào" ... before it.
    re: new RegExp(`${WORD_START}${DAY_MONTH}${YEAR_TAIL}${Y}${NOT_WORD}`, 'giu'),
    dayForm: true,
    relation: 'on',
    read: ({ g, led }) => (led ? due('date', { year: num(g.y), month: num(g.m), day: num(g.d) }) : null),
  },
  {
    re: new RegExp(`${WORD_START}ngày\\s*${D}\\s*(?:của\\s+)?(?:${alternation(MONTHLY)})${NOT_WORD}`, 'giu'),
    dayForm: true,
    relation: 'on',
    read: ({ g }) => due('monthly', { day: num(g.d) }),
  },
  {
    // Day and month with no year: every year when "hằng năm" or "định kỳ" says so, else a date of an unstated year.
    // Not followed by a year ("15/12/2025" is the shape above), but a sentence may end right after it ("15/12.").
    re: new RegExp(`${WORD_START}${DAY_MONTH}(?!\\d|[/.-]\\d)${NOT_WORD}`, 'giu'),
    dayForm: true,
    relation: 'on',
    read: ({ g, led, after, sentence }) => {
      const parts = { month: num(g.m), day: num(g.d) }
      if (YEARLY_AFTER_RE.test(after) || (led && yearlyIn(sentence))) return due('yearly', parts)
      return led ? due('date', parts) : null
    },
  },
  {
    re: new RegExp(
      `${WORD_START}(?:quý|quí|qúy)\\s+(?<q>IV|III|II|I|[1-4])${NOT_WORD}(?:\\s*(?:\\/|,?\\s*năm)\\s*${Y})?`,
      'giu',
    ),
    dayForm: false,
    relation: 'in',
    read: ({ g }) =>
      due('quarter', { year: num(g.y), quarter: ROMAN_QUARTERS[(g.q ?? '').toUpperCase()] ?? num(g.q) }),
  },
  {
    re: new RegExp(`${WORD_START}tháng\\s*${M}\\s*(?:${alternation(YEARLY)})${NOT_WORD}`, 'giu'),
    dayForm: false,
    relation: 'in',
    read: ({ g }) => due('yearly', { month: num(g.m) }),
  },
  {
    re: new RegExp(`${WORD_START}tháng\\s*${M}${YEAR_TAIL}${Y}${NOT_WORD}`, 'giu'),
    dayForm: false,
    relation: 'in',
    read: ({ g, before }) =>
      FROM_RE.test(before) ? null : due('month', { year: num(g.y), month: num(g.m) }),
  },
  {
    re: new RegExp(`${WORD_START}năm\\s+${Y}${NOT_WORD}`, 'giu'),
    dayForm: false,
    relation: 'in',
    read: (seen) => (inPeriod(seen) ? null : due('year', { year: num(seen.g.y) })),
  },
]

/** A dated phrase from one match of a shape, or null when the match is not a deadline on its own terms. */
function toDated(shape: Shape, m: RegExpExecArray, sentence: string, labelled: boolean): Dated | null {
  const start = m.index
  const end = start + m[0].length
  const before = textBefore(sentence, start)
  const seen: Seen = {
    g: m.groups ?? {},
    before,
    after: sentence.slice(end),
    sentence,
    led: labelled || DATE_LEAD_RE.test(before),
  }
  const found = shape.read(seen)
  if (!found) return null
  // "Trước ngày 05 tháng 12": the relation is read with the word "ngày".
  const rel = relationBefore(shape.dayForm ? `${before}ngày` : before)
  const lead = rel ? (shape.dayForm ? start + 'ngày'.length : start) - rel.length : start
  const leadWord = rel ? collapse(sentence.slice(lead, start)).toLocaleLowerCase('vi') || 'ngày' : null
  return { due: found, relation: rel?.relation ?? shape.relation, lead, leadWord, led: seen.led, start, end }
}

// Whether a sentence says "hằng năm" or "định kỳ" anywhere, asked once per dated phrase of it: kept for the last sentence.
let yearlyMemo: [sentence: string, yearly: boolean] = ['', false]
function yearlyIn(sentence: string): boolean {
  if (yearlyMemo[0] !== sentence) yearlyMemo = [sentence, YEARLY_RE.test(sentence)]
  return yearlyMemo[1]
}

// How far back the words that bind a date are looked for ("chậm nhất là trước ngày", "từ năm 2023 đến").
const BEFORE_WINDOW = 200

/** The text before a date, as far back as its binding words go; every test of it is anchored at its end, so a long line stays linear. */
function textBefore(sentence: string, start: number): string {
  return sentence.slice(Math.max(0, start - BEFORE_WINDOW), start)
}

/** Dated phrases of a sentence (quotes masked), in order; each stretch of text is read by one shape only. */
function datedPhrases(sentence: string, labelled = false): Dated[] {
  // One flag per character: checking a phrase against every claimed one is quadratic on a long line.
  const claimed = new Uint8Array(sentence.length)
  const free = (s: number, e: number) => !claimed.subarray(s, e).includes(1)
  const out: Dated[] = []
  for (const shape of SHAPES) {
    for (const m of sentence.matchAll(shape.re)) {
      const end = m.index + m[0].length
      if (!free(m.index, end)) continue
      claimed.fill(1, m.index, end)
      const dated = toDated(shape, m, sentence, labelled)
      if (dated) out.push(dated)
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

/**
 * A range's end is its deadline ("Quý IV/2025 - Quý II/2026" is due by Quý II/2026); its start is none, nor is
 * a start without an end ("Từ 01/7/2025").
 */
function rangeEnds(phrases: Dated[], sentence: string): Dated[] {
  const joined = (a: Dated | undefined, b: Dated | undefined) =>
    a !== undefined && b !== undefined && RANGE_GAP_RE.test(sentence.slice(a.end, b.start))
  return phrases.flatMap((d, i) => {
    if (joined(d, phrases[i + 1])) return []
    if (joined(phrases[i - 1], d)) return [{ ...d, relation: 'by' as const }]
    return FROM_RE.test(textBefore(sentence, d.start)) ? [] : [d]
  })
}

/** The clause (between semicolons) around a position. */
function clauseAround(sentence: string, pos: number): [number, number] {
  const start = sentence.lastIndexOf(';', pos - 1) + 1
  const end = sentence.indexOf(';', pos)
  return [start, end === -1 ? sentence.length : end]
}

const wordsIn = (text: string): number => text.split(/\s+/u).filter(Boolean).length

/** Where action words start, nouns that look like them ("Chương trình") aside. */
function actionWords(sentence: string): number[] {
  const plain = sentence.replace(LOOKALIKE_RE, (m) => ' '.repeat(m.length))
  return [...plain.matchAll(ACTION_RE)].map((m) => m.index)
}

/** Take an action back over the verbs run before it: "sơ kết, đánh giá" from "đánh giá", "báo cáo đánh giá" too. */
function runBack(sentence: string, from: number, start: number): number {
  let at = start
  for (let runs = 0; runs < 4; runs++) {
    const before = sentence.slice(from, at)
    const adjacent = ACTION_BEFORE_RE.exec(before)
    if (adjacent) {
      at -= adjacent[0].length
      continue
    }
    const run = VERB_RUN_RE.exec(before)
    if (!run) break
    // "tổ chức sơ kết, ": the run starts at its action word when it has one inside.
    const inner = [...run[0].matchAll(ACTION_RE)].find((m) => m.index > 0)
    if (inner) return at - run[0].length + inner.index
    // Other words join the run only as a whole phrase of their own: "..., rút kinh nghiệm, khen thưởng".
    if (!/(?:^|[,;:])\s*$/u.test(before.slice(0, run.index))) break
    at -= run[0].length
  }
  return at
}

/**
 * Where the action of a dated phrase starts: the nearest action word before it in its clause, if close
 * enough (else the first close one after), not a word that only carries the report ("gửi về Phòng ...").
 */
function actionStart(sentence: string, actions: number[], dated: Dated, carriers: number[]): number | null {
  const [from, to] = clauseAround(sentence, dated.start)
  const before = actions.filter((i) => i >= from && i < dated.lead)
  const nearest = before[before.length - 1]
  if (nearest !== undefined && wordsIn(sentence.slice(nearest, dated.lead)) <= MAX_ACTION_GAP) {
    // "báo cáo ... gửi về Phòng X": "gửi" only carries the report of the action before it.
    const own = before.filter((i, n) => n === 0 || !carriers.includes(i))
    return runBack(sentence, from, own[own.length - 1] ?? nearest)
  }
  return (
    actions.find(
      (i) => i >= dated.end && i < to && wordsIn(sentence.slice(dated.end, i)) <= MAX_ACTION_GAP,
    ) ?? null
  )
}

/** The verb phrase of the action, up to the date, a recipient, a purpose ("để tổng hợp") or the clause's end. */
function actionText(sentence: string, start: number, dated: Dated, stopsAt: number[]): string {
  const rest = sentence.slice(start)
  const stops = [ACTION_END_RE.exec(rest)?.index ?? rest.length]
  if (dated.lead > start) stops.push(dated.lead - start)
  for (const r of stopsAt) if (r > start + 1) stops.push(r - start)
  return trimAction(rest.slice(0, Math.min(...stops)).replace(FROM_TAIL_RE, ''))
}

/** Whitespace collapsed, stray punctuation and markup at the ends removed, at most 200 characters. */
function trimAction(text: string): string {
  const clean = collapse(text.replace(/[*()]/gu, ' ')).replace(/^[\s,;:.–-]+|[\s,;:.–-]+$/gu, '')
  return clean.length > 200 ? `${clean.slice(0, 200).replace(/\s+\S*$/u, '')} …` : clean
}

const ACTION_AT_RE = new RegExp(ACTION_RE.source, 'iuy')

/** An action that opens the date's own lead ("Sở Nội vụ hoàn thành trong tháng 6"): that action word. */
function leadAction(sentence: string, dated: Dated): string | null {
  ACTION_AT_RE.lastIndex = dated.lead
  return ACTION_AT_RE.exec(sentence)?.[0] ?? null
}

/** With no action word, the clause itself without its date says what is due. */
function fallbackAction(sentence: string, dated: Dated): string {
  const [from, to] = clauseAround(sentence, dated.start)
  return trimAction(
    `${sentence.slice(from, dated.lead).replace(FROM_TAIL_RE, '')} ${sentence.slice(dated.end, to)}`,
  )
}

/** Recipients after "gửi về", "về", "(qua ...)", "báo cáo ..." from `from` on, and where an action phrase must stop before them. */
function recipientsIn(
  sentence: string,
  mentions: AgencyMention[],
  from: number,
): { agencies: AgencyMention[]; stops: number[] } {
  const agencies: AgencyMention[] = []
  const stops: number[] = []
  for (const m of sentence.matchAll(RECIPIENT_RE)) {
    if (m.index < from) continue
    const listed = chainFrom(sentence, mentions, m.index + m[0].length)
    const first = listed[0]
    if (!first) continue
    // "gửi về X" is not part of the action; "báo cáo X" is, up to X.
    stops.push(m.groups?.report ? first.start : m.index)
    for (const a of listed) if (!agencies.includes(a)) agencies.push(a)
  }
  return { agencies, stops }
}

/**
 * Actors: the agencies the sentence opens with ("Các sở, ban, ngành ... tổ chức ..."), or that follow its
 * opening phrase ("Trước ngày 05 tháng 12 hằng năm, các đơn vị báo cáo ..."), or that a directive names
 * ("Ủy ban nhân dân tỉnh yêu cầu các sở ..."); none when the first agency is an object ("phối hợp với X").
 */
function actorsIn(sentence: string, mentions: AgencyMention[]): AgencyMention[] {
  const first = mentions[0]
  if (!first) return []
  const before = sentence.slice(0, first.start)
  const { from } = subjectStart(sentence)
  const atStart = first.start >= from && /^\s*$/u.test(sentence.slice(from, first.start))
  if (!atStart && (!/[,;:]\s*$/u.test(before) || OBJECT_END_RE.test(before))) return []
  const subject = chainFrom(sentence, mentions, first.start)
  const last = subject[subject.length - 1]
  const directive = last ? DIRECTIVE_RE.exec(sentence.slice(last.end)) : null
  if (!last || !directive) return subject
  const named = chainFrom(sentence, mentions, last.end + directive[0].length)
  return named.length > 0 ? named : subject
}

/** Whether a dated phrase is a deadline: what it needs besides its date, by kind. */
function isObligation(sentence: string, dated: Dated, start: number | null, labelled: boolean): boolean {
  const { kind } = dated.due
  if (labelled || kind === 'date' || kind === 'yearly' || kind === 'monthly') return true
  // A year needs an action ("sơ kết ... vào năm 2025"); a month or quarter an action or "trước", "trong" ...
  if (start === null) return kind !== 'year' && dated.led
  // "phê duyệt Chiến lược hạ tầng số đến năm 2025": the year is the title's horizon.
  const horizon = dated.leadWord !== null && HORIZON_RE.test(dated.leadWord)
  return !(
    kind === 'year' &&
    horizon &&
    start < dated.lead &&
    TITLE_RE.test(sentence.slice(start, dated.lead))
  )
}

/** Where a sentence stands in its unit, and what the sentences before it said. */
interface InUnit {
  doc: Doc
  /** The unit's text before the sentence: the numbers in it tell which of its lines a date is on. */
  before: string
  /**
   * Who the last sentence before with a deadline named as its actors: a sentence naming nobody goes on with
   * them ("Sở Khoa học và Công nghệ tổng hợp, báo cáo … trước ngày 30/11. Báo cáo tổng kết … (năm 2035)").
   */
  carried: Agency[]
}

/** Deadlines stated in one sentence of a unit. */
function deadlinesIn(
  written: string,
  unit: Unit,
  ctx: Context,
  minYear: number | null,
  at: InUnit,
): Deadline[] {
  // A bare date has a slash: most sentences have none, and are not searched for one.
  const sentence = written.includes('/') ? written.replace(LED_BARE_DATE_RE, '$1 ngày $2') : written
  if (!DATE_HINT_RE.test(sentence)) return []
  const masked = maskQuotes(sentence)
  const phrases = rangeEnds(datedPhrases(masked, unit.labelled === true), masked).filter(
    (d) => minYear === null || d.due.year === null || d.due.year >= minYear,
  )
  if (phrases.length === 0) return []
  const mentions = findAgencies(sentence, ctx)
  const actions = actionWords(masked)
  const subject = actorsIn(masked, mentions)
  return phrases.flatMap((dated) => {
    // "Năm 2025 và các năm tiếp theo": ongoing work from a year on, not a deadline.
    if (ONGOING_RE.test(masked.slice(dated.end))) return []
    const labelled = unit.labelled === true || LABEL_RE.test(masked.slice(0, dated.lead))
    const [clauseStart] = clauseAround(masked, dated.start)
    const recipients = recipientsIn(masked, mentions, clauseStart)
    const start = actionStart(masked, actions, dated, recipients.stops)
    if (!isObligation(masked, dated, start, labelled)) return []
    const action =
      start !== null
        ? actionText(masked, start, dated, recipients.stops)
        : labelled
          ? trimAction(unit.task)
          : (leadAction(masked, dated) ?? fallbackAction(masked, dated))
    const named = subject.filter((m) => !recipients.agencies.includes(m)).map((m) => m.agency)
    if (named.length > 0) at.carried = named
    const actors = named.length > 0 ? named : at.carried.length > 0 ? at.carried : unit.actors()
    const deadline: Deadline = {
      text: unit.written ?? written,
      action,
      due: dated.due,
      relation: dated.relation,
      actors,
      recipients: recipients.agencies.map((m) => m.agency),
      path: unit.path,
      line: lineOfFact(
        at.doc,
        unit.span,
        at.before + sentence.slice(0, dated.start),
        sentence.slice(dated.start),
      ),
    }
    const page = pageAt(at.doc, deadline.line, unit.page)
    if (page !== undefined) deadline.page = page
    return [deadline]
  })
}

/** Headings and items of every section, each with the agencies of its clause as default actors; a task card's time with its task and agencies. */
function units(doc: Doc, ctx: Context, cards: Card[]): Unit[] {
  // A time shared by several groups of one task is dated once, for the first of them.
  const timeOf = new Map(
    cards.flatMap((c) => (c.time && !c.cell ? [[c.time.line, c] as const] : [])).reverse(),
  )
  // A section's own agencies, else its parent's: worked out only when a deadline there names nobody.
  const parentOf = new Map<Section, Section>()
  const latest = new Map<string, Section>()
  const actorsBySection = new Map<Section, Agency[]>()
  const actorsOf = (s: Section): Agency[] => {
    let actors = actorsBySection.get(s)
    if (!actors) {
      const own = parseClauseHeading(s.heading, ctx).agencies
      const parent = parentOf.get(s)
      actors = own.length > 0 ? own : parent ? actorsOf(parent) : []
      actorsBySection.set(s, actors)
    }
    return actors
  }
  const out: Unit[] = []
  for (const s of doc.flat) {
    const parent = s.path.includes('.') ? latest.get(s.path.slice(0, s.path.lastIndexOf('.'))) : undefined
    if (parent) parentOf.set(s, parent)
    latest.set(s.path, s)
    const actors = () => actorsOf(s)
    const task = s.heading
    out.push({ text: s.heading, task, path: s.path, span: headingSpan(s), page: s.page, actors })
    for (const item of s.items) {
      const card = timeOf.get(item.line)
      const own = card
        ? {
            task: card.task,
            actors: () => card.agencies,
            labelled: true,
            text: timeText(item.text),
            written: item.text,
          }
        : { task, actors }
      out.push({ text: item.text, path: s.path, span: item, page: item.page, ...own })
    }
  }
  return [...out, ...cards.flatMap(cellUnit)]
}

/**
 * A task's time as the date shapes read it: "2026" is "năm 2026", "2025 - 2030" is "đến năm 2030",
 * "30/6/2026" is "ngày 30/6/2026".
 */
function timeText(text: string): string {
  return text
    .replace(BARE_YEAR_RE, '$1năm $2')
    .replace(BARE_YEARS_RE, (span, label: string, from: string, to: string) =>
      Number(from) < Number(to) ? `${label}đến năm ${to}` : span,
    )
    .replace(BARE_DATE_RE, 'ngày $1')
}

/** The time cell of an appendix task row, as a unit whose date is the row's deadline. */
function cellUnit(card: Card): Unit[] {
  if (!card.cell || !card.time) return []
  const text = timeText(card.time.text)
  const { task, path, agencies: actors } = card
  return [
    {
      text,
      written: card.time.text,
      task,
      path,
      span: { line: card.time.line, endLine: card.time.line },
      actors: () => actors,
      labelled: true,
    },
  ]
}

/** The plan's own year, from the place-and-date line ("Hà Nam, ngày tháng năm 2024"): earlier years are history. */
function planYear(doc: Doc): number | null {
  for (const block of doc.preamble) {
    if (!PLACE_DATE_RE.test(block.text)) continue
    const year = findDate(block.text)?.date.year
    if (year) return year
  }
  return null
}

/** Deadlines from every heading and item of the body. */
export function extractDeadlines(doc: Doc, ctx: Context, cards: Card[] = taskCards(doc, ctx)): Deadline[] {
  const minYear = planYear(doc)
  const seen = new Set<string>()
  const out: Deadline[] = []
  for (const unit of units(doc, ctx, cards)) {
    // Most texts name no date: not split into sentences (a date's words never span two).
    if (!DATE_HINT_RE.test(unit.text) && !(unit.text.includes('/') && HAS_LED_BARE_DATE_RE.test(unit.text)))
      continue
    let offset = 0
    const at: InUnit = { doc, before: '', carried: [] }
    for (const sentence of sentences(unit.text)) {
      offset = Math.max(offset, unit.text.indexOf(sentence, offset))
      at.before = unit.text.slice(0, offset)
      for (const deadline of deadlinesIn(sentence, unit, ctx, minYear, at)) {
        const key = JSON.stringify([
          deadline.path,
          deadline.line,
          deadline.due,
          deadline.relation,
          deadline.text,
        ])
        if (seen.has(key)) continue
        seen.add(key)
        out.push(deadline)
      }
    }
  }
  return out
}
