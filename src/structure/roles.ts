/** What a section is about, from its heading. */
import type { SectionRole } from '../../schemas/plan.js'
import { ROLE_MAX_WORDS, ROLE_PATTERNS } from '../lexicon/roles.js'
import { fold } from '../normalize/text.js'

// Roles that may share one heading without making it ambiguous.
const FAMILY: Record<string, string> = {
  awards: 'awards',
  awardForms: 'awards',
  awardQuotas: 'awards',
  standards: 'awards',
  contents: 'tasks',
  solutions: 'tasks',
}

// A section's heading, folded once: its role is asked when the section is built, and whether it joins
// purposes and requirements later; a heading can be a long paragraph, and folding is not free. Kept by
// section, so the folded text goes with its document.
const foldedHeadings = new WeakMap<{ heading: string }, string>()

function foldedHeading(section: { heading: string }): string {
  let text = foldedHeadings.get(section)
  if (text === undefined) {
    text = fold(section.heading)
    foldedHeadings.set(section, text)
  }
  return text
}

/** Role of a heading ("GIẢI PHÁP CHỦ YẾU" → solutions), or null for headings that are sentences. */
export function roleOf(heading: string): SectionRole {
  return roleOfFolded(fold(heading))
}

/** `roleOf` a section's heading, folding it once for this and `joinsPurposesAndRequirements`. */
export function sectionRole(section: { heading: string }): SectionRole {
  // Most headings are sentences, and have no role: told by their words, without folding them. A word of the
  // heading as written is one or more of the folded one ("2023-2030" is two), so more of them are more there.
  if (
    section.heading.indexOf(':') === -1 &&
    wordsOver(unbracketed(section.heading), ROLE_MAX_WORDS, RAW_WORD_RE)
  )
    return null
  return roleOfFolded(foldedHeading(section))
}

// A run of anything but white space with a letter or digit in it: a word of a heading as written ("–" is none).
const RAW_WORD_RE = /\S*[\p{L}\d]\S*/gu

/** A heading without its brackets ("(chi tiết tại Phụ lục)"), which say nothing of its role. */
function unbracketed(text: string): string {
  return text.indexOf('(') === -1 ? text : text.replace(/\(.*?\)/g, ' ')
}

function roleOfFolded(folded: string): SectionRole {
  const role = roleOfTitle(folded)
  if (role !== null) return role
  // "Thời gian thực hiện Chương trình: Từ năm 2025 đến hết năm 2030": a title, then its content after the colon.
  // Only the roles that hold no list of items: "Nhiệm vụ: ..." in a part of solutions stays one of them.
  const colon = folded.indexOf(':')
  const titled = colon > 0 ? roleOfTitle(folded.slice(0, colon)) : null
  return titled !== null && TITLED_ROLES.has(titled) ? titled : null
}

const TITLED_ROLES = new Set<SectionRole>(['timeline', 'funding', 'reporting'])

function roleOfTitle(folded: string): SectionRole {
  const title = unbracketed(folded)
  // Most headings are sentences: counted first, they need none of the clean-up below.
  if (wordsOver(title, ROLE_MAX_WORDS, WORD_RE)) return null
  const text = title
    .replace(/[^a-z0-9 ,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (text === '') return null
  // "MỤC ĐÍCH, YÊU CẦU" covers two roles: its children carry them.
  if (/muc dich/.test(text) && /yeu cau/.test(text)) return null
  const role = match(text.replace(/,/g, ''))
  // "TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG" joins two subjects: its children carry them.
  const joined = text
    .split(/ va |, /)
    .slice(1)
    .map(match)
  if (role && joined.some((r) => r !== null && (FAMILY[r] ?? r) !== (FAMILY[role] ?? role))) return null
  return role
}

/** "MỤC ĐÍCH, YÊU CẦU": one heading over both purposes and requirements (a section's role is its heading's). */
export function joinsPurposesAndRequirements(section: { heading: string; role: SectionRole }): boolean {
  // "MỤC ĐÍCH" in any case or spelling has "đích" or "dich": a heading without either is not looked at further.
  if (section.role !== null || !/đích|dich/iu.test(section.heading)) return false
  const text = foldedHeading(section)
  return /muc dich/.test(text) && /yeu cau/.test(text)
}

// A word of a folded heading, as the clean-up leaves it: a run of letters, digits and commas.
const WORD_RE = /[a-z0-9,]+/g

/** Whether a text has more than `max` words (matches of the global `word`), counted only up to `max + 1`. */
function wordsOver(text: string, max: number, word: RegExp): boolean {
  word.lastIndex = 0
  for (let words = 0; word.exec(text) !== null; ) if (++words > max) return true
  return false
}

function match(text: string): SectionRole {
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(text.trim())) return role
  return null
}
