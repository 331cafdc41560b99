import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { collapse, fold, matchesAt, slug } from '../src/normalize/text.js'

describe('collapse', () => {
  it('turns every run of white space into one space and trims', () => {
    expect(collapse('  Sở  Nội\tvụ\n\ntỉnh ')).toBe('Sở Nội vụ tỉnh')
    expect(collapse('Sở\u00a0Nội vụ')).toBe('Sở Nội vụ')
    expect(collapse('Sở\nNội vụ')).toBe('Sở Nội vụ')
  })

  it('leaves a collapsed text as it is', () => {
    expect(collapse('Sở Nội vụ tỉnh Hà Nam')).toBe('Sở Nội vụ tỉnh Hà Nam')
    expect(collapse('')).toBe('')
  })

  it('agrees with the plain replace on any text', () => {
    const reference = (text: string) => text.replace(/\s+/g, ' ').trim()
    const spaced = fc.string({
      unit: fc.constantFrom('a', 'ở', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', ','),
    })
    fc.assert(fc.property(spaced, (text) => collapse(text) === reference(text)))
  })
})

describe('fold and slug', () => {
  it('remove diacritics, đ included, and lower-case', () => {
    expect(fold('Đào tạo')).toBe('dao tao')
    expect(slug('Sở Giáo dục và Đào tạo')).toBe('so-giao-duc-va-dao-tao')
  })
})

describe('matchesAt', () => {
  const GROUP = String.raw`(?<![\p{L}\d])(?:các\s+)?(?:sở|ban|cơ quan)(?![\p{L}\d])(?:\s*,\s*(?:sở|ban|cơ quan)(?![\p{L}\d]))*`
  const sticky = new RegExp(GROUP, 'uy')
  const global = new RegExp(GROUP, 'gu')
  const starts = /các|sở|ban|cơ/g
  const spans = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, m[0]])

  it('finds what a global scan finds, where the first words are', () => {
    const text = 'Giao các sở, ban, cơ quan và Sở Y tế; bancơ quan, cơ sở, các ban'
    expect(spans(matchesAt(text, starts, sticky))).toEqual(spans(text.matchAll(global)))
    expect(spans(matchesAt(text, starts, sticky))).toEqual([
      [5, 'các sở, ban, cơ quan'],
      [53, 'sở'],
      [57, 'các ban'],
    ])
  })

  it('agrees with the global scan on any text', () => {
    const text = fc.string({
      unit: fc.constantFrom('các', 'sở', 'ban', 'cơ quan', 'cơ', 'quan', ' ', ', ', 'a', 'Sở', 'ở'),
      maxLength: 30,
    })
    fc.assert(
      fc.property(text, (t) => {
        expect(spans(matchesAt(t, starts, sticky))).toEqual(spans(t.matchAll(global)))
      }),
    )
  })

  it('misses a match whose first word the start pattern leaves out', () => {
    expect(spans(matchesAt('giao sở, ban', /ban/g, sticky))).toEqual([[9, 'ban']])
  })
})
