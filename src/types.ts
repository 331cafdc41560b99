/** Internal shapes passed between pipeline stages (output shapes live in schemas/). */
import type { Section, Warning } from '../schemas/plan.js'

export type Format = 'markdown' | 'text' | 'pdf' | 'docx'

/** The text the parser saw, with where each line came from. */
export interface SourceText {
  text: string
  format: Format
  /** `pageOfLine[i]` is the page of line i + 1, for paged sources. */
  pageOfLine: number[] | null
  pages: number | null
  warnings: Warning[]
  /** Blocks read from the file's own structure (DOCX); `line` points into `text`. Absent: parse `text`. */
  blocks?: Block[]
}

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row'

/** One paragraph, heading, list item or table row, with its position. */
export interface Block {
  kind: BlockKind
  /** Markup removed, whitespace collapsed, NFC; the list marker is not part of it. */
  text: string
  /** List marker as written: "1.", "2)", "-", "+"; null for paragraphs and headings. */
  marker: string | null
  line: number
  endLine: number
  page?: number
  /** Table cells, for rows of a Markdown table. */
  cells?: string[]
  /** The block follows a lone "|" line (a flattened table cell); `row` when two bars precede it. */
  cell?: 'cell' | 'row'
}

/** Everything the extractors share: the section tree and the regions around it. */
export interface Doc {
  source: SourceText
  blocks: Block[]
  preamble: Block[]
  tail: Block[]
  sections: Section[]
  /** Sections in document order, flattened. */
  flat: Section[]
  warnings: Warning[]
}
