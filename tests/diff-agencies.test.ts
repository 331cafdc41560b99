import { describe, expect, it } from 'vitest'
import {
  agencyAffinity,
  agencyListChange,
  groupAffinity,
  groupNouns,
  keysMatch,
  type Levels,
  pairAgencies,
} from '../src/diff/agencies.js'
import { agency } from './diff-fixtures.js'

// A district plan (child) under a province plan (parent).
const levels: Levels = { parent: 'province', child: 'district' }

const soGD = agency('Sở Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'province')
const phongGD = agency('Phòng Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'district')
const soNV = agency('Sở Nội vụ', 'noi-vu', 'province')
const ubndHuyen = agency('Ủy ban nhân dân các huyện, thị xã, thành phố', 'uy-ban-nhan-dan', 'district')
const ubndPhuongXa = agency('Ủy ban nhân dân các phường, xã', 'uy-ban-nhan-dan', 'commune')
const ubndThanhPho = agency('Ủy ban nhân dân thành phố Vũng Tàu', 'uy-ban-nhan-dan', 'district')
const ubndTinh = agency('Ủy ban nhân dân tỉnh', 'uy-ban-nhan-dan', 'province')

describe('keysMatch', () => {
  it('matches equal keys and a key that extends the other by a suffix', () => {
    expect(keysMatch('giao-duc-va-dao-tao', 'giao-duc-va-dao-tao')).toBe(true)
    expect(keysMatch('tai-chinh', 'tai-chinh-ke-hoach')).toBe(true)
    expect(keysMatch('tai-chinh-ke-hoach', 'tai-chinh')).toBe(true)
  })

  it('does not match inside a word or different functions', () => {
    expect(keysMatch('tai-chinh', 'tai-chinhx')).toBe(false)
    expect(keysMatch('noi-vu', 'giao-duc-va-dao-tao')).toBe(false)
    expect(keysMatch('', 'noi-vu')).toBe(false)
  })
})

describe('agencyAffinity', () => {
  it('pairs a province Sở with the district Phòng of the same function', () => {
    expect(agencyAffinity(soGD, phongGD, levels)).toBe(1)
    expect(agencyAffinity(soNV, phongGD, levels)).toBe(0)
  })

  it('pairs each plan’s subordinate level: UBND các huyện ↔ UBND các phường, xã', () => {
    expect(agencyAffinity(ubndHuyen, ubndPhuongXa, levels)).toBe(1)
    // The district committee itself is the province plan's "huyện", but not its counterpart in the skeleton.
    expect(agencyAffinity(ubndHuyen, ubndThanhPho, levels)).toBeLessThan(1)
    expect(agencyAffinity(ubndTinh, ubndThanhPho, levels)).toBe(1)
    expect(agencyAffinity(ubndTinh, ubndPhuongXa, levels)).toBe(0)
  })

  it('falls back to the key when a level is unknown', () => {
    const unknown = agency('Hội Khuyến học', 'hoi-khuyen-hoc', null)
    expect(agencyAffinity(agency('Hội Khuyến học tỉnh', 'hoi-khuyen-hoc', 'province'), unknown, levels)).toBe(
      0.75,
    )
  })
})

describe('generic groups', () => {
  // Keys as the extractor makes them: a group's key is its nouns, and a group has no level.
  const soBanNganh = agency('Các sở, ban, ngành', 'so-ban-nganh', null)
  const coQuanBanNganh = agency(
    'Các cơ quan, ban, ngành, đoàn thể, đơn vị',
    'co-quan-ban-nganh-doan-the-don-vi',
    null,
  )
  const donVi = agency('các đơn vị', 'don-vi', null)
  const toChuc = agency(
    'các tổ chức chính trị - xã hội, tổ chức xã hội nghề nghiệp',
    'to-chuc-chinh-tri-xa-hoi-to-chuc-xa-hoi-nghe-nghiep',
    null,
  )

  it('reads a group key back into its nouns, longest first', () => {
    expect(groupNouns(soBanNganh)).toEqual(['so', 'ban', 'nganh'])
    expect(groupNouns(toChuc)).toEqual(['to-chuc-chinh-tri-xa-hoi', 'to-chuc-xa-hoi-nghe-nghiep'])
    // A named body, or a key with words that are no group noun, is not a group.
    expect(groupNouns(soGD)).toBeNull()
    expect(groupNouns(agency('Ban Tuyên giáo', 'ban-tuyen-giao', null))).toBeNull()
  })

  it('pairs a province’s “sở, ban, ngành” with a district’s “cơ quan, ban, ngành”: the level’s offices aside', () => {
    expect(groupAffinity(soBanNganh, coQuanBanNganh)).toBe(1)
    expect(agencyAffinity(soBanNganh, coQuanBanNganh, levels)).toBe(1)
    expect(agencyListChange('actors', [soBanNganh], [coQuanBanNganh], levels)).toEqual([])
  })

  it('does not pair groups of different bodies, nor a group with a named body', () => {
    expect(agencyAffinity(soBanNganh, donVi, levels)).toBe(0)
    expect(agencyAffinity(toChuc, coQuanBanNganh, levels)).toBe(0)
    expect(agencyAffinity(soBanNganh, soGD, levels)).toBe(0)
    // "các sở" alone names only the province's offices: nothing left to compare.
    expect(groupAffinity(agency('các sở', 'so', null), coQuanBanNganh)).toBe(0)
  })
})

describe('pairAgencies', () => {
  it('gives each agency its best counterpart, one to one', () => {
    const pairing = pairAgencies([ubndTinh, ubndHuyen], [ubndPhuongXa, ubndThanhPho], levels)
    expect(pairing.pairs.map(([p, c]) => [p.name, c.name])).toEqual([
      [ubndTinh.name, ubndThanhPho.name],
      [ubndHuyen.name, ubndPhuongXa.name],
    ])
    expect(pairing.score).toBe(1)
  })

  it('scores lists without counterparts 0 and two empty lists 1', () => {
    expect(pairAgencies([soNV], [phongGD], levels)).toMatchObject({
      score: 0,
      parentOnly: [soNV],
      childOnly: [phongGD],
    })
    expect(pairAgencies([], [], levels).score).toBe(1)
  })
})

describe('agencyListChange', () => {
  it('names both lists when some agency has no counterpart', () => {
    expect(agencyListChange('recipients', [soGD, soNV], [phongGD], levels)).toEqual([
      'recipients: Sở Giáo dục và Đào tạo, Sở Nội vụ → Phòng Giáo dục và Đào tạo',
    ])
  })

  it('says nothing when every agency has its counterpart at the other level', () => {
    expect(agencyListChange('recipients', [soGD], [phongGD], levels)).toEqual([])
  })
})
