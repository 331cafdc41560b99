import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { collapse, fold, slug } from '../src/normalize/text.js'

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
