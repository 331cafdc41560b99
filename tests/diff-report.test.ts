import { describe, expect, it } from 'vitest'
import { CATEGORIES } from '../schemas/diff.js'
import { diffPlans, renderHtml, renderText } from '../src/diff/index.js'
import { agency, assignment, items, plan } from './diff-fixtures.js'

const parent = plan('province', {
  solutions: items(
    'IV',
    'Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy.',
    'Rà soát, ban hành các chính sách thúc đẩy <b>học tập</b> & "xã hội".',
  ),
  assignments: [
    assignment(
      'VII.7',
      [agency('Ban Tuyên giáo Tỉnh ủy', 'ban-tuyen-giao', 'province')],
      'Phối hợp tuyên truyền.',
    ),
  ],
})
const child = plan('district', {
  solutions: items(
    'IV',
    'Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền.',
    'Thường xuyên kiểm tra, giám sát <script>alert(1)</script>.',
  ),
})
const diff = diffPlans(child, parent)

describe('text report', () => {
  const text = renderText(diff)

  it('names both plans, their levels and the legal-basis check', () => {
    expect(text).toContain('child   district.txt')
    expect(text).toContain('Ủy ban nhân dân thành phố Vũng Tàu, district')
    expect(text).toContain('the child (district) is one level below the parent (province)')
    expect(text).toContain('does not cite the parent')
  })

  it('lists removed items first, then added, changed and same, each with its source line', () => {
    const block = text.slice(text.indexOf('SOLUTIONS'))
    const order = ['- removed', '+ added', '~ changed'].map((mark) => block.indexOf(mark))
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(block).toMatch(/- removed\s+IV\.2\s+parent:12/)
    expect(block).toMatch(/~ changed\s+IV\.1 → IV\.1\s+parent:10 {2}child:10/)
    expect(block).toContain('• added "chính quyền"')
  })

  it('shows every category in the summary and only non-empty ones below it', () => {
    for (const category of ['Objectives', 'Assignments', 'Solutions'])
      expect(text).toMatch(new RegExp(`^${category} `, 'm'))
    expect(text).toContain('ASSIGNMENTS  1 removed')
    expect(text).not.toContain('OBJECTIVES')
  })

  it('is coloured only when asked', () => {
    expect(text).not.toContain('\x1b[')
    const coloured = renderText(diff, { color: true })
    expect(coloured).toContain('\x1b[31m- removed ')
    expect(coloured.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '')).toBe(text)
  })
})

describe('HTML report', () => {
  const html = renderHtml(diff)

  it('is one UTF-8 document that loads nothing from the network', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/)
    expect(html).not.toMatch(/https?:\/\//)
  })

  it('writes Vietnamese as characters and escapes everything from the documents', () => {
    expect(html).toContain('Tăng cường sự lãnh đạo')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;b&gt;học tập&lt;/b&gt; &amp; &quot;xã hội&quot;')
    expect(html).not.toContain('<script>alert')
  })

  it('has a row per pair with its status, and the counts per category', () => {
    const total = CATEGORIES.reduce((n, c) => n + diff[c].length, 0)
    expect(html.match(/class="pair [a-z]+" data-status=/g)).toHaveLength(total)
    expect(html).toContain(`${total} of ${total} items shown`)
    expect(html).toMatch(/<tr data-category="solutions">.*<td class="removed" data-count="removed">1<\/td>/)
  })

  it('marks the words that changed inside a changed pair', () => {
    expect(html).toContain('cấp ủy, <ins>chính quyền.</ins>')
  })
})
