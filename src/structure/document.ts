/** Split the blocks into preamble (header, title, legal bases), body (numbered parts) and tail (recipients, signature, appendices). */
import type { Block } from '../types.js'
import { parseLabel } from './labels.js'
import { labelledText } from './sections.js'

const TAIL_START = /^(Nơi nhận(?![\p{L}\d])|(TM|KT|TL|TUQ|Q)\.\s*\p{Lu}|PHỤ LỤC(?![\p{L}\d]))/iu

/** Index of the block that opens the body: part I, or clause 1 when the plan has no parts. */
export function bodyStart(blocks: Block[]): number {
  const firstOf = (kind: 'part' | 'clause') =>
    blocks.findIndex((b) => {
      const label = parseLabel(labelledText(b))
      return label?.kind === kind && label.numbers.length === 1 && label.numbers[0] === 1
    })
  const part = firstOf('part')
  return part >= 0 ? part : Math.max(firstOf('clause'), 0)
}

/** Index of the first block after the body, or blocks.length. */
export function tailStart(blocks: Block[], from: number): number {
  for (let i = from + 1; i < blocks.length; i++) if (TAIL_START.test((blocks[i] as Block).text)) return i
  return blocks.length
}

/** The three regions of a plan. */
export function splitDocument(blocks: Block[]): { preamble: Block[]; body: Block[]; tail: Block[] } {
  const start = bodyStart(blocks)
  const end = tailStart(blocks, start)
  return { preamble: blocks.slice(0, start), body: blocks.slice(start, end), tail: blocks.slice(end) }
}
