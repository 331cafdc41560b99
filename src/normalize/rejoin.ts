/** Re-join sentences that a page break split into two blocks. */
import type { Warning } from '../../schemas/plan.js'
import { parseLabel, startsWithLabel } from '../structure/labels.js'
import type { Block } from '../types.js'
import { startsLower } from './text.js'

/** A block (or a line) that ends like this has finished its sentence. */
export const FINISHED = /[.;:!?…]["”»)]?$|\.\/\.$/u

// Words that announce a list, with or without a colon ("Các nội dung gồm", "cụ thể như sau"): bullets follow.
const LIST_LEAD_RE = /(?:gồm|sau|sau đây|cụ thể|như sau|dưới đây|bao gồm)$/u

/** Whether `next` goes on with the sentence of `previous`; `dashed`: `previous` already took a line at a dash. */
function continues(previous: Block, next: Block, dashed: boolean): boolean {
  if (previous.kind === 'row' || next.kind === 'row' || next.cell) return false
  if (FINISHED.test(previous.text)) return false
  // A label alone or a short heading ("1. Mục đích") is not a broken sentence.
  if (previous.kind === 'heading' && parseLabel(previous.text)) return false
  if (next.marker && /^\d/.test(next.marker)) return false
  if (startsLower(next.text) && !startsWithLabel(next.text)) return true
  if (next.marker !== '-') return false
  // "giai đoạn 2026" + "- 2030 phấn đấu": a range wrapped onto a bullet.
  if (/\d$/.test(previous.text) && /^\d{4}\b/.test(next.text)) return true
  // "... của Công an thành phố" + "- Thường trực tham mưu ...": a hard-wrapped paragraph (more than one line)
  // whose next line starts at a dash, with no blank line between, is one sentence: a list after an
  // unfinished sentence would follow a colon, or a blank line.
  // Once is a wrapped line; a second such line is a list after all, as is one after words that announce it.
  return (
    !dashed &&
    previous.endLine > previous.line &&
    next.line === previous.endLine + 1 &&
    !startsWithLabel(next.text) &&
    !LIST_LEAD_RE.test(previous.text)
  )
}

/** Merge each block that continues the previous one's sentence, with a warning per join. */
export function rejoinBlocks(blocks: Block[]): { blocks: Block[]; warnings: Warning[] } {
  const out: Block[] = []
  const warnings: Warning[] = []
  const dashed = new WeakSet<Block>()
  for (const block of blocks) {
    const previous = out[out.length - 1]
    if (previous && continues(previous, block, dashed.has(previous))) {
      if (block.marker === '-' && !startsLower(block.text)) dashed.add(previous)
      // The dash that looked like a bullet is the sentence's own.
      const glue = block.marker === '-' ? ' - ' : ' '
      previous.text = `${previous.text}${glue}${block.text}`
      previous.endLine = block.endLine
      warnings.push({
        code: 'rejoined-page-break',
        message: `line ${block.line} continues the sentence of line ${previous.line}; joined`,
        path: null,
        line: block.line,
      })
      continue
    }
    out.push(blockOf(block))
  }
  return { blocks: out, warnings }
}

/**
 * A copy of `block` with every field of `Block`, in one order: the blocks of Markdown, text, PDF and DOCX
 * then share one hidden class, so the code after this step, optimized on one format's blocks, is not
 * thrown away and compiled again at the first block of another format (or the first table row).
 */
export function blockOf(block: Block): Block {
  return {
    kind: block.kind,
    text: block.text,
    marker: block.marker,
    line: block.line,
    endLine: block.endLine,
    page: block.page,
    cells: block.cells,
    cell: block.cell,
  }
}
