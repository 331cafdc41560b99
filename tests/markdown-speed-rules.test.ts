/**
 * The two rules that keep Markdown reading fast without changing what it reads: GFM only where a
 * table may be, and long documents parsed in parts cut where no block can go on.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import type { Nodes } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { markdownBlocks, markdownParts } from '../src/ingest/blocks-markdown.js'
import { mayHaveTable } from '../src/ingest/sniff.js'

const gfm = unified().use(remarkParse).use(remarkGfm)
const hasTable = (node: Nodes): boolean =>
  node.type === 'table' || ('children' in node && (node.children as Nodes[]).some(hasTable))
const WHOLE = Number.POSITIVE_INFINITY
const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url))

describe('mayHaveTable', () => {
  it.each([
    '| Nội dung | Thời gian |\n| --- | --- |',
    'Nội dung | Thời gian\n---|---',
    '| STT |\n:-:',
    'Nội dung\n|-',
    '> | a | b |\n> |:--|--:|',
    '- Bảng:\n\n  | a |\n  | - |',
    '| a |\r\n| --- |\r\n',
    // A line that cannot be one is skipped to its end, whichever the line ends are.
    'Bảng 1: kinh phí\r| a |\r| --- |',
    'Bảng 1: kinh phí\r\n| a |\r\n|:-|',
    'Bảng 1 | a\n--|--',
  ])('is true when a line can be a delimiter row: %j', (text) => {
    expect(hasTable(gfm.parse(text))).toBe(true)
    expect(mayHaveTable(text)).toBe(true)
  })

  it.each([
    '**UỶ BAN NHÂN DÂN**\nTỈNH BẮC NINH\n-------\n|\nSố: 141/KH-UBND',
    'Thời gian: 2025 - 2030 | Kinh phí: ngân sách',
    '- a\n- b\n\n---',
    '',
  ])('is false when no line can be one: %j', (text) => {
    expect(mayHaveTable(text)).toBe(false)
  })

  it('never says no to a text remark-gfm reads a table from', () => {
    const line = fc
      .array(fc.constantFrom('|', '-', ':', ' ', '\t', '>', 'a', 'Số', '*'), { maxLength: 8 })
      .map((chars) => chars.join(''))
    const end = fc.constantFrom('\n', '\r\n', '\r')
    const text = fc
      .array(fc.tuple(line, end), { minLength: 1, maxLength: 6 })
      .map((lines) => lines.map(([l, e]) => l + e).join(''))
    fc.assert(
      fc.property(text, (t) => !hasTable(gfm.parse(t)) || mayHaveTable(t)),
      { numRuns: 3000 },
    )
  })
})

describe('markdownParts', () => {
  it('keeps a text of up to twice the part size whole', () => {
    expect(markdownParts('a\n\nb', 10)).toEqual([{ text: 'a\n\nb', lines: 0, offset: 0 }])
  })

  it('cuts after the part size, at a blank line before a line that starts at column 0', () => {
    const text = '- Một\n\n  tiếp theo\n\n- Hai\n\n**III. TỔ CHỨC**\n'
    expect(markdownParts(text, 4)).toEqual([
      { text: '- Một\n\n  tiếp theo\n\n', lines: 0, offset: 0 },
      { text: '- Hai\n\n', lines: 4, offset: 20 },
      { text: '**III. TỔ CHỨC**\n', lines: 6, offset: 27 },
    ])
  })

  it.each([
    ['a fence', '```\nmột\n\nhai\n```\n\nba\n\nbốn\n\nnăm'],
    ['an HTML comment', '<!--\nmột\n\nhai\n-->\n\nba\n\nbốn\n\nnăm'],
    ['a definition', '[văn bản][1]\n\nhai\n\nba\n\nbốn\n\n[1]: https://example.vn'],
    ['a footnote', 'Một[^1]\n\nhai\n\nba\n\nbốn\n\n[^1]: Quyết định số 1'],
  ])('does not cut a text with %s, which can reach across blank lines', (_, text) => {
    expect(markdownParts(text, 2)).toHaveLength(1)
  })
})

describe('markdown blocks of a text read in parts', () => {
  const PLAN = [
    '**KẾ HOẠCH**',
    'Triển khai phong trào thi đua',
    '',
    '**I. MỤC ĐÍCH, YÊU CẦU**',
    '',
    '1. Mục đích',
    '',
    '2. Yêu cầu',
    '   - Bám sát nhiệm vụ',
    'trọng tâm của tỉnh.',
    '',
    '   - Tiếp tục',
    '',
    '> Trích Quyết định số 12/QĐ-UBND',
    '',
    '|',
    'Sở Nội vụ',
    '|',
    '|',
    'Tháng 12/2025',
    '',
    '| Nhiệm vụ | Chủ trì |',
    '| --- | --- |',
    '| Tổng kết | Sở Nội vụ |',
    '',
    'a) Điểm một;',
    '',
    '- *Thời gian: *Năm 2026',
    '',
    '1. Lại từ đầu',
    '',
    '3. Số ba',
    '',
    '10. Kinh phí',
    '',
    // A heading inside the item; cut off from it, an indented code block.
    '    **Nguồn kinh phí**',
    '    ---',
  ].join('\n')

  it.each([1, 10, 40])('are the blocks of the whole text, with its lines (parts of %i)', (size) => {
    expect(markdownParts(PLAN, size).length).toBeGreaterThan(1)
    expect(markdownBlocks(PLAN, size)).toEqual(markdownBlocks(PLAN, WHOLE))
  })

  it('reads each seed plan (Vũng Tàu is Markdown, ~29 KB) in parts of the default size as a whole', () => {
    for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(CORPUS, name), 'utf8')
      expect(markdownParts(text).length).toBeGreaterThan(1)
      expect(markdownBlocks(text)).toEqual(markdownBlocks(text, WHOLE))
    }
  })

  it('reads a long document of lists in parts of the default size', () => {
    const item = '- Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan\ntham mưu bố trí kinh phí.\n'
    const text = `${item.repeat(20)}\n`.repeat(400)
    const parts = markdownParts(text)
    expect(parts.length).toBeGreaterThan(10)
    expect(parts.map((p) => p.text).join('')).toBe(text)
    const blocks = markdownBlocks(text)
    expect(blocks).toHaveLength(8000)
    expect(blocks.at(-1)).toMatchObject({ kind: 'item', marker: '-', line: 16398, endLine: 16399 })
  })
})
