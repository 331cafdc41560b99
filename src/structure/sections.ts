/** Rebuild the numbered section tree from the labels themselves. */
import type { Item, Section, Warning } from '../../schemas/plan.js'
import { isUpper } from '../normalize/text.js'
import type { Block } from '../types.js'
import { type Label, nextLabel, parseLabel } from './labels.js'
import { sectionRole } from './roles.js'

interface Open {
  section: Section
  label: Label
}

/** Full text of a block with its list marker, so "1." from a Markdown list is a label again. */
export function labelledText(block: Block): string {
  return block.marker && /^\d/.test(block.marker) ? `${block.marker} ${block.text}` : block.text
}

function itemOf(block: Block, path: string): Item {
  const item: Item = { text: block.text, path, line: block.line, endLine: block.endLine }
  if (block.page !== undefined) item.page = block.page
  return item
}

/** Where a new labelled block attaches: the index in the open stack of its parent, or -1 for the root. */
function parentIndex(stack: Open[], label: Label): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i] as Open
    const kind = open.label.kind
    if (label.kind === 'part') continue
    if (label.kind === 'clause') {
      if (kind === 'part') return i
      // "3.1" goes under "3"; "4" or "3.2" closes "3.1".
      if (kind === 'clause' && isPrefix(open.label.numbers, label.numbers)) return i
      continue
    }
    // A point attaches to the nearest clause, or to a part without clauses.
    if (kind === 'clause' || kind === 'part') return i
  }
  return -1
}

function isPrefix(prefix: number[], numbers: number[]): boolean {
  return prefix.length < numbers.length && prefix.every((n, i) => numbers[i] === n)
}

/** "1." right after "đ)" under clause 3 starts a list inside the point, not clause 1 again. */
function isNestedRestart(stack: Open[], label: Label): boolean {
  const top = stack[stack.length - 1]
  if (!top || label.kind !== 'clause' || label.numbers.length !== 1 || label.numbers[0] !== 1) return false
  return top.label.kind === 'point' || (top.label.kind === 'clause' && top.section.depth > 2)
}

/** Build the tree; unlabelled blocks become items of the innermost open section. */
export function buildSections(blocks: Block[]): { sections: Section[]; warnings: Warning[] } {
  const roots: Section[] = []
  const stack: Open[] = []
  const warnings: Warning[] = []

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block
    const label = block.marker && !/^\d/.test(block.marker) ? null : parseLabel(labelledText(block))
    if (!label || isNestedRestart(stack, label)) {
      const top = stack[stack.length - 1]
      if (top) {
        top.section.items.push(itemOf(block, top.section.path))
        // Every open section ends here too: a part ends with the last item of its last clause.
        for (const open of stack) open.section.endLine = block.endLine
      }
      continue
    }
    const at = parentIndex(stack, label)
    stack.length = at + 1
    const parent = stack[at]?.section
    const under = stack[at]?.label
    const segments =
      label.kind === 'clause' && under?.kind === 'clause'
        ? label.numbers.slice(under.numbers.length)
        : label.label.split('.')
    const path = parent ? `${parent.path}.${segments.join('.')}` : label.label
    let heading = label.rest
    // A title wrapped onto a second block ("I. MỤC ĐÍCH," / "YÊU CẦU").
    const next = blocks[i + 1]
    if (
      next &&
      isUpper(heading) &&
      isUpper(next.text) &&
      !parseLabel(labelledText(next)) &&
      next.text.split(' ').length <= 12 &&
      /[,\p{L}]$/u.test(heading) &&
      !/[.:]$/.test(next.text)
    ) {
      heading = `${heading} ${next.text}`
      i++
    }
    const section: Section = {
      path,
      label: label.label,
      depth: parent ? parent.depth + 1 : 1,
      heading,
      role: null,
      line: block.line,
      endLine: blocks[i]?.endLine ?? block.endLine,
      items: [],
      children: [],
    }
    section.role = sectionRole(section)
    if (block.page !== undefined) section.page = block.page
    if (parent) parent.children.push(section)
    else roots.push(section)
    stack.push({ section, label })
    for (const open of stack) open.section.endLine = section.endLine
  }
  checkSequences(roots, null, warnings)
  return { sections: roots, warnings }
}

/** Warn where siblings jump (d → h) or repeat, without changing the document's own labels. */
function checkSequences(siblings: Section[], parentPath: string | null, warnings: Warning[]): void {
  for (let i = 1; i < siblings.length; i++) {
    const before = siblings[i - 1] as Section
    const here = siblings[i] as Section
    const kind = kindOf(before)
    const prev = parseLabel(labelText(before))
    const expected = prev ? nextLabel(kind, prev.numbers) : null
    // Many plans skip the point đ): d) → e) is no jump.
    const skipsD = kind === 'point' && before.label === 'd' && here.label === 'e'
    if (expected !== null && kind === kindOf(here) && here.label !== expected && !skipsD) {
      const what = here.label === before.label ? 'repeats' : 'jumps from'
      warnings.push({
        code: here.label === before.label ? 'label-duplicate' : 'label-sequence',
        message: `${kind} list ${what} ${display(kind, before.label)} to ${display(kind, here.label)} (expected ${display(kind, expected)})`,
        path: parentPath,
        line: here.line,
      })
    }
  }
  for (const s of siblings) checkSequences(s.children, s.path, warnings)
}

function kindOf(section: Section): Label['kind'] {
  if (/^[IVXL]+$/.test(section.label) && section.depth === 1) return 'part'
  return /^\d/.test(section.label) ? 'clause' : 'point'
}

function labelText(section: Section): string {
  const kind = kindOf(section)
  return kind === 'point' ? `${section.label})` : `${section.label}.`
}

function display(kind: Label['kind'], label: string): string {
  return kind === 'point' ? `${label})` : `${label}.`
}

/** Sections in document order. */
export function flatten(sections: Section[], into: Section[] = []): Section[] {
  for (const s of sections) {
    into.push(s)
    flatten(s.children, into)
  }
  return into
}
