/** Split the blocks into preamble (header, title, legal bases), body (numbered parts) and tail (recipients, signature, appendices). */
import type { Block } from '../types.js'
import { parseLabel } from './labels.js'
import { labelledText } from './sections.js'

const TAIL_START = /^(Nơi nhận(?![\p{L}\d])|(TM|KT|TL|TUQ|Q)\.\s*\p{Lu}|PHỤ LỤC(?![\p{L}\d]))/iu

/** Index of the block that opens the body: the first part (I.), or clause 1 when the plan has no parts. */
export function bodyStart(blocks: Block[]): number {
  const labels = blocks.map((b) => parseLabel(labelledText(b)))
  const part = labels.findIndex((l) => l?.kind === 'part')
  if (part >= 0) return part
  return Math.max(
    labels.findIndex((l) => l?.kind === 'clause' && l.numbers.length === 1 && l.numbers[0] === 1),
    0,
  )
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
