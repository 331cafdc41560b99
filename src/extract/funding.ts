/** Funding: the text of the funding section and the sources it names. */
import type { Funding, Section } from '../../schemas/plan.js'
import { FUNDING_SOURCES } from '../lexicon/funding.js'
import { fold } from '../normalize/text.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { sectionsWithRole } from './items.js'

const NONE: Funding = { sources: [], text: '', path: null }

// The source words folded once, not for every text they are looked for in.
const FOLDED_SOURCES = FUNDING_SOURCES.map(([name, words]) => [name, words.map(fold)] as const)

// Where a plan has no funding part, the funding is said where the budget is assigned, most often in the
// finance department's clause of the implementation part: "Sở Tài chính ... bố trí kinh phí ... ngân sách nhà nước".
const FUNDS_WORD = 'kinh phi'
// What a text speaking of funds has in any case, looked for before folding the whole text.
const FUNDS_HINT_RE = /kinh\s+ph/iu

/**
 * The funding section's text, and which of the known source kinds it names. Without a funding section, the
 * first section whose own text speaks of funds (`kinh phí`) from a known source, one in the implementation
 * part before any other.
 */
export function extractFunding(doc: Doc): Funding {
  const section = sectionsWithRole(doc, 'funding')[0]
  if (section) {
    const texts = flatten([section]).flatMap((s) => [
      s === section ? '' : s.heading,
      ...s.items.map((i) => i.text),
    ])
    return funding(texts.filter(Boolean).join(' '), section.path)
  }
  const implementation = new Set(flatten(sectionsWithRole(doc, 'implementation')))
  const stated = doc.flat.flatMap((s) => {
    const text = ownText(s)
    const found = FUNDS_HINT_RE.test(text) && fold(text).includes(FUNDS_WORD) ? funding(text, s.path) : NONE
    return found.sources.length > 0 ? [{ found, inImplementation: implementation.has(s) }] : []
  })
  return (stated.find((f) => f.inImplementation) ?? stated[0])?.found ?? NONE
}

/** A section's heading and paragraphs, without its numbered children's. */
function ownText(section: Section): string {
  return [section.heading, ...section.items.map((i) => i.text)].filter(Boolean).join(' ')
}

function funding(text: string, path: string): Funding {
  const folded = fold(text)
  const sources = FOLDED_SOURCES.filter(([, words]) => words.some((w) => folded.includes(w))).map(
    ([name]) => name,
  )
  return { sources, text, path }
}
