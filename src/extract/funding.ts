/** Funding: the text of the funding section and the sources it names. */
import type { Funding } from '../../schemas/plan.js'
import { FUNDING_SOURCES } from '../lexicon/funding.js'
import { fold } from '../normalize/text.js'
import { flatten } from '../structure/sections.js'
import type { Doc } from '../types.js'
import { sectionsWithRole } from './items.js'

/** The funding section's text, and which of the known source kinds it names. */
export function extractFunding(doc: Doc): Funding {
  const section = sectionsWithRole(doc, 'funding')[0]
  if (!section) return { sources: [], text: '', path: null }
  const texts = flatten([section]).flatMap((s) => [
    s === section ? '' : s.heading,
    ...s.items.map((i) => i.text),
  ])
  const text = texts.filter(Boolean).join(' ')
  const folded = fold(text)
  const sources = FUNDING_SOURCES.filter(([, words]) => words.some((w) => folded.includes(fold(w)))).map(
    ([name]) => name,
  )
  return { sources, text, path: section.path }
}
