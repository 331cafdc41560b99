import { describe, expect, it } from 'vitest'
import { rejoinBlocks } from '../src/normalize/rejoin.js'
import { nextLabel, parseLabel, romanValue } from '../src/structure/labels.js'
import { roleOf, sectionRole } from '../src/structure/roles.js'
import type { Block } from '../src/types.js'
import { doc } from './helpers.js'

describe('parseLabel', () => {
  it('reads parts, clauses, decimal clauses and points', () => {
    expect(parseLabel('I. MỤC ĐÍCH, YÊU CẦU')).toMatchObject({
      kind: 'part',
      label: 'I',
      numbers: [1],
      rest: 'MỤC ĐÍCH, YÊU CẦU',
    })
    expect(parseLabel('VII. TỔ CHỨC THỰC HIỆN')).toMatchObject({ kind: 'part', numbers: [7] })
    expect(parseLabel('2. Yêu cầu')).toMatchObject({ kind: 'clause', label: '2', numbers: [2] })
    expect(parseLabel('3.1. Xây dựng')).toMatchObject({ kind: 'clause', label: '3.1', numbers: [3, 1] })
    expect(parseLabel('3.1 Xây dựng')).toMatchObject({ kind: 'clause', label: '3.1' })
    expect(parseLabel('đ) Đối với hộ gia đình')).toMatchObject({ kind: 'point', label: 'đ', numbers: [5] })
  })

  it('does not take numbers, years or words for labels', () => {
    expect(parseLabel('100% đội ngũ cán bộ')).toBeNull()
    expect(parseLabel('2025 là năm bản lề')).toBeNull()
    expect(parseLabel('10 tập thể và 20 cá nhân')).toBeNull()
    expect(parseLabel('1.000 người tham gia')).toBeNull()
    expect(parseLabel('Việc đánh giá kết quả')).toBeNull()
    expect(parseLabel('f) not a Vietnamese point')).toBeNull()
    expect(parseLabel('IIII. not roman')).toBeNull()
    expect(parseLabel('V. v. lower case after')).toBeNull()
  })

  it('reads labels with a dash or a slash before a capital, as older plans write them', () => {
    expect(parseLabel('I- MỤC ĐÍCH, YÊU CẦU')).toMatchObject({
      kind: 'part',
      label: 'I',
      rest: 'MỤC ĐÍCH, YÊU CẦU',
    })
    expect(parseLabel('II/ NỘI DUNG THI ĐUA')).toMatchObject({ kind: 'part', numbers: [2] })
    expect(parseLabel('III – TỔ CHỨC THỰC HIỆN')).toMatchObject({ kind: 'part', numbers: [3] })
    expect(parseLabel('1- Mục đích')).toMatchObject({ kind: 'clause', label: '1', rest: 'Mục đích' })
    expect(parseLabel('2/ Thi đua cải cách hành chính.')).toMatchObject({ kind: 'clause', numbers: [2] })
    expect(parseLabel('a- Động viên cán bộ')).toMatchObject({ kind: 'point', label: 'a' })
    expect(parseLabel('đ/ Đối với hộ gia đình')).toMatchObject({ kind: 'point', numbers: [5] })
  })

  it('reads a point with a full stop before a capital ("a. Đối với ..."), and no other "a."', () => {
    expect(parseLabel('a. Đối với cấp xã')).toMatchObject({
      kind: 'point',
      label: 'a',
      rest: 'Đối với cấp xã',
    })
    expect(parseLabel('đ. Đối với hộ gia đình')).toMatchObject({ kind: 'point', numbers: [5] })
    expect(parseLabel('a. b. c. là ba nhóm')).toBeNull()
    expect(parseLabel('a.m. giờ')).toBeNull()
  })

  it('does not take a dash or a slash in a date, a range or a sentence for a label', () => {
    expect(parseLabel('1/7/2025 là ngày bắt đầu')).toBeNull()
    expect(parseLabel('2-3 lần mỗi năm')).toBeNull()
    expect(parseLabel('2- 3 lần mỗi năm')).toBeNull()
    expect(parseLabel('a- b là hai nhóm')).toBeNull()
    expect(parseLabel('V/v triển khai kế hoạch')).toBeNull()
  })

  it('reads decimal clauses up to five numbers deep, and a longer run as text', () => {
    expect(parseLabel('1.2.3.4.5. Năm cấp')).toMatchObject({ kind: 'clause', numbers: [1, 2, 3, 4, 5] })
    expect(parseLabel('1.2.3.4.5.6. Sáu cấp')).toBeNull()
    expect(parseLabel(`${'1.'.repeat(5000)} chuỗi`)).toBeNull()
  })

  it('knows the Vietnamese point alphabet and Roman numerals', () => {
    expect(nextLabel('point', [4])).toBe('đ')
    expect(nextLabel('point', [5])).toBe('e')
    expect(nextLabel('part', [4])).toBe('V')
    expect(nextLabel('clause', [3, 1])).toBe('3.2')
    expect(romanValue('XIV')).toBe(14)
    expect(romanValue('IIV')).toBe(0)
  })
})

describe('roleOf', () => {
  it('maps heading synonyms to roles', () => {
    expect(roleOf('GIẢI PHÁP CHỦ YẾU')).toBe('solutions')
    expect(roleOf('GIẢI PHÁP THỰC HIỆN')).toBe('solutions')
    expect(roleOf('Mục đích')).toBe('purposes')
    expect(roleOf('TIẾN ĐỘ THỰC HIỆN')).toBe('timeline')
    expect(roleOf('Số lượng khen thưởng')).toBe('awardQuotas')
    expect(roleOf('Tiêu chuẩn')).toBe('standards')
    expect(roleOf('KINH PHÍ THỰC HIỆN')).toBe('funding')
    expect(roleOf('TỔ CHỨC THỰC HIỆN')).toBe('implementation')
    expect(roleOf('Báo cáo kết quả triển khai thực hiện')).toBe('reporting')
    expect(roleOf('CHẾ ĐỘ THÔNG TIN, BÁO CÁO')).toBe('reporting')
  })

  it('reads the role of a title before a colon, for time, funding and reports only', () => {
    expect(roleOf('Thời gian thực hiện Chương trình: Từ năm 2025 đến hết năm 2030')).toBe('timeline')
    expect(
      roleOf('Kinh phí thực hiện Kế hoạch: Từ nguồn ngân sách nhà nước và các nguồn kinh phí hợp pháp khác'),
    ).toBe('funding')
    expect(
      roleOf('Nhiệm vụ: Tăng cường công tác tuyên truyền, phổ biến pháp luật cho cán bộ và nhân dân'),
    ).toBeNull()
    expect(
      roleOf('Sở Tài chính: Chủ trì, phối hợp với các sở tham mưu bố trí kinh phí thực hiện hằng năm'),
    ).toBeNull()
  })

  it('reads monitoring that ends in reports as reporting, and monitoring alone as nothing', () => {
    expect(roleOf('TỔ CHỨC THEO DÕI, KIỂM TRA VÀ CHẾ ĐỘ BÁO CÁO')).toBe('reporting')
    expect(roleOf('Kiểm tra, giám sát, báo cáo')).toBe('reporting')
    expect(roleOf('Công tác theo dõi, kiểm tra')).toBeNull()
    expect(roleOf('Kiểm tra, giám sát')).toBeNull()
    expect(roleOf('TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO')).toBeNull()
  })

  it('reads "chỉ tiêu" as objectives, but "chỉ tiêu khen thưởng" as award quotas', () => {
    expect(roleOf('Các chỉ tiêu cụ thể đến năm 2030')).toBe('objectives')
    expect(roleOf('Chỉ tiêu khen thưởng')).toBe('awardQuotas')
  })

  it('gives no role to sentences and to headings that join two subjects', () => {
    expect(
      roleOf(
        'Tuyên truyền, phổ biến, nâng cao nhận thức và hiệu quả của công tác khuyến học, giải pháp khuyến khích',
      ),
    ).toBeNull()
    expect(roleOf('MỤC ĐÍCH, YÊU CẦU')).toBeNull()
    expect(roleOf('TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG')).toBeNull()
    expect(roleOf('Sở Giáo dục và Đào tạo')).toBeNull()
  })

  it('counts at most twelve words, not those in brackets nor lone marks', () => {
    const twelve = 'Giải pháp một hai ba bốn năm sáu bảy tám chín mười'
    expect(roleOf(twelve)).toBe('solutions')
    expect(roleOf(`${twelve} mười một`)).toBeNull()
    expect(roleOf(`${twelve} (kèm theo danh mục chi tiết tại phụ lục)`)).toBe('solutions')
    expect(roleOf(`${twelve} - – .`)).toBe('solutions')
    // The same counted on a section's heading as written, before folding it.
    expect(sectionRole({ heading: `${twelve} - – .` })).toBe('solutions')
    expect(sectionRole({ heading: `${twelve} mười một` })).toBeNull()
  })
})

describe('buildSections', () => {
  it('ends a section where its last item ends, and every section it is in with it', async () => {
    const d = await doc('I. NỘI DUNG\n\n1. Tuyên truyền\n\n- Một\n\n- Hai\n\nII. KINH PHÍ\n\nNgân sách.')
    const at = (path: string) => d.flat.find((s) => s.path === path)
    // "- Hai" is line 7: clause I.1 ends there, and so does part I.
    expect([at('I.1')?.line, at('I.1')?.endLine]).toEqual([3, 7])
    expect([at('I')?.line, at('I')?.endLine]).toEqual([1, 7])
    // The next part starts afresh: it is not stretched by the items of the one before.
    expect([at('II')?.line, at('II')?.endLine]).toEqual([9, 11])
  })

  it('rebuilds the tree from labels, not from heading levels', async () => {
    const d = await doc(
      `
      ## I. MỤC ĐÍCH

      #### **1. Mục đích**

      a) Phát huy

      ### **II. NỘI DUNG**

      ## **1. Tuyên truyền**

      - Một

      **2.** Thi đua
      `,
      'markdown',
    )
    expect(d.flat.map((s) => [s.path, s.heading])).toEqual([
      ['I', 'MỤC ĐÍCH'],
      ['I.1', 'Mục đích'],
      ['I.1.a', 'Phát huy'],
      ['II', 'NỘI DUNG'],
      ['II.1', 'Tuyên truyền'],
      ['II.2', 'Thi đua'],
    ])
    expect(d.flat[4]?.items.map((i) => i.text)).toEqual(['Một'])
  })

  it('splits decimal clauses into their numbers', async () => {
    const d = await doc('I. NHIỆM VỤ\n\n3. Ba\n\n3.1. Ba một\n\na) Điểm a\n\n3.2. Ba hai\n\n4. Bốn')
    expect(d.flat.map((s) => s.path)).toEqual(['I', 'I.3', 'I.3.1', 'I.3.1.a', 'I.3.2', 'I.4'])
  })

  it('reads Markdown list numbers as written and warns about jumps, not about a skipped đ)', async () => {
    const d = await doc('I. A\n\n1. Một\n\na) x\n\nb) y\n\nd) z\n\ne) t\n\nh) u', 'text')
    expect(d.flat.map((s) => s.path)).toEqual(['I', 'I.1', 'I.1.a', 'I.1.b', 'I.1.d', 'I.1.e', 'I.1.h'])
    const codes = d.warnings.filter((w) => w.code.startsWith('label'))
    expect(codes).toEqual([
      expect.objectContaining({ code: 'label-sequence', path: 'I.1' }),
      expect.objectContaining({ code: 'label-sequence', path: 'I.1' }),
    ])
    expect(codes.map((w) => w.message)).toEqual([
      expect.stringContaining('b) to d)'),
      expect.stringContaining('e) to h)'),
    ])
  })

  it('joins a heading wrapped over two blocks', async () => {
    const d = await doc('I. MỤC ĐÍCH,\n\nYÊU CẦU\n\n1. Mục đích')
    expect(d.flat[0]?.heading).toBe('MỤC ĐÍCH, YÊU CẦU')
  })

  it('stops the body at the recipients and keeps the signature out of the last section', async () => {
    const d = await doc(
      'I. A\n\n1. Một việc./.\n\nNơi nhận:\n- Bộ GDĐT;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A',
    )
    expect(d.flat[1]?.items).toEqual([])
    expect(d.tail.map((b) => b.text)).toContain('Bộ GDĐT;')
  })
})

describe('rejoinBlocks', () => {
  it('joins a sentence split by a page break, also after a bullet', async () => {
    const d = await doc('I. A\n\n- Thực hiện tốt công\n\ntác tuyên truyền.\n\n- Tiếp theo.')
    expect(d.flat[0]?.items.map((i) => i.text)).toEqual([
      'Thực hiện tốt công tác tuyên truyền.',
      'Tiếp theo.',
    ])
    expect(d.warnings.map((w) => w.code)).toContain('rejoined-page-break')
  })

  it('does not join finished sentences or capitalised paragraphs', async () => {
    const d = await doc('I. A\n\nMột câu xong.\n\nhai câu.\n\nBa câu chưa xong\n\nBốn.')
    expect(d.flat[0]?.items.map((i) => i.text)).toEqual([
      'Một câu xong.',
      'hai câu.',
      'Ba câu chưa xong',
      'Bốn.',
    ])
    expect(d.warnings.map((w) => w.code)).not.toContain('rejoined-page-break')
  })
  it('joins a hard-wrapped paragraph whose next line starts at a dash, keeping the dash', async () => {
    const d = await doc(
      'I. A\n\nb) Phát huy vai trò của Công an thành phố\nvà các sở, ngành\n- Thường trực tham mưu thực hiện.\n\nc) Tiếp theo.',
      'markdown',
    )
    expect(d.flat.map((s) => [s.path, s.heading, s.items.length])).toEqual([
      ['I', 'A', 0],
      ['I.b', 'Phát huy vai trò của Công an thành phố và các sở, ngành - Thường trực tham mưu thực hiện.', 0],
      ['I.c', 'Tiếp theo.', 0],
    ])
  })

  it('keeps a bullet after a one-line title, a finished sentence, or a blank line', async () => {
    const bullets = async (text: string) =>
      (await doc(text, 'markdown')).flat.flatMap((s) => s.items.map((i) => i.text))
    expect(await bullets('I. A\n\n**Nhiệm vụ trọng tâm**\n- Rà soát.\n- Ban hành.')).toEqual([
      'Nhiệm vụ trọng tâm',
      'Rà soát.',
      'Ban hành.',
    ])
    expect(
      await bullets('I. A\n\nCác nội dung chính như sau, cụ thể\ngồm các việc sau:\n- Rà soát.'),
    ).toEqual(['Các nội dung chính như sau, cụ thể gồm các việc sau:', 'Rà soát.'])
    // Words that announce a list, and a second line at a dash, make it a list after all.
    expect(
      await bullets('I. A\n\nCác nhiệm vụ trọng tâm của năm\nbao gồm\n- Rà soát văn bản\n- Ban hành quy chế'),
    ).toEqual(['Các nhiệm vụ trọng tâm của năm bao gồm', 'Rà soát văn bản', 'Ban hành quy chế'])
    expect(
      await bullets('I. A\n\nCác nhiệm vụ trọng tâm\ncủa năm\n- Rà soát văn bản\n- Ban hành quy chế'),
    ).toEqual(['Các nhiệm vụ trọng tâm của năm - Rà soát văn bản', 'Ban hành quy chế'])
    expect(await bullets('I. A\n\nCác nội dung chính như sau\ngồm các việc\n\n- Rà soát.')).toEqual([
      'Các nội dung chính như sau gồm các việc',
      'Rà soát.',
    ])
  })

  it('gives the blocks of every format one shape, with the same fields in the same order', () => {
    const paragraph: Block = { kind: 'paragraph', text: 'Một.', marker: null, line: 1, endLine: 1 }
    const onPage: Block = {
      kind: 'item',
      text: 'Hai.',
      marker: '-',
      line: 2,
      endLine: 2,
      page: 1,
      cell: 'cell',
    }
    const row: Block = { kind: 'row', cells: ['a', 'b'], text: 'a | b', marker: null, endLine: 3, line: 3 }
    const { blocks } = rejoinBlocks([paragraph, onPage, row])
    const shapes = blocks.map((b) => Object.keys(b).join())
    expect(new Set(shapes).size).toBe(1)
    expect(blocks[2]).toMatchObject({ kind: 'row', cells: ['a', 'b'], line: 3, endLine: 3, page: undefined })
    expect(blocks[1]).toMatchObject({ page: 1, cell: 'cell' })
    // Copies: the blocks given are left as they were.
    expect(Object.keys(paragraph)).toHaveLength(5)
  })
})
