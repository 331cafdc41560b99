/** Award forms (Bằng khen, Giấy khen, ...) and quotas ("10 tập thể và 20 cá nhân"). */
import type { AwardForm, AwardQuota, Occasion, Section } from '../../schemas/plan.js'
import { AWARD_HEADS, OCCASIONS } from '../lexicon/awards.js'
import { alternation, collapse, fold } from '../normalize/text.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { sectionsWithRole } from './items.js'

const FORM_LIST_RE = /^Hình thức khen thưởng\s*:\s*(?<list>.+)$/iu
const AWARD_HEAD_RE = new RegExp(`^(?:${alternation(AWARD_HEADS)})(?![\\p{L}\\d])`, 'u')
// "10 tập thể", "05 (năm) cá nhân": the number may be spelled out after it in brackets.
const COUNT_RE =
  /(?<n>\d{1,5})\s*(?:\(\s*\p{Ll}+(?:\s+\p{Ll}+){0,3}\s*\)\s*)?(?<who>tập thể|cá nhân|hộ gia đình|gia đình)/gu
// "Tập thể: 05; cá nhân: 10": the kind first, as a label.
const LABEL_COUNT_RE =
  /(?<![\p{L}\d])(?<who>[Tt]ập thể|[Cc]á nhân|[Hh]ộ gia đình)\s*:\s*(?<n>\d{1,5})(?![\d%])/gu
const PERCENT_RE = /(?<n>\d{1,3}(?:,\d+)?)\s*%\s*(?:số\s+)?(?<who>tập thể|cá nhân)/gu
const YEAR_RE = /năm\s+(?<y>\d{4})/u
// The unit a quota is for: "mỗi xã, phường", "cho mỗi đơn vị trực thuộc", "/đơn vị"; up to three
// lower-case words more describe it, and a verb or a count ends it ("Mỗi huyện chọn 01 tập thể").
const PER_UNITS = [
  'xã, phường, thị trấn',
  'xã, phường',
  'phường, xã',
  'đơn vị',
  'thị trấn',
  'xã',
  'phường',
  'huyện',
  'quận',
  'cơ quan',
  'trường',
  'địa phương',
  'cụm',
  'khối',
]
const PER_STOPS = [
  'không',
  'tối',
  'được',
  'chọn',
  'xét',
  'đề',
  'khen',
  'tặng',
  'từ',
  'có',
  'là',
  'gồm',
  'với',
  'và',
]
const PER_RE = new RegExp(
  `(?:(?<![\\p{L}\\d])[Mm]ỗi|\\/)\\s*(?<unit>${alternation(PER_UNITS)})(?![\\p{L}\\d])` +
    `(?<more>(?:\\s+(?!(?:${alternation(PER_STOPS)})(?![\\p{L}\\d]))\\p{Ll}+){0,3})`,
  'u',
)
const MAX_RE = /không quá|tối đa/u

/** Occasions named in a text: sơ kết → interim, tổng kết → final, hằng năm → annual. */
export function occasionsIn(text: string): Occasion[] {
  const folded = fold(text)
  return OCCASIONS.filter(([word]) => folded.includes(fold(word)))
    .map(([, o]) => o)
    .filter((o, i, all) => all.indexOf(o) === i)
}

function awardSections(doc: Doc): Section[] {
  const roots = [
    ...sectionsWithRole(doc, 'awards'),
    ...sectionsWithRole(doc, 'awardForms'),
    ...sectionsWithRole(doc, 'awardQuotas'),
  ]
  const all = roots.flatMap((s) => flatten([s]))
  return all.filter((s, i) => all.indexOf(s) === i)
}

/** Forms from "Hình thức khen thưởng: A; B; C" lines and from award-named points of award sections. */
export function extractAwardForms(doc: Doc): AwardForm[] {
  const forms: AwardForm[] = []
  const add = (name: string, occasions: Occasion[], path: string, line: number) => {
    const clean = collapse(name).replace(/[.;:,]+$/, '')
    if (clean === '' || forms.some((f) => f.name === clean && f.path === path)) return
    forms.push({ name: clean, occasions, path, line })
  }
  for (const s of awardSections(doc)) {
    const context = [s.heading, ...s.items.map((i) => i.text)].join(' ')
    for (const item of s.items) {
      const list = FORM_LIST_RE.exec(item.text)?.groups?.list
      if (list) for (const name of list.split(/\s*;\s*/)) add(name, occasionsIn(s.heading), s.path, item.line)
    }
    if (AWARD_HEAD_RE.test(s.heading)) {
      add(s.heading.split(':')[0] ?? s.heading, occasionsIn(context), s.path, s.line)
    }
  }
  return forms
}

/** Quotas: counts of collectives, individuals and households per award and occasion. */
export function extractAwardQuotas(doc: Doc): AwardQuota[] {
  const quotas: AwardQuota[] = []
  for (const s of awardSections(doc)) {
    const award = AWARD_HEAD_RE.test(s.heading) ? collapse(s.heading.split(':')[0] ?? '') : null
    const texts = [{ text: s.heading, line: s.line }, ...s.items]
    for (const { text, line } of texts) {
      const quota = readQuota(text)
      if (!quota) continue
      quotas.push({ award: award ?? s.heading, ...quota, text, path: s.path, line })
    }
  }
  return quotas
}

type QuotaCounts = Omit<AwardQuota, 'award' | 'text' | 'path' | 'line'>

/** Counts in one sentence, or null when it has none. */
export function readQuota(text: string): QuotaCounts | null {
  const counts: Record<string, number> = {}
  for (const m of text.matchAll(COUNT_RE)) {
    const who =
      m.groups?.who === 'cá nhân' ? 'individuals' : m.groups?.who === 'tập thể' ? 'collectives' : 'households'
    counts[who] = Number(m.groups?.n)
  }
  for (const m of text.matchAll(LABEL_COUNT_RE)) {
    const who = fold(m.groups?.who ?? '')
    const kind = who === 'ca nhan' ? 'individuals' : who === 'tap the' ? 'collectives' : 'households'
    counts[kind] ??= Number(m.groups?.n)
  }
  const percent: Record<string, number> = {}
  for (const m of text.matchAll(PERCENT_RE)) {
    percent[m.groups?.who === 'cá nhân' ? 'individuals' : 'collectives'] = Number(
      (m.groups?.n ?? '').replace(',', '.'),
    )
  }
  if (Object.keys(counts).length === 0 && Object.keys(percent).length === 0) return null
  const year = YEAR_RE.exec(text)?.groups?.y
  return {
    occasion: occasionsIn(text)[0] ?? null,
    year: year ? Number(year) : null,
    collectives: counts.collectives ?? null,
    individuals: counts.individuals ?? null,
    households: counts.households ?? null,
    per: perUnit(text),
    max: MAX_RE.test(text),
    percent:
      Object.keys(percent).length > 0
        ? { collectives: percent.collectives ?? null, individuals: percent.individuals ?? null }
        : null,
  }
}

/** The unit a quota is for, as "mỗi" and the unit: "mỗi xã, phường", "mỗi đơn vị" for "/đơn vị". */
function perUnit(text: string): string | null {
  const m = PER_RE.exec(text)
  return m?.groups ? `mỗi ${m.groups.unit}${m.groups.more ?? ''}` : null
}
