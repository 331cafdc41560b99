import { describe, expect, it } from 'vitest'
import {
  agenciesAfter,
  canonicalName,
  findAgencies,
  leadingAgencies,
  portfolioHeadOf,
  splitAgencyList,
  toAgency,
} from '../src/extract/agencies.js'
import { emptyContext } from '../src/extract/context.js'

const province = emptyContext({ issuerLevel: 'province', locality: 'Hà Nam' })
const district = emptyContext({ issuerLevel: 'district', locality: 'Vũng Tàu' })
const centralCity = emptyContext({ issuerLevel: 'province', locality: 'Cần Thơ' })

const names = (text: string, ctx = province) => findAgencies(text, ctx).map((m) => m.agency.name)
const keys = (text: string, ctx = province) => splitAgencyList(text, ctx).map((a) => a.key)

describe('toAgency', () => {
  it.each([
    ['Sở Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'province'],
    ['Phòng Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'district'],
    ['Bộ Giáo dục và Đào tạo', 'giao-duc-va-dao-tao', 'national'],
    ['Hội Khuyến học tỉnh', 'hoi-khuyen-hoc', 'province'],
    ['Ủy ban nhân dân các huyện, thị xã, thành phố', 'uy-ban-nhan-dan', 'district'],
    ['Ban Tuyên giáo Tỉnh ủy', 'ban-tuyen-giao', 'province'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'uy-ban-mat-tran-to-quoc', 'province'],
    ['Hội Khuyến học Việt Nam', 'hoi-khuyen-hoc', 'national'],
    ['Thủ tướng Chính phủ', 'thu-tuong-chinh-phu', 'national'],
    ['Bộ Chỉ huy Quân sự tỉnh', 'bo-chi-huy-quan-su', 'province'],
    ['Tỉnh ủy', 'cap-uy', 'province'],
    ['Báo Hà Nam', 'bao', 'province'],
    ['Hội Khuyến học', 'hoi-khuyen-hoc', null],
    ['Trung tâm Văn hoá, Thông tin và Thể thao', 'trung-tam-van-hoa-thong-tin-va-the-thao', null],
  ])('%s in a province plan → %s, %s', (name, key, level) => {
    expect(toAgency(name, province)).toMatchObject({ name, key, level })
  })

  it.each([
    ['Hội Khuyến học thành phố Vũng Tàu', 'hoi-khuyen-hoc', 'district'],
    ['Liên đoàn Lao động thành phố Vũng Tàu', 'lien-doan-lao-dong', 'district'],
    ['Ủy ban nhân dân các phường, xã', 'uy-ban-nhan-dan', 'commune'],
    ['UBND cấp xã', 'uy-ban-nhan-dan', 'commune'],
    ['UBND Thành phố', 'uy-ban-nhan-dan', 'district'],
    ['Phòng Tài chính - Kế hoạch', 'tai-chinh-ke-hoach', 'district'],
  ])('%s in a district plan → %s, %s', (name, key, level) => {
    expect(toAgency(name, district)).toMatchObject({ key, level })
  })

  it.each([
    ['Kho bạc nhà nước khu vực XI', 'kho-bac-nha-nuoc'],
    ['Chi cục Hải quan khu vực XIX', 'chi-cuc-hai-quan'],
    ['Kiểm toán nhà nước khu vực II', 'kiem-toan-nha-nuoc'],
    ['Ngân hàng nhà nước khu vực 8', 'ngan-hang-nha-nuoc'],
    ['Thuế cơ sở 3', 'thue'],
  ])('leaves the numbered region of a branch out of the key, as a locality: %s → %s', (name, key) => {
    expect(toAgency(name, province)).toMatchObject({ name, key, level: null })
    expect(names(`${name} phối hợp`)).toEqual([name])
  })

  it('shares the key of a branch with its body named by a locality, and keeps a region without a numeral', () => {
    expect(toAgency('Kho bạc Nhà nước khu vực XI', province).key).toBe(
      toAgency('Kho bạc Nhà nước tỉnh', province).key,
    )
    expect(toAgency('Thuế cơ sở 3', province).key).toBe(toAgency('Thuế tỉnh', province).key)
    expect(toAgency('Ban Quản lý khu vực phát triển đô thị', province).key).toBe(
      'ban-quan-ly-khu-vuc-phat-trien-do-thi',
    )
    // "cơ sở" without its numeral names no place: no branch of the tax office, and "cấp cơ sở" is a tier.
    expect(names('Thuế cơ sở phối hợp')).toEqual([])
    expect(toAgency('UBND cấp cơ sở', province).level).toBe('commune')
    // Listed, each branch is complete at its region.
    expect(keys('Thuế tỉnh, Kho bạc nhà nước khu vực XI, Ngân hàng nhà nước khu vực 8')).toEqual([
      'thue',
      'kho-bac-nha-nuoc',
      'ngan-hang-nha-nuoc',
    ])
  })

  it('keys a branch ("Chi nhánh") as the body it is a branch of, and a branch of nothing named as itself', () => {
    expect(toAgency('Chi nhánh Ngân hàng Chính sách xã hội Thành phố', province).key).toBe(
      toAgency('Ngân hàng Chính sách xã hội tỉnh', province).key,
    )
    expect(toAgency('Chi nhánh điện lực', province).key).toBe('chi-nhanh-dien-luc')
  })

  it("leaves the issuer's place out of the key, as a whole word only", () => {
    const longAn = emptyContext({ issuerLevel: 'province', locality: 'Long An' })
    expect(toAgency('Hội Doanh nhân trẻ Long An', longAn).key).toBe('hoi-doanh-nhan-tre')
    expect(toAgency('Hội Doanh nhân trẻ Long Anh', longAn).key).toBe('hoi-doanh-nhan-tre-long-anh')
    // The first locality wins, the issuer's place or a unit word.
    expect(toAgency('Hội Doanh nhân trẻ tỉnh Long An', longAn).key).toBe('hoi-doanh-nhan-tre')
  })

  it('gives a centrally-run city province level, and a named city the level of a city', () => {
    expect(toAgency('Công an thành phố', centralCity).level).toBe('province')
    expect(toAgency('UBND thành phố Vũng Tàu', province).level).toBe('district')
    expect(toAgency('Ủy ban nhân dân Thành phố Hồ Chí Minh', district).level).toBe('province')
  })

  it('answers a text the same each time it is asked within one document, and per document context', () => {
    const ctx = emptyContext({ issuerLevel: 'district', locality: 'Vũng Tàu' })
    const first = toAgency('Ủy ban nhân dân thành phố Vũng Tàu', ctx)
    first.level = null
    // What one caller does with its agency does not reach the next caller.
    expect(toAgency('Ủy ban nhân dân thành phố Vũng Tàu', ctx).level).toBe('district')
    const text = 'Sở Nội vụ chủ trì, phối hợp với Sở Tài chính'
    const lead = leadingAgencies(text, ctx)
    lead.agencies.push(toAgency('Sở Y tế', ctx))
    expect(leadingAgencies(text, ctx).agencies.map((a) => a.key)).toEqual(['noi-vu'])
    // Another document's locality gives another answer for the same name.
    expect(toAgency('Báo Vũng Tàu', ctx).level).toBe('district')
    expect(toAgency('Báo Vũng Tàu', province).level).toBe(null)
  })

  it('expands abbreviations and puts tone marks in one placement', () => {
    expect(toAgency('Sở GD&ĐT', province)).toMatchObject({
      canonical: 'Sở Giáo dục và Đào tạo',
      key: 'giao-duc-va-dao-tao',
    })
    expect(toAgency('UBMTTQVN tỉnh', province).canonical).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh')
    expect(toAgency('Ủy ban MTTQVN tỉnh', province).key).toBe('uy-ban-mat-tran-to-quoc')
    expect(toAgency('LĐLĐ tỉnh', province).key).toBe('lien-doan-lao-dong')
    expect(toAgency('Uỷ ban nhân dân tỉnh', province).canonical).toBe('Ủy ban nhân dân tỉnh')
    expect(canonicalName('Sở VH,TT&DL')).toBe('Sở Văn hóa, Thể thao và Du lịch')
    expect(canonicalName('Sở LĐ-TB&XH')).toBe('Sở Lao động - Thương binh và Xã hội')
    expect(canonicalName('Sở NN&PTNT, Sở TN&MT, Sở TT&TT, Sở KH&CN')).toBe(
      'Sở Nông nghiệp và Phát triển nông thôn, Sở Tài nguyên và Môi trường, Sở Thông tin và Truyền thông, Sở Khoa học và Công nghệ',
    )
    expect(canonicalName('HĐND TP Vũng Tàu')).toBe('Hội đồng nhân dân thành phố Vũng Tàu')
  })

  it('keys a generic group by its nouns, with no level when it names none', () => {
    expect(toAgency('các sở, ban, ngành', province)).toMatchObject({ key: 'so-ban-nganh', level: null })
    expect(toAgency('các cơ quan, đơn vị liên quan', province)).toMatchObject({
      key: 'co-quan-don-vi',
      level: null,
    })
    // Where its members are is not their level: the schools of a province are of every level.
    expect(toAgency('các trường học trên địa bàn tỉnh', province).level).toBe(null)
    expect(toAgency('các cơ quan, đơn vị trên địa bàn thành phố', district).level).toBe(null)
  })

  it.each([
    ['Các sở, ban, ngành, đoàn thể cấp tỉnh', 'so-ban-nganh-doan-the', 'province'],
    ['các cơ quan, đơn vị cấp xã', 'co-quan-don-vi', 'commune'],
    ['các sở, ngành tỉnh', 'so-nganh', 'province'],
    ['các cơ quan, đơn vị của huyện', 'co-quan-don-vi', 'district'],
    ['các đơn vị thuộc thành phố Vũng Tàu', 'don-vi', 'district'],
    ['các Bộ, ngành Trung ương', 'bo-nganh', 'national'],
    // No place: the level of its one level word.
    ['các Sở', 'so', 'province'],
  ])('gives the group "%s" the level it names (%s, %s)', (name, key, level) => {
    expect(toAgency(name, province)).toMatchObject({ key, level })
  })
})

describe('findAgencies', () => {
  it('takes capitalized syllables, their lower-case second syllable, "và" and the locality, and stops at the verb', () => {
    expect(names('Hội Khuyến học tỉnh chủ trì, phối hợp tổ chức triển khai')).toEqual(['Hội Khuyến học tỉnh'])
    expect(names('Chủ trì, phối hợp với Hội Khuyến học thành phố triển khai', district)).toEqual([
      'Hội Khuyến học thành phố',
    ])
    expect(names('Sở Thông tin và Truyền thông phối hợp với Ban Tuyên giáo Tỉnh ủy chỉ đạo')).toEqual([
      'Sở Thông tin và Truyền thông',
      'Ban Tuyên giáo Tỉnh ủy',
    ])
    expect(names('do Bộ Giáo dục và Đào tạo phối hợp với Hội Khuyến học Việt Nam ban hành')).toEqual([
      'Bộ Giáo dục và Đào tạo',
      'Hội Khuyến học Việt Nam',
    ])
  })

  it('reads localities with commas and lists of units', () => {
    expect(names('Ủy ban nhân dân các huyện, thị xã, thành phố xây dựng kế hoạch')).toEqual([
      'Ủy ban nhân dân các huyện, thị xã, thành phố',
    ])
    expect(names('UBND tỉnh Bà Rịa-Vũng Tàu về việc')).toEqual(['UBND tỉnh Bà Rịa-Vũng Tàu'])
  })

  it('reads the joint office of the National Assembly delegation and the council as one agency, and only that', () => {
    const [office, ...rest] = findAgencies(
      'Văn phòng Đoàn ĐBQH và HĐND tỉnh, Sở Nội vụ phối hợp',
      province,
    ).map((m) => m.agency)
    expect(office).toMatchObject({ name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', level: 'province' })
    expect(office?.key).toBe(
      toAgency('Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh', province).key,
    )
    expect(rest.map((a) => a.name)).toEqual(['Sở Nội vụ'])
    // Any other "X và HĐND" is two agencies.
    expect(names('Văn phòng UBND tỉnh và HĐND tỉnh chủ trì')).toEqual(['Văn phòng UBND tỉnh', 'HĐND tỉnh'])
    expect(names('Văn phòng Đoàn đại biểu Quốc hội tỉnh chủ trì')).toEqual([
      'Văn phòng Đoàn đại biểu Quốc hội tỉnh',
    ])
  })

  it('reads a portfolio written loosely whole, with the key and canonical name of its official spelling', () => {
    const official = toAgency('Sở Văn hóa, Thể thao và Du lịch tỉnh', province)
    const [loose] = findAgencies('Sở Văn hoá Thể thao du lịch tỉnh chủ trì', province).map((m) => m.agency)
    expect(loose).toMatchObject({
      name: 'Sở Văn hoá Thể thao du lịch tỉnh',
      canonical: 'Sở Văn hóa, Thể thao và Du lịch tỉnh',
      key: official.key,
      level: 'province',
    })
    // No "và", no capitals: still one department, with the key of its exact spelling.
    expect(toAgency('Phòng Giáo dục Đào tạo', district).key).toBe('giao-duc-va-dao-tao')
    expect(
      findAgencies('Giao Sở giáo dục và đào tạo hướng dẫn', province).map((m) => m.agency.canonical),
    ).toEqual(['Sở Giáo dục và Đào tạo'])
    expect(names('Sở Giáo dục Đào tạo, Sở Y tế và Phòng Văn hóa Thông tin huyện phối hợp')).toEqual([
      'Sở Giáo dục Đào tạo',
      'Sở Y tế',
      'Phòng Văn hóa Thông tin huyện',
    ])
  })

  it('keeps the lower-case tails of bodies that have them, and only those', () => {
    expect(names('phối hợp với Ban Đại diện cha mẹ học sinh thường xuyên nhắc nhở')).toEqual([
      'Ban Đại diện cha mẹ học sinh',
    ])
    expect(names('Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ) phối hợp')).toEqual([
      'Trung tâm Dịch vụ việc làm Thành phố',
      'Sở Nội vụ',
    ])
    expect(names('Sở Nội vụ hướng dẫn giải quyết việc làm')).toEqual(['Sở Nội vụ'])
    expect(names('Ban Đại diện đề nghị')).toEqual(['Ban Đại diện'])
    expect(
      names(
        'Hội Cựu chiến binh tỉnh, Hội Người cao tuổi tỉnh, Hội Chữ thập đỏ tỉnh và Hội Cựu giáo chức tỉnh',
      ),
    ).toEqual([
      'Hội Cựu chiến binh tỉnh',
      'Hội Người cao tuổi tỉnh',
      'Hội Chữ thập đỏ tỉnh',
      'Hội Cựu giáo chức tỉnh',
    ])
    // The same words outside a name are not one.
    expect(names('Sở Nội vụ chủ trì, thăm hỏi cựu chiến binh')).toEqual(['Sở Nội vụ'])
    // A tail written with its tone mark where the text has it: "quỹ", "qũy".
    expect(names('Trung tâm Phát triển quỹ đất thành phố', district)).toEqual([
      'Trung tâm Phát triển quỹ đất thành phố',
    ])
    expect(names('Sở Nội vụ lập quỹ đất')).toEqual(['Sở Nội vụ'])
  })

  it('reads one office of both councils ("Văn phòng HĐND và UBND thành phố"), and member organizations as one group', () => {
    expect(names('Văn phòng HĐND và UBND thành phố phối hợp', district)).toEqual([
      'Văn phòng HĐND và UBND thành phố',
    ])
    expect(toAgency('Văn phòng HĐND và UBND thành phố', district).level).toBe('district')
    // The councils themselves are two bodies.
    expect(names('HĐND và UBND thành phố', district)).toEqual(['HĐND', 'UBND thành phố'])
    expect(names('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức thành viên')).toEqual([
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      'các tổ chức thành viên',
    ])
  })

  it('keys a shortened name as its full name ("Hội LHPN", "Ban CHQS", "Phòng VHTT")', () => {
    const same = (short: string, full: string) =>
      expect(toAgency(short, district).key).toBe(toAgency(full, district).key)
    same('Hội LHPN huyện', 'Hội Liên hiệp Phụ nữ huyện')
    same('Hội CCB huyện', 'Hội Cựu chiến binh huyện')
    same('Ban CHQS huyện', 'Ban Chỉ huy Quân sự huyện')
    same('Phòng VHTT', 'Phòng Văn hóa và Thông tin')
    same('Phòng VH-TT', 'Phòng Văn hóa và Thông tin')
    same('Trung tâm GDNN-GDTX huyện', 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện')
    same('Phòng KT&HT', 'Phòng Kinh tế và Hạ tầng')
    same('Đoàn TN huyện', 'Đoàn Thanh niên huyện')
    // Only a whole word is shortened: "CCBT" is no "Cựu chiến binh".
    expect(toAgency('Hội CCBT huyện', district).canonical).toBe('Hội CCBT huyện')
  })

  it('finds a mass organization shortened head and all ("HLHPN huyện", "HCCB tỉnh")', () => {
    expect(names('HLHPN huyện phối hợp thực hiện.', district)).toEqual(['HLHPN huyện'])
    expect(toAgency('HLHPN huyện', district).key).toBe(toAgency('Hội Liên hiệp Phụ nữ huyện', district).key)
    expect(toAgency('HCCB tỉnh', province)).toMatchObject({ key: 'hoi-cuu-chien-binh', level: 'province' })
    // A list of them is as many agencies, the youth union's "Đoàn TN" among them.
    expect(keys('HLHPN, Đoàn TN và HCCB huyện', district)).toEqual([
      'hoi-lien-hiep-phu-nu',
      'doan-thanh-nien-cong-san-ho-chi-minh',
      'hoi-cuu-chien-binh',
    ])
    // Not inside a longer word, nor as a word of running text.
    expect(names('Các HLHPNX và HCCBT được biểu dương.', district)).toEqual([])
  })

  it('reads a party committee\'s office and inspection commission, "kiểm tra" in either case', () => {
    expect(names('Ủy ban kiểm tra Huyện ủy phối hợp', district)).toEqual(['Ủy ban kiểm tra Huyện ủy'])
    expect(toAgency('Ủy ban kiểm tra Huyện ủy', district).key).toBe(
      toAgency('Ủy ban Kiểm tra Tỉnh ủy', province).key,
    )
    const office = toAgency('Văn phòng Tỉnh ủy', province)
    expect(office).toMatchObject({ key: 'van-phong-cap-uy', level: 'province' })
    expect(toAgency('Văn phòng Huyện ủy', district).key).toBe(office.key)
    // Not the committee's office: another office keeps its own key.
    expect(toAgency('Văn phòng UBND tỉnh', province).key).not.toBe(office.key)
    expect(toAgency('Văn phòng Sở Nội vụ', province).key).not.toBe(office.key)
  })

  it('reads a standing body ("Thường trực") as an agency of its own, not as a title\'s word', () => {
    expect(names('Thường trực HĐND huyện, Thường trực Huyện ủy chỉ đạo', district)).toEqual([
      'Thường trực HĐND huyện',
      'Thường trực Huyện ủy',
    ])
    const standing = toAgency('Thường trực Hội đồng nhân dân huyện', district)
    expect(standing).toMatchObject({ key: 'thuong-truc-hoi-dong-nhan-dan', level: 'district' })
    expect(standing.key).not.toBe(toAgency('HĐND huyện', district).key)
    expect(toAgency('Thường trực Tỉnh ủy', province).key).toBe(toAgency('Thường trực Huyện ủy', district).key)
    // A Vice Chair's title, and the lower-case word of a role, leave the body as it is.
    expect(names('Phó Chủ tịch Thường trực UBND tỉnh chỉ đạo', province)).toEqual(['UBND tỉnh'])
    expect(names('Sở Nội vụ là cơ quan thường trực Hội đồng Thi đua - Khen thưởng tỉnh', province)).toEqual([
      'Sở Nội vụ',
      'Hội đồng Thi đua - Khen thưởng tỉnh',
    ])
  })

  it('keys the youth union alike however its name is written', () => {
    const key = toAgency('Huyện đoàn', district).key
    expect(toAgency('Đoàn TNCS Hồ Chí Minh huyện', district).key).toBe(key)
    expect(toAgency('Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện', district).key).toBe(key)
    expect(toAgency('Đoàn Thanh niên xã', district).key).toBe(key)
    expect(toAgency('Đoàn Thanh niên Cộng sản Hồ Chí Minh Thành phố Hồ Chí Minh', district).key).toBe(key)
    // Another "Đoàn" is not the union.
    expect(toAgency('Đoàn Kiểm tra liên ngành', district).key).not.toBe(key)
  })

  it('reads the youth union of a place as a body of that level, keyed like its full name', () => {
    expect(names('Tỉnh đoàn phối hợp')).toEqual(['Tỉnh đoàn'])
    expect(names('Liên đoàn Lao động tỉnh, Tỉnh Đoàn, Hội Liên hiệp Phụ nữ tỉnh')).toEqual([
      'Liên đoàn Lao động tỉnh',
      'Tỉnh Đoàn',
      'Hội Liên hiệp Phụ nữ tỉnh',
    ])
    expect(names('Công an tỉnh, Tỉnh ủy')).toEqual(['Công an tỉnh', 'Tỉnh ủy'])
    expect(names('Ban Tuyên giáo Tỉnh Ủy')).toEqual(['Ban Tuyên giáo Tỉnh Ủy'])
    const full = toAgency('Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh', province)
    expect(toAgency('Tỉnh đoàn', province)).toMatchObject({ key: full.key, level: 'province' })
    expect(toAgency('Huyện đoàn', district)).toMatchObject({ key: full.key, level: 'district' })
    expect(toAgency('Tỉnh Ủy', province)).toMatchObject({
      key: toAgency('Tỉnh ủy', province).key,
      level: 'province',
    })
  })

  it('reads no youth union or party committee from a unit word before other words', () => {
    expect(names('Công an tỉnh đoàn kết')).toEqual(['Công an tỉnh'])
    expect(names('các tổ chức xã hội tỉnh')).toEqual(['các tổ chức xã hội tỉnh'])
    expect(names('UBND các huyện, thị xã, thành phố')).toEqual(['UBND các huyện, thị xã, thành phố'])
  })

  it('reads the portfolios only a ministry has in a list of "Bộ" ("các Bộ: Công an, Quốc phòng")', () => {
    const canonical = (text: string) => findAgencies(text, province).map((m) => m.agency.canonical)
    expect(canonical('phối hợp với các Bộ: Công an, Quốc phòng, Ngoại giao')).toEqual([
      'Bộ Công an',
      'Bộ Quốc phòng',
      'Bộ Ngoại giao',
    ])
    expect(canonical('Bộ Quốc phòng, Công an')).toEqual(['Bộ Quốc phòng', 'Bộ Công an'])
  })

  it('reads no ministry-only portfolio in a list of "Sở" ("Sở Tư pháp, Công an tỉnh")', () => {
    const found = findAgencies('Sở Tư pháp, Công an tỉnh', province).map((m) => [
      m.agency.canonical,
      m.agency.level,
    ])
    expect(found).toEqual([
      ['Sở Tư pháp', 'province'],
      ['Công an tỉnh', 'province'],
    ])
    expect(names('các Sở: Công an, Tư pháp')).toEqual(['các Sở'])
  })

  it('reads each portfolio of a list that shares its head ("các Sở: Nội vụ, Tư pháp") as an agency of that head', () => {
    const listed = findAgencies('Giao các Sở: Nội vụ, Tư pháp, Tài chính phối hợp thực hiện', province).map(
      (m) => m.agency,
    )
    expect(listed.map((a) => [a.name, a.canonical, a.level])).toEqual([
      ['Nội vụ', 'Sở Nội vụ', 'province'],
      ['Tư pháp', 'Sở Tư pháp', 'province'],
      ['Tài chính', 'Sở Tài chính', 'province'],
    ])
    expect(listed[1]?.key).toBe(toAgency('Sở Tư pháp', province).key)
    // The list is read as far as it goes: "Tài chính, Kế hoạch" is not "Tài chính - Kế hoạch" before "và Đầu tư".
    expect(
      findAgencies('đề nghị các Sở: Tài chính, Kế hoạch và Đầu tư; Nội vụ hướng dẫn', province).map(
        (m) => m.agency.canonical,
      ),
    ).toEqual(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Nội vụ'])
    // A clause may open with such a list: its colon does not end the names.
    const text = 'Các Phòng: Tài chính - Kế hoạch, Nội vụ và Văn hóa Thông tin chủ trì thực hiện'
    const leading = leadingAgencies(text, district)
    expect(leading.agencies.map((a) => [a.canonical, a.level])).toEqual([
      ['Phòng Tài chính - Kế hoạch', 'district'],
      ['Phòng Nội vụ', 'district'],
      ['Phòng Văn hóa và Thông tin', 'district'],
    ])
    expect(text.slice(leading.end)).toBe(' chủ trì thực hiện')
  })

  it('reads a head followed by a list of fields as one agency per field ("Sở Nội vụ, Tư pháp")', () => {
    const canonicals = (text: string) => findAgencies(text, province).map((m) => m.agency.canonical)
    expect(names('Sở Nội vụ, Tư pháp chủ trì')).toEqual(['Sở Nội vụ', 'Tư pháp'])
    expect(canonicals('Sở Nội vụ, Tư pháp chủ trì')).toEqual(['Sở Nội vụ', 'Sở Tư pháp'])
    expect(canonicals('Sở Tài chính, Kế hoạch và Đầu tư')).toEqual(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư'])
    expect(canonicals('Sở Giáo dục và Đào tạo, Y tế và Công an tỉnh')).toEqual([
      'Sở Giáo dục và Đào tạo',
      'Sở Y tế',
      'Công an tỉnh',
    ])
  })

  it('reads one name where the fields after a head are one portfolio, or are not fields', () => {
    expect(names('Sở Văn hóa, Thể thao và Du lịch chủ trì')).toEqual(['Sở Văn hóa, Thể thao và Du lịch'])
    expect(names('Phòng Kinh tế, Hạ tầng và Đô thị phối hợp', district)).toEqual([
      'Phòng Kinh tế, Hạ tầng và Đô thị',
    ])
    // Lower-case words after the comma are the sentence, not a field: "xây dựng" is not "Sở Xây dựng".
    expect(names('Sở Nội vụ, xây dựng kế hoạch')).toEqual(['Sở Nội vụ'])
    expect(names('các Sở: xây dựng kế hoạch')).toEqual(['các Sở'])
  })

  it('reads a lower-case shared head after "các", with or without its colon ("các sở Nội vụ, Tư pháp")', () => {
    const canonicals = (text: string, ctx = province) =>
      findAgencies(text, ctx).map((m) => m.agency.canonical)
    expect(names('Giao các sở Nội vụ, Tư pháp phối hợp')).toEqual(['Nội vụ', 'Tư pháp'])
    expect(canonicals('Giao các sở Nội vụ, Tư pháp phối hợp')).toEqual(['Sở Nội vụ', 'Sở Tư pháp'])
    expect(canonicals('các sở: Tài chính, Kế hoạch và Đầu tư hướng dẫn')).toEqual([
      'Sở Tài chính',
      'Sở Kế hoạch và Đầu tư',
    ])
    expect(canonicals('các phòng Văn hóa và Thông tin, Giáo dục và Đào tạo', district)).toEqual([
      'Phòng Văn hóa và Thông tin',
      'Phòng Giáo dục và Đào tạo',
    ])
    expect(leadingAgencies('Các sở Y tế, Tài chính chủ trì', province).agencies.map((a) => a.key)).toEqual([
      toAgency('Sở Y tế', province).key,
      toAgency('Sở Tài chính', province).key,
    ])
  })

  it('reads the portfolios after "các sở, ngành:" as departments ("Các phòng, ban: Nội vụ, ...")', () => {
    const canonicals = (text: string, ctx = province) =>
      findAgencies(text, ctx).map((m) => m.agency.canonical)
    expect(canonicals('Các sở, ngành: Giáo dục và Đào tạo, Y tế phối hợp')).toEqual([
      'Sở Giáo dục và Đào tạo',
      'Sở Y tế',
    ])
    expect(canonicals('các sở, ban, ngành: Tài chính, Nội vụ')).toEqual(['Sở Tài chính', 'Sở Nội vụ'])
    expect(canonicals('Các phòng, ban: Tài chính - Kế hoạch, Nội vụ', district)).toEqual([
      'Phòng Tài chính - Kế hoạch',
      'Phòng Nội vụ',
    ])
    // The list ends where the portfolios do.
    expect(canonicals('Các Sở, ngành: Y tế, Công an tỉnh')).toEqual(['Sở Y tế', 'Công an tỉnh'])
  })

  it('reads the group itself when no portfolio follows "các sở, ngành:" or there is no colon', () => {
    expect(names('các sở, ngành: tổ chức thực hiện')).toEqual(['các sở, ngành'])
    expect(names('các sở, ngành tỉnh')).toEqual(['các sở, ngành tỉnh'])
    expect(names('các sở, ngành, địa phương: xây dựng kế hoạch')).toEqual(['các sở, ngành, địa phương'])
  })

  it('reads a lower-case head as a group when no portfolio follows it', () => {
    expect(names('các sở, ban, ngành tỉnh')).toEqual(['các sở, ban, ngành tỉnh'])
    expect(names('các sở xây dựng kế hoạch')).toEqual(['các sở'])
    expect(names('các phòng chuyên môn', district)).toEqual([])
    // "bộ" is also a set: no ministry without a portfolio's name.
    expect(names('các bộ Tiêu chí')).toEqual([])
  })

  it('reads group nouns joined by a space alone as one group ("các sở ngành", "các sở, ban ngành")', () => {
    expect(names('các sở ngành liên quan')).toEqual(['các sở ngành liên quan'])
    expect(names('các sở, ban ngành liên quan')).toEqual(['các sở, ban ngành liên quan'])
    expect(names('các cơ quan đơn vị liên quan')).toEqual(['các cơ quan đơn vị liên quan'])
    expect(names('các ban ngành đoàn thể tỉnh')).toEqual(['các ban ngành đoàn thể tỉnh'])
    // The group's key is its nouns, however they are joined.
    expect(keys('các sở ngành liên quan')).toEqual(keys('các sở, ngành liên quan'))
  })

  it('reads "Bộ" heading a list of group nouns as a group ("các Bộ, ngành Trung ương")', () => {
    expect(names('phối hợp với các Bộ, ngành Trung ương')).toEqual(['các Bộ, ngành Trung ương'])
    expect(names('các bộ, ngành liên quan')).toEqual(['các bộ, ngành liên quan'])
    expect(names('Bộ, ngành, địa phương')).toEqual(['Bộ, ngành, địa phương'])
    expect(names('các Bộ, cơ quan ngang Bộ')).toEqual(['các Bộ, cơ quan ngang Bộ'])
    expect(names('các cơ quan trung ương')).toEqual(['các cơ quan trung ương'])
    // Its key is its nouns, so the lower-case spelling and the capital one meet in a diff.
    expect(keys('các Bộ, ngành Trung ương')).toEqual(['bo-nganh'])
    expect(keys('các bộ, ngành liên quan')).toEqual(['bo-nganh'])
    expect(toAgency('các Bộ, ngành Trung ương', province).level).toBe('national')
  })

  it('reads schools and educational institutions as groups ("các cơ sở giáo dục", "các trường mầm non, tiểu học")', () => {
    expect(names('Các cơ sở giáo dục chủ động xây dựng kế hoạch')).toEqual(['Các cơ sở giáo dục'])
    expect(names('Các trường mầm non, tiểu học, trung học cơ sở triển khai')).toEqual([
      'Các trường mầm non, tiểu học, trung học cơ sở',
    ])
    expect(names('Các trường THPT, Trung tâm GDNN-GDTX thực hiện')).toEqual([
      'Các trường THPT',
      'Trung tâm GDNN-GDTX',
    ])
    expect(names('các nhà trường tổ chức')).toEqual(['các nhà trường'])
    expect(names('các trường đại học, cao đẳng trên địa bàn tỉnh')).toEqual([
      'các trường đại học, cao đẳng trên địa bàn tỉnh',
    ])
    expect(names('Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện phối hợp', district)).toEqual([
      'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện',
    ])
  })

  it('keeps the lower-case qualifier of a group of enterprises in its name and key ("các doanh nghiệp viễn thông")', () => {
    expect(toAgency('Các doanh nghiệp viễn thông', province)).toMatchObject({
      canonical: 'Các doanh nghiệp viễn thông',
      key: 'doanh-nghiep-vien-thong',
      level: null,
    })
    expect(names('Các doanh nghiệp viễn thông phối hợp triển khai')).toEqual(['Các doanh nghiệp viễn thông'])
    expect(keys('Sở Công Thương, các doanh nghiệp đầu tư hạ tầng')).toEqual([
      'cong-thuong',
      'doanh-nghiep-dau-tu-ha-tang',
    ])
    expect(names('các doanh nghiệp viễn thông và các đơn vị liên quan rà soát')).toEqual([
      'các doanh nghiệp viễn thông',
      'các đơn vị liên quan',
    ])
    // Its tail and place go on after it, and stay out of the key as ever.
    expect(toAgency('các doanh nghiệp viễn thông trên địa bàn tỉnh', province).key).toBe(
      'doanh-nghiep-vien-thong',
    )
    expect(names('các doanh nghiệp viễn thông có trách nhiệm bảo đảm')).toEqual([
      'các doanh nghiệp viễn thông',
    ])
  })

  it('reads no qualifier from a verb, a tail, a demonstrative or words that run on', () => {
    expect(names('các doanh nghiệp thực hiện')).toEqual(['các doanh nghiệp'])
    expect(names('các doanh nghiệp liên quan tổ chức thực hiện')).toEqual(['các doanh nghiệp liên quan'])
    expect(names('các doanh nghiệp trên địa bàn tỉnh')).toEqual(['các doanh nghiệp trên địa bàn tỉnh'])
    expect(names('các doanh nghiệp này')).toEqual(['các doanh nghiệp'])
    expect(names('các doanh nghiệp tham gia đầu tư phát triển hạ tầng số')).toEqual(['các doanh nghiệp'])
    expect(names('các doanh nghiệp nhỏ và vừa')).toEqual(['các doanh nghiệp'])
    expect(keys('các doanh nghiệp, tổ chức')).toEqual(['doanh-nghiep-to-chuc'])
    // Only a group of enterprises takes one; without "các" it is still no group.
    expect(names('các đơn vị sự nghiệp')).toEqual(['các đơn vị'])
    expect(names('Doanh nghiệp viễn thông bảo đảm kinh phí')).toEqual([])
  })

  it('reads no school group from "trường" alone or a school level alone, and a named school stays a name', () => {
    expect(names('các trường hợp vi phạm')).toEqual([])
    expect(names('phát triển giáo dục mầm non, tiểu học')).toEqual([])
    expect(names('Trường Tiểu học Kim Đồng')).toEqual(['Trường Tiểu học Kim Đồng'])
    expect(names('Sở Nội vụ thường xuyên theo dõi')).toEqual(['Sở Nội vụ'])
  })

  it('reads no group from "bộ" that heads no list of nouns ("các bộ phận", "bộ tiêu chí")', () => {
    expect(names('các bộ phận chuyên môn')).toEqual([])
    expect(names('các bộ tiêu chí, hướng dẫn')).toEqual([])
    expect(names('Bộ tiêu chí xây dựng trường học')).toEqual([])
    expect(names('Bộ Nội vụ, Bộ Tài chính')).toEqual(['Bộ Nội vụ', 'Bộ Tài chính'])
  })

  it('reads the press as a group without "các", in a list like any other agency', () => {
    expect(names('kết hợp với cơ quan báo chí tuyên truyền')).toEqual(['cơ quan báo chí'])
    expect(keys('Đề nghị cơ quan thông tấn, báo chí tuyên truyền')).toEqual(['co-quan-thong-tan-bao-chi'])
    const text = 'Sở Tư pháp, cơ quan thông tấn báo chí và Ủy ban nhân dân xã, phường chủ động triển khai'
    expect(leadingAgencies(text, province).agencies.map((a) => a.key)).toEqual([
      'tu-phap',
      'co-quan-thong-tan-bao-chi',
      'uy-ban-nhan-dan',
    ])
  })

  it('reads no group from another noun alone without "các" ("cơ quan", "đơn vị tổ chức")', () => {
    expect(names('là cơ quan thường trực của Ban Chỉ đạo')).toEqual(['Ban Chỉ đạo'])
    expect(names('đơn vị tổ chức thực hiện')).toEqual([])
    expect(names('phổ biến trên báo chí')).toEqual([])
  })

  it('joins no noun by a space where it is an ordinary word or a named sector follows', () => {
    expect(names('các sở ban hành văn bản')).toEqual(['các sở'])
    expect(names('các đơn vị tổ chức thực hiện')).toEqual(['các đơn vị'])
    expect(names('các cơ quan ngành Giáo dục')).toEqual(['các cơ quan', 'ngành Giáo dục'])
  })

  it('reads no shared head where no portfolio follows the colon', () => {
    expect(names('các Sở: tổ chức thực hiện')).toEqual(['các Sở'])
    expect(names('Phòng: 02 phòng học')).toEqual([])
    // Without the colon, the names are read as they always were.
    expect(names('Sở Nội vụ, Sở Tư pháp')).toEqual(['Sở Nội vụ', 'Sở Tư pháp'])
  })

  it('reads no portfolio where the words go on, or where none is named', () => {
    // "Tài chính, Kế hoạch" is not "Tài chính - Kế hoạch" when more of the name follows.
    expect(canonicalName('Sở Tài chính, Kế hoạch và Đầu tư')).toBe('Sở Tài chính, Kế hoạch và Đầu tư')
    // An ordinary phrase after a capitalized "Bộ" or "Phòng" is not a name.
    expect(names('Bộ tiêu chí xây dựng trường học')).toEqual([])
    expect(names('Phòng, chống tác hại của thuốc lá')).toEqual([])
    // The portfolio does not swallow an unrelated lower-case word after it.
    expect(names('Sở Y tế tổ chức kiểm tra')).toEqual(['Sở Y tế'])
  })

  it('keeps lower-case words that belong to a name, and "xã hội" is not a commune', () => {
    expect(
      names('Sở Nông nghiệp và Phát triển nông thôn, Bảo hiểm xã hội tỉnh và Ngân hàng Chính sách xã hội'),
    ).toEqual([
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Bảo hiểm xã hội tỉnh',
      'Ngân hàng Chính sách xã hội',
    ])
    expect(names('phối hợp với Ban Quản lý các khu công nghệ cao và khu công nghiệp và các đơn vị')).toEqual([
      'Ban Quản lý các khu công nghệ cao và khu công nghiệp',
      'các đơn vị',
    ])
  })

  it('finds generic groups', () => {
    expect(names('phối hợp với các cơ quan, đơn vị liên quan tham mưu')).toEqual([
      'các cơ quan, đơn vị liên quan',
    ])
  })

  it('does not take ordinary words that share a head word', () => {
    expect(names('Báo cáo kết quả triển khai thực hiện')).toEqual([])
    expect(names('Ban hành quy định; Hội nghị sơ kết; Phòng, chống ma túy; Trường hợp cần thiết')).toEqual([])
    expect(names('xây dựng xã hội học tập, các tổ chức xã hội')).toEqual(['các tổ chức xã hội'])
  })

  it('ignores names inside quotes', () => {
    expect(names('Phong trào “Sở Giáo dục thi đua” do Sở Nội vụ phát động')).toEqual(['Sở Nội vụ'])
  })

  it('gives where each name starts and ends', () => {
    const [m] = findAgencies('Giao Sở Tư pháp theo dõi', province)
    expect(m).toMatchObject({ start: 5, end: 15 })
  })
})

describe('splitAgencyList', () => {
  it('takes an agency in brackets after a name for the body it belongs to, not one more agency', () => {
    const list =
      'Bảo hiểm xã hội Thành phố, Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ), Ủy ban nhân dân xã, phường'
    expect(keys(list, centralCity)).toEqual([
      'bao-hiem-xa-hoi',
      'trung-tam-dich-vu-viec-lam',
      'uy-ban-nhan-dan',
    ])
    // Brackets that are not right after a name, or that hold more than the one name, are the list's own.
    expect(keys('Sở Tài chính, (Sở Nội vụ)')).toEqual(['tai-chinh', 'noi-vu'])
    expect(keys('các cơ quan (Sở Nội vụ, Sở Tài chính)')).toContain('tai-chinh')
  })

  it('splits names that contain commas correctly', () => {
    expect(keys('Phòng Văn hóa và Thông tin, Trung tâm Văn hoá, Thông tin và Thể thao', district)).toEqual([
      'van-hoa-va-thong-tin',
      'trung-tam-van-hoa-thong-tin-va-the-thao',
    ])
    expect(keys('Sở Thông tin và Truyền thông, Báo Hà Nam, Đài Phát thanh và Truyền hình tỉnh')).toEqual([
      'thong-tin-va-truyen-thong',
      'bao',
      'dai-phat-thanh-va-truyen-hinh',
    ])
  })

  it('starts a new group where "các" opens one again, but keeps one group of nouns listed without it', () => {
    expect(keys('các tổ chức chính trị - xã hội, các cơ quan báo chí')).toEqual([
      'to-chuc-chinh-tri-xa-hoi',
      'co-quan-bao-chi',
    ])
    expect(keys('các sở, ngành và các địa phương')).toEqual(['so-nganh', 'dia-phuong'])
    expect(keys('các cơ quan, ban, ngành, đoàn thể')).toEqual(['co-quan-ban-nganh-doan-the'])
  })

  it('reads departments listed after the nouns of another group as a group of their own ("Doanh nghiệp, Sở, ban, ngành")', () => {
    expect(splitAgencyList('Doanh nghiệp, Sở, ban, ngành có liên quan', province)).toMatchObject([
      { name: 'Doanh nghiệp', key: 'doanh-nghiep' },
      { name: 'Sở, ban, ngành có liên quan', key: keys('Sở, ban, ngành có liên quan')[0] },
    ])
    expect(names('phối hợp với doanh nghiệp, sở, ban, ngành liên quan')).toEqual([
      'doanh nghiệp',
      'sở, ban, ngành liên quan',
    ])
    expect(keys('Các doanh nghiệp và sở, ngành')).toEqual(['doanh-nghiep', 'so-nganh'])
    expect(keys('Hội Nông dân, các sở, ngành liên quan')).toEqual(['hoi-nong-dan', 'so-nganh'])
    expect(keys('các cơ quan, Bộ, ngành Trung ương')).toEqual(['co-quan', 'bo-nganh'])
  })

  it('keeps one group where the departments open the list, or a department noun opens none', () => {
    expect(keys('các sở, ban, ngành, đoàn thể')).toEqual(['so-ban-nganh-doan-the'])
    expect(keys('Sở, ban, ngành, địa phương')).toEqual(['so-ban-nganh-dia-phuong'])
    expect(keys('các Sở, Ban, ngành liên quan')).toEqual(['so-ban-nganh'])
    expect(keys('các cơ quan, ban, ngành, đoàn thể')).toEqual(['co-quan-ban-nganh-doan-the'])
    // "sở" last opens no list of its own: still a noun of the one group.
    expect(keys('các đơn vị, sở')).toEqual(['don-vi-so'])
    // A lower-case weak noun before the departments is an ordinary word ("xã hội"), not a group.
    expect(names('an sinh xã hội, sở, ban, ngành liên quan')).toEqual(['sở, ban, ngành liên quan'])
    expect(keys('Doanh nghiệp, nhà đầu tư')).toEqual([])
  })

  it('splits on "và" before a head word', () => {
    expect(keys('Sở Giáo dục và Đào tạo và Sở Nội vụ')).toEqual(['giao-duc-va-dao-tao', 'noi-vu'])
  })

  it('continues the previous name with a piece that has no head word, unless that name is complete', () => {
    expect(splitAgencyList('Báo và Phát thanh, Truyền hình Cần Thơ', centralCity).map((a) => a.name)).toEqual(
      ['Báo và Phát thanh, Truyền hình Cần Thơ'],
    )
    expect(splitAgencyList('Tòa án nhân dân tỉnh, Thuế tỉnh', province).map((a) => a.name)).toEqual([
      'Tòa án nhân dân tỉnh',
      'Thuế tỉnh',
    ])
  })

  it('keeps groups and drops what names no agency', () => {
    expect(keys('Viện, Trường; Sở, ban, ngành có liên quan')).toEqual(['so-ban-nganh'])
    expect(keys('Doanh nghiệp, nhà đầu tư')).toEqual([])
  })
})

describe('leadingAgencies and agenciesAfter', () => {
  it('reads the agencies a text opens with, and where they end', () => {
    const text = 'Sở Tài chính, Sở Nội vụ và các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh'
    const { agencies, end } = leadingAgencies(text, province)
    expect(agencies.map((a) => a.key)).toEqual(['tai-chinh', 'noi-vu', 'don-vi'])
    expect(text.slice(end)).toBe(' tham mưu Ủy ban nhân dân tỉnh')
    expect(leadingAgencies('Tham mưu Ủy ban nhân dân tỉnh', province).agencies).toEqual([])
  })

  it('reads them from a start inside the text, over white space, a group as well as a name', () => {
    const text = 'Đề nghị   các sở, ban, ngành phối hợp với Sở Nội vụ'
    const from = 'Đề nghị'.length
    const group = leadingAgencies(text, province, from)
    expect(group.agencies.map((a) => a.key)).toEqual(['so-ban-nganh'])
    expect(text.slice(group.end)).toBe(' phối hợp với Sở Nội vụ')
    const named = leadingAgencies('Giao  Sở Y tế chủ trì', province, 'Giao'.length)
    expect(named.agencies.map((a) => a.key)).toEqual(['y-te'])
    // Nothing opens the text there: no chain, and its end is where it was asked to start.
    expect(leadingAgencies(text, province, 3)).toEqual({ agencies: [], end: 3 })
    expect(leadingAgencies('“Sở Nội vụ” là tên gọi', province)).toEqual({ agencies: [], end: 0 })
  })

  it('reads the agencies after an opener', () => {
    const partners = agenciesAfter(
      'Chủ trì, phối hợp chặt chẽ với Sở Nội vụ, Sở Y tế triển khai',
      /phối hợp chặt chẽ với /gu,
      province,
    )
    expect(partners.map((a) => a.key)).toEqual(['noi-vu', 'y-te'])
    expect(agenciesAfter('Sở Nội vụ chủ trì triển khai', /phối hợp với /gu, province)).toEqual([])
  })
})

describe('portfolioHeadOf', () => {
  it('gives the head of a department named by its portfolio alone', () => {
    expect(portfolioHeadOf('Sở Nội vụ')).toBe('Sở')
    expect(portfolioHeadOf('Phòng Giáo dục và Đào tạo')).toBe('Phòng')
  })

  it('gives none for a name with more than the portfolio, or without a portfolio head', () => {
    expect(portfolioHeadOf('Sở Nội vụ tỉnh')).toBeNull()
    expect(portfolioHeadOf('Công an tỉnh')).toBeNull()
    expect(portfolioHeadOf('Sở')).toBeNull()
  })
})
