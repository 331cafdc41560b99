import { describe, expect, it } from 'vitest'
import type { Assignment } from '../schemas/plan.js'
import { extractAssignments, parseClauseHeading, toTask } from '../src/extract/assignments.js'
import { emptyContext } from '../src/extract/context.js'
import { extractFile } from '../src/pipeline.js'
import { doc } from './helpers.js'

const province = emptyContext({ issuerLevel: 'province', locality: 'Hà Nam' })
const district = emptyContext({ issuerLevel: 'district', locality: 'Vũng Tàu' })

/** The parts of an assignment the facts speak about. */
const summary = (a: Assignment) => ({
  path: a.path,
  keys: a.agencies.map((x) => x.key),
  level: a.agencies[0]?.level ?? null,
  requested: a.requested,
  roles: a.tasks.map((t) => t.role),
})

const plan = (body: string) =>
  doc(`KẾ HOẠCH\n\nVề việc thử\n\nI. MỤC ĐÍCH\n\nPhát huy.\n\nII. TỔ CHỨC THỰC HIỆN\n\n${body}`)

describe('parseClauseHeading', () => {
  it('reads the agencies before ":" or before the verb, "Đề nghị", and the rest', () => {
    expect(parseClauseHeading('Sở Tài chính: Căn cứ khả năng cân đối ngân sách', province)).toMatchObject({
      agencies: [{ key: 'tai-chinh' }],
      requested: false,
      rest: 'Căn cứ khả năng cân đối ngân sách',
    })
    expect(parseClauseHeading('Đề nghị Ban Tuyên giáo Tỉnh ủy: Tăng cường phối hợp', province)).toMatchObject(
      {
        agencies: [{ key: 'ban-tuyen-giao' }],
        requested: true,
      },
    )
    expect(parseClauseHeading('Hội Khuyến học tỉnh chủ trì, phối hợp tổ chức', province).rest).toBe(
      'chủ trì, phối hợp tổ chức',
    )
    expect(parseClauseHeading('Giao Công an tỉnh chủ trì theo dõi', province)).toMatchObject({
      agencies: [{ key: 'cong-an' }],
      requested: false,
    })
  })

  it('finds no agency in a heading that names none', () => {
    expect(parseClauseHeading('Báo cáo kết quả triển khai thực hiện', district).agencies).toEqual([])
    expect(parseClauseHeading('Đề nghị khen thưởng theo quy định', district)).toMatchObject({
      agencies: [],
      requested: false,
    })
  })
})

describe('toTask', () => {
  it('leads with "Chủ trì", coordinates with "Phối hợp", after a leading agency too', () => {
    expect(toTask('Chủ trì, phối hợp với Sở Nội vụ: Tham mưu', 1, province)).toMatchObject({
      role: 'lead',
      partners: [{ key: 'noi-vu' }],
    })
    expect(toTask('Phối hợp chặt chẽ với các cơ quan, ban, ngành trong việc', 1, province)).toMatchObject({
      role: 'coordinate',
      partners: [{ key: 'co-quan-ban-nganh' }],
    })
    expect(
      toTask('Sở Thông tin và Truyền thông phối hợp với Ban Tuyên giáo Tỉnh ủy chỉ đạo', 1, province).role,
    ).toBe('coordinate')
    expect(toTask('Hội Khuyến học tỉnh chủ trì, phối hợp tổ chức triển khai', 1, province)).toMatchObject({
      role: 'lead',
      partners: [],
    })
  })

  it('passes over "lực lượng" and "cơ quan" before a force among the partners, and only there', () => {
    const partners = (text: string) => toTask(text, 1, province).partners.map((p) => [p.name, p.key])
    expect(partners('Chủ trì, phối hợp chặt chẽ lực lượng Công an tỉnh triển khai')).toEqual([
      ['Công an tỉnh', 'cong-an'],
    ])
    expect(partners('Phối hợp với cơ quan Công an cùng cấp xử lý')).toEqual([['Công an cùng cấp', 'cong-an']])
    expect(partners('Chủ trì, phối hợp với cơ quan Trung ương thực hiện')).toEqual([
      ['cơ quan Trung ương', 'co-quan'],
    ])
    expect(partners('Chủ trì, phối hợp với các lực lượng chức năng kiểm tra')).toEqual([])
  })

  it('takes the role verb after an opening phrase ("Trên cơ sở ..., chủ trì", "Là cơ quan thường trực, chủ trì")', () => {
    expect(
      toTask(
        'Trên cơ sở đề xuất của các sở, ban, ngành, địa phương, chủ trì tổng hợp, trình cấp có thẩm quyền',
        1,
        province,
      ).role,
    ).toBe('lead')
    expect(toTask('Là cơ quan thường trực, chủ trì tham mưu Ủy ban nhân dân tỉnh', 1, province).role).toBe(
      'lead',
    )
    expect(toTask('Căn cứ nhiệm vụ được giao, phối hợp với Sở Nội vụ kiểm tra', 1, province).role).toBe(
      'coordinate',
    )
  })

  it('is other when no segment after an opening phrase starts with a role verb, or there is no opening phrase', () => {
    expect(toTask('Căn cứ kết quả phối hợp, tổng hợp báo cáo Ủy ban nhân dân tỉnh', 1, province).role).toBe(
      'other',
    )
    expect(toTask('Tổng hợp ý kiến, chủ trì hội nghị sơ kết', 1, province).role).toBe('other')
  })

  it('is other for any other opening, even with "phối hợp" inside', () => {
    expect(toTask('Tăng cường phối hợp với các sở, ngành liên quan', 1, province)).toMatchObject({
      role: 'other',
      partners: [{ key: 'so-nganh' }],
    })
  })
})

describe('extractAssignments', () => {
  it('makes one assignment per clause that names agencies, with its tasks', async () => {
    const d = await plan(`1. Phòng Giáo dục và Đào tạo

- Chủ trì, phối hợp với Phòng Nội vụ triển khai Kế hoạch.

- Xem xét, lựa chọn các tập thể.

2. Phòng Văn hóa và Thông tin, Trung tâm Văn hoá, Thông tin và Thể thao

Phối hợp với UBND các phường, xã tuyên truyền.

3. Đề nghị Hội Khuyến học thành phố: Chủ trì tổ chức thi đua.

4. Báo cáo kết quả triển khai thực hiện

- Các đơn vị báo cáo trước ngày 05 tháng 12 hằng năm.`)
    expect(extractAssignments(d, district).map(summary)).toEqual([
      {
        path: 'II.1',
        keys: ['giao-duc-va-dao-tao'],
        level: 'district',
        requested: false,
        roles: ['lead', 'other'],
      },
      {
        path: 'II.2',
        keys: ['van-hoa-va-thong-tin', 'trung-tam-van-hoa-thong-tin-va-the-thao'],
        level: 'district',
        requested: false,
        roles: ['coordinate'],
      },
      { path: 'II.3', keys: ['hoi-khuyen-hoc'], level: 'district', requested: true, roles: ['lead'] },
    ])
  })

  it('gives each department of a list that shares its head ("Các Sở: ...") the clause, and reads its partners the same way', async () => {
    const d = await plan(
      '1. Các Sở: Giáo dục và Đào tạo, Y tế chủ trì, phối hợp với các Sở: Tư pháp, Nội vụ tổ chức phong trào thi đua.',
    )
    const [first, ...rest] = extractAssignments(d, province)
    expect(rest).toEqual([])
    expect(first && summary(first)).toEqual({
      path: 'II.1',
      keys: ['giao-duc-va-dao-tao', 'y-te'],
      level: 'province',
      requested: false,
      roles: ['lead'],
    })
    expect(first?.tasks[0]?.partners.map((p) => p.canonical)).toEqual(['Sở Tư pháp', 'Sở Nội vụ'])
  })

  it('gives a clause to the groups it opens with, and to the youth union, and reads the partners likewise', async () => {
    const d = await plan(
      [
        '1. Các cơ sở giáo dục, nhà trường chủ trì, phối hợp với các sở ngành liên quan tổ chức tuyên truyền.',
        '2. Tỉnh đoàn phối hợp với các Bộ, ngành Trung ương, Hội Cựu chiến binh tỉnh tổ chức phong trào.',
      ].join('\n\n'),
    )
    const got = extractAssignments(d, province)
    expect(got.map(summary)).toEqual([
      { path: 'II.1', keys: ['co-so-giao-duc-nha-truong'], level: null, requested: false, roles: ['lead'] },
      {
        path: 'II.2',
        keys: ['doan-thanh-nien-cong-san-ho-chi-minh'],
        level: 'province',
        requested: false,
        roles: ['coordinate'],
      },
    ])
    expect(got.map((a) => a.tasks[0]?.partners.map((p) => p.name))).toEqual([
      ['các sở ngành liên quan'],
      ['các Bộ, ngành Trung ương', 'Hội Cựu chiến binh tỉnh'],
    ])
  })

  it('takes points as tasks, and leaves the closing formula out', async () => {
    const d = await plan(`1. Công an tỉnh

a) Chủ trì, phối hợp với Sở Y tế tổ chức tập huấn.

b) Phối hợp với Sở Tư pháp tuyên truyền.

2. Ủy ban nhân dân các huyện, thị xã, thành phố xây dựng kế hoạch cụ thể.

Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai thực hiện Kế hoạch này.

Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo.`)
    const [police, committees] = extractAssignments(d, province)
    expect(police?.tasks.map((t) => [t.role, t.partners.map((p) => p.key)])).toEqual([
      ['lead', ['y-te']],
      ['coordinate', ['tu-phap']],
    ])
    expect(committees).toMatchObject({
      path: 'II.2',
      agencies: [{ key: 'uy-ban-nhan-dan', level: 'district' }],
    })
    expect(committees?.tasks.map((t) => t.text)).toEqual(['xây dựng kế hoạch cụ thể.'])
  })

  it('hands the job to the points of a clause that names no agency', async () => {
    const d = await plan(
      '1. Trách nhiệm của các đơn vị\n\na) Sở Nội vụ: Hướng dẫn khen thưởng.\n\nb) Tổng hợp kết quả.',
    )
    expect(extractAssignments(d, province).map(summary)).toEqual([
      { path: 'II.1.a', keys: ['noi-vu'], level: 'province', requested: false, roles: ['other'] },
    ])
  })

  it('reads nothing outside the implementation part', async () => {
    const d = await doc('KẾ HOẠCH\n\nVề việc thử\n\nI. NỘI DUNG\n\n1. Sở Nội vụ chủ trì tổ chức.')
    expect(extractAssignments(d, province)).toEqual([])
  })
})

describe('extractAssignments on the seed plans', () => {
  // Both seeds assign clauses 1 to 9 of part VII.
  const CLAUSES_VII_1_TO_9 = Array.from({ length: 9 }, (_, i) => `VII.${i + 1}`)

  it('Hà Nam (province): clauses VII.1–9', async () => {
    const plan = await extractFile('corpus/000_9dd6dbdf273703a0.txt')
    const got = plan.assignments.map(summary)
    expect(got.map((a) => a.path)).toEqual(CLAUSES_VII_1_TO_9)
    expect(got[1]).toMatchObject({
      keys: ['giao-duc-va-dao-tao'],
      level: 'province',
      roles: ['lead', 'coordinate'],
    })
    expect(got[2]).toMatchObject({ keys: ['noi-vu'], level: 'province', roles: ['lead', 'coordinate'] })
    expect(got[3]).toMatchObject({ keys: ['tai-chinh'], level: 'province', requested: false })
    expect(got[4]?.keys).toEqual(['thong-tin-va-truyen-thong', 'bao', 'dai-phat-thanh-va-truyen-hinh'])
    expect(got[5]).toMatchObject({ keys: ['hoi-khuyen-hoc'], requested: false, roles: ['lead'] })
    expect(got[6]).toMatchObject({ keys: ['ban-tuyen-giao'], requested: true })
    expect(got[7]).toMatchObject({ keys: ['uy-ban-mat-tran-to-quoc'], requested: true })
    expect(got[8]).toMatchObject({ keys: ['uy-ban-nhan-dan'], level: 'district', requested: false })
    const leadPartners = (a: Assignment | undefined) =>
      a?.tasks.filter((t) => t.role === 'lead').flatMap((t) => t.partners.map((p) => p.key))
    expect(leadPartners(plan.assignments[1])).toEqual(['noi-vu'])
    expect(leadPartners(plan.assignments[2])).toEqual(['giao-duc-va-dao-tao'])
  })

  it('Vũng Tàu (district): clauses VII.1–9, and VII.10 is not an assignment', async () => {
    const plan = await extractFile('corpus/003_e34268d9a63c9a71.txt')
    const got = plan.assignments.map(summary)
    expect(got.map((a) => a.path)).toEqual(CLAUSES_VII_1_TO_9)
    expect(got[0]).toMatchObject({ keys: ['co-quan-ban-nganh-doan-the-don-vi'], requested: false })
    expect(got[1]).toMatchObject({
      keys: ['giao-duc-va-dao-tao'],
      level: 'district',
      roles: ['lead', 'lead', 'lead', 'other'],
    })
    expect(got[2]).toMatchObject({ keys: ['noi-vu'], level: 'district', roles: ['coordinate', 'other'] })
    expect(got[3]).toMatchObject({ keys: ['tai-chinh-ke-hoach'], level: 'district', roles: ['coordinate'] })
    expect(got[4]).toMatchObject({
      keys: ['van-hoa-va-thong-tin', 'trung-tam-van-hoa-thong-tin-va-the-thao'],
      roles: ['coordinate', 'lead'],
    })
    expect(got[5]).toMatchObject({ keys: ['lien-doan-lao-dong'], requested: true, roles: ['lead'] })
    expect(got[6]).toMatchObject({ keys: ['hoi-khuyen-hoc'], requested: true, roles: ['lead'] })
    expect(got[7]).toMatchObject({ keys: ['uy-ban-mat-tran-to-quoc'], requested: true })
    expect(got[8]).toMatchObject({ keys: ['uy-ban-nhan-dan'], level: 'commune', requested: false })
    const partners = plan.assignments[1]?.tasks
      .filter((t) => t.role === 'lead')
      .flatMap((t) => t.partners.map((p) => p.key))
    expect(partners).toEqual(['co-quan', 'noi-vu', 'hoi-khuyen-hoc'])
  })
})
