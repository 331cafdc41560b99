/** Award forms (Bằng khen, Giấy khen, ...) and quotas ("10 tập thể và 20 cá nhân"). */
import type { AwardForm, AwardQuota, Occasion, Section } from '../../schemas/plan.js'
import { AWARD_HEADS, OCCASIONS } from '../lexicon/awards.js'
import { alternation, collapse, fold } from '../normalize/text.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { sectionsWithRole } from './items.js'

const FORM_LIST_RE = /^Hình thức khen thưởng\s*:\s*(?<list>.+)$/iu
const AWARD_HEAD_RE = new RegExp(`^(?:${alternation(AWARD_HEADS)})(?![\\p{L}\\d])`, 'u')
const COUNT_RE = /(?<n>\d{1,5})\s*(?<who>tập thể|cá nhân|hộ gia đình|gia đình)/gu
const PERCENT_RE = /(?<n>\d{1,3}(?:,\d+)?)\s*%\s*(?:số\s+)?(?<who>tập thể|cá nhân)/gu
const YEAR_RE = /năm\s+(?<y>\d{4})/u
const PER_RE =
  /(?<per>(?:mỗi|cho mỗi|\/)\s*(?:xã, phường|phường, xã|đơn vị|xã|phường|huyện|cơ quan|trường|địa phương)[^,;:.]*)/u
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
    per: PER_RE.exec(text)?.groups?.per?.trim() ?? null,
    max: MAX_RE.test(text),
    percent:
      Object.keys(percent).length > 0
        ? { collectives: percent.collectives ?? null, individuals: percent.individuals ?? null }
        : null,
  }
}
