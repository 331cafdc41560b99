/** What every extractor gets besides the document: the issuer (for agency levels) and a warning sink. */
import type { Level, Section, Warning } from '../../schemas/plan.js'

export interface Context {
  /** Level of the issuing committee: "Thành phố" in a district plan is district-level. */
  issuerLevel: Level
  /** The issuer's locality ("Hà Nam", "Vũng Tàu"), stripped from agency keys. */
  locality: string | null
  /** Sections by path, for cross-references. */
  byPath: Map<string, Section>
  warn: (warning: Warning) => void
}

/** A context with no issuer, for unit tests and stand-alone use. */
export function emptyContext(overrides: Partial<Context> = {}): Context {
  return { issuerLevel: null, locality: null, byPath: new Map(), warn: () => {}, ...overrides }
}
