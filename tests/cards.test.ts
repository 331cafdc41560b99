/** Task cards: labelled fields under a task and appendix task tables, as assignments and deadlines. */
import { describe, expect, it } from 'vitest'
import { extractAssignments } from '../src/extract/assignments.js'
import { parseField } from '../src/extract/cards.js'
import { emptyContext } from '../src/extract/context.js'
import { extractDeadlines } from '../src/extract/deadlines.js'
import { extractItems } from '../src/extract/items.js'
import { doc } from './helpers.js'

const province = emptyContext({ issuerLevel: 'province', locality: 'Hà Nam' })

const HEAD = 'Hà Nam, ngày 10 tháng 5 năm 2025\n\nKẾ HOẠCH\n\nVề việc thử\n\n'
const TAIL = '\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ theo dõi việc thực hiện.\n\n'

/** A plan whose part I ("NHIỆM VỤ, GIẢI PHÁP") holds `body`, then an implementation part and `after`. */
const plan = (body: string, after = '') =>
  doc(`${HEAD}I. NHIỆM VỤ, GIẢI PHÁP\n\n${body}${TAIL}${after}`, 'markdown')

const keys = (list: { key: string }[]) => list.map((a) => a.key)

describe('parseField', () => {
  it('reads a label, a few words after it, and the value', () => {
    expect(parseField('Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp.')).toEqual({
      kind: 'lead',
      value: 'Sở Tư pháp.',
    })
    expect(parseField('- Thời gian thực hiện: Quý II/2026')).toEqual({ kind: 'time', value: 'Quý II/2026' })
  })

  it('is null for a task sentence that opens with a role verb', () => {
    expect(parseField('Chủ trì, phối hợp với Sở Nội vụ tổ chức tập huấn.')).toBeNull()
    expect(parseField('Sở Tư pháp chủ trì: tổ chức tập huấn.')).toBeNull()
  })
})

describe('task cards in the body', () => {
  const body = [
    '1. Tập huấn cán bộ',
    '- Tổ chức tập huấn kỹ năng xây dựng pháp luật.',
    '- Đơn vị chủ trì: Sở Tư pháp.',
    '- Đơn vị phối hợp: Sở Nội vụ; các cơ quan, đơn vị liên quan.',
    '- Thời gian thực hiện: Tháng 12/2025.',
    '- Ra mắt trang thông tin pháp luật.',
    '- Cơ quan thực hiện: Sở Khoa học và Công nghệ.',
    '- Thời gian thực hiện: Thường xuyên.',
  ].join('\n\n')

  it('makes one assignment per task, with its lead and partners', async () => {
    const got = extractAssignments(await plan(body), province).filter((a) => a.path === 'I.1')
    expect(
      got.map((a) => [keys(a.agencies), a.tasks.map((t) => [t.role, t.text, keys(t.partners)])]),
    ).toEqual([
      [['tu-phap'], [['lead', 'Tổ chức tập huấn kỹ năng xây dựng pháp luật.', ['noi-vu', 'co-quan-don-vi']]]],
      [['khoa-hoc-va-cong-nghe'], [['other', 'Ra mắt trang thông tin pháp luật.', []]]],
    ])
  })

  /** The partners of the one task of a card whose "Đơn vị phối hợp" field is `field`. */
  const partnersOf = async (field: string) => {
    const card = [
      '1. Rà soát kinh phí',
      '- Rà soát nguồn kinh phí thực hiện.',
      '- Đơn vị chủ trì: Sở Nội vụ.',
      `- Đơn vị phối hợp: ${field}`,
    ].join('\n\n')
    const tasks = extractAssignments(await plan(card), province)
      .filter((a) => a.path === 'I.1')
      .flatMap((a) => a.tasks)
    expect(tasks).toHaveLength(1)
    return tasks[0]?.partners ?? []
  }

  it('carries a shared head over the semicolons of its list ("các Sở: Kế hoạch và Đầu tư; Tài chính")', async () => {
    const partners = await partnersOf('các Sở: Kế hoạch và Đầu tư; Tài chính; Ủy ban nhân dân các huyện.')
    expect(partners.map((a) => [a.name, a.canonical])).toEqual([
      ['Kế hoạch và Đầu tư', 'Sở Kế hoạch và Đầu tư'],
      ['Tài chính', 'Sở Tài chính'],
      ['Ủy ban nhân dân các huyện', 'Ủy ban nhân dân các huyện'],
    ])
  })

  it('carries the head of a department named by its portfolio over a semicolon ("Sở Nội vụ; Tư pháp")', async () => {
    const partners = await partnersOf('Sở Nội vụ; Tư pháp, Y tế; Công an tỉnh.')
    expect(partners.map((a) => [a.name, a.canonical])).toEqual([
      ['Sở Nội vụ', 'Sở Nội vụ'],
      ['Tư pháp', 'Sở Tư pháp'],
      ['Y tế', 'Sở Y tế'],
      ['Công an tỉnh', 'Công an tỉnh'],
    ])
  })

  it('gives no head to a piece after a list that shares none, or after one that is not a portfolio', async () => {
    const partners = await partnersOf(
      'các cơ quan, đơn vị liên quan; Tài chính; các Sở: Y tế; Công an tỉnh; Tư pháp.',
    )
    expect(partners.map((a) => a.canonical)).toEqual([
      'các cơ quan, đơn vị liên quan',
      'Tài chính',
      'Sở Y tế',
      'Công an tỉnh',
      'Tư pháp',
    ])
  })

  it('dates the task with its own time, actors from its lead; "Thường xuyên" is none', async () => {
    const got = extractDeadlines(await plan(body), province).filter((d) => d.path === 'I.1')
    expect(got).toHaveLength(1)
    expect(got[0]).toMatchObject({
      due: { kind: 'month', year: 2025, month: 12 },
      action: 'Tổ chức tập huấn kỹ năng xây dựng pháp luật',
    })
    expect(keys(got[0]?.actors ?? [])).toEqual(['tu-phap'])
  })

  it('splits a performer field by clause, each group with its own role; a bare list stays one group', async () => {
    const body = [
      '1. Phổ biến pháp luật',
      '- Nội dung thực hiện: Tổ chức phổ biến Luật.',
      '- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu ban hành Kế hoạch; Sở Tư pháp và các sở, ngành chủ động triển khai.',
      '- Thời gian thực hiện: Năm 2026.',
      '2. Kiểm tra',
      '- Cơ quan thực hiện: Sở Nội vụ; Sở Tư pháp.',
    ].join('\n\n')
    const got = extractAssignments(await plan(body), province).filter((a) => a.path.startsWith('I.'))
    expect(got.map((a) => [a.path, keys(a.agencies), a.tasks[0]?.role, a.tasks[0]?.text])).toEqual([
      ['I.1', ['noi-vu'], 'lead', 'Tổ chức phổ biến Luật.'],
      ['I.1', ['tu-phap', 'so-nganh'], 'other', 'Tổ chức phổ biến Luật.'],
      ['I.2', ['noi-vu', 'tu-phap'], 'other', 'Kiểm tra'],
    ])
    const dated = extractDeadlines(await plan(body), province).filter((d) => d.path === 'I.1')
    expect(dated.map((d) => [d.due.year, keys(d.actors)])).toEqual([[2026, ['noi-vu']]])
  })

  it('makes no assignment from a task that names nobody, or from a sentence with a role verb', async () => {
    const quiet = [
      '1. Tuyên truyền',
      '- Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tổ chức tuyên truyền.',
      '- Thời gian thực hiện: Năm 2026.',
    ].join('\n\n')
    const got = extractAssignments(await plan(quiet), province)
    expect(got.map((a) => a.path)).toEqual(['II.1'])
  })
})

describe('task tables in the body', () => {
  const table =
    '| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n|---|---|---|---|---|\n| 1 | Rà soát văn bản | Sở Tư pháp | Sở Nội vụ | Quý I/2026 |\n'

  it('reads a task table under a clause into assignments and deadlines with the clause path', async () => {
    const parsed = await plan(`1. Hoàn thiện thể chế\n\n${table}`)
    expect(
      extractAssignments(parsed, province).map((a) => [a.path, keys(a.agencies), a.tasks[0]?.text]),
    ).toEqual([
      ['I.1', ['tu-phap'], 'Rà soát văn bản'],
      ['II.1', ['noi-vu'], 'theo dõi việc thực hiện.'],
    ])
    expect(extractDeadlines(parsed, province).map((d) => [d.path, d.due.quarter, d.due.year])).toEqual([
      ['I.1', 1, 2026],
    ])
  })

  it('reads no card from a table in the implementation part or without a lead column', async () => {
    const inImplementation = await doc(`${HEAD}I. TỔ CHỨC THỰC HIỆN\n\n1. Phân công\n\n${table}`, 'markdown')
    expect(extractAssignments(inImplementation, province).map((a) => a.path)).toEqual([])
    const noLead = await plan(
      '1. Chỉ tiêu\n\n| STT | Nội dung | Năm 2026 |\n|---|---|---|\n| 1 | Hồ sơ trực tuyến | 80% |\n',
    )
    expect(extractAssignments(noLead, province).map((a) => a.path)).toEqual(['II.1'])
  })
})

describe('appendix task tables', () => {
  const rows = [
    ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
    ['1', 'Xây dựng cơ sở dữ liệu', 'Sở Tư pháp', 'Sở Nội vụ, Sở Tài chính', 'Quý IV/2025 - Quý II/2026'],
    ['2', 'Tập huấn cán bộ', 'Doanh nghiệp, nhà đầu tư', 'Các sở, ngành', 'Thường xuyên'],
    ['3', 'Đánh giá kết quả', 'Sở Nội vụ', 'Sở Tư pháp', '2026'],
  ]
  const pipe = `PHỤ LỤC\n\nNHIỆM VỤ CHỦ YẾU\n\n| ${rows[0]?.join(' | ')} |\n|${rows[0]?.map(() => '---').join('|')}|\n${rows
    .slice(1)
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n')}\n`
  // One cell per line, a lone "|" before each cell and two before each row.
  const flat = `PHỤ LỤC\n\nNHIỆM VỤ CHỦ YẾU\n\n${rows.map((r) => `|\n${r.join('\n|\n')}\n`).join('|\n')}|\n`

  for (const [name, table] of [
    ['a pipe table', pipe],
    ['a table flattened one cell per line', flat],
  ] as const) {
    it(`reads ${name} into assignments with paths PL1.n`, async () => {
      const got = extractAssignments(await plan('1. Rà soát văn bản', table), province).filter((a) =>
        a.path.startsWith('PL'),
      )
      expect(
        got.map((a) => [a.path, keys(a.agencies), a.tasks[0]?.role, keys(a.tasks[0]?.partners ?? [])]),
      ).toEqual([
        ['PL1.1', ['tu-phap'], 'lead', ['noi-vu', 'tai-chinh']],
        ['PL1.2', ['doanh-nghiep', 'nha-dau-tu'], 'lead', ['so-nganh']],
        ['PL1.3', ['noi-vu'], 'lead', ['tu-phap']],
      ])
    })

    it(`reads the time column of ${name} into deadlines: a range's end, a bare year`, async () => {
      const got = extractDeadlines(await plan('1. Rà soát văn bản', table), province).filter((d) =>
        d.path?.startsWith('PL'),
      )
      expect(got.map((d) => [d.path, d.due.kind, d.due.year, d.due.quarter, d.relation, d.text])).toEqual([
        ['PL1.1', 'quarter', 2026, 2, 'by', 'Quý IV/2025 - Quý II/2026'],
        ['PL1.3', 'year', 2026, null, 'in', '2026'],
      ])
      expect(got[0]?.action).toBe('Xây dựng cơ sở dữ liệu')
    })
  }

  it('reads group rows, short or padded with empty cells, into the paths of the rows under them', async () => {
    const head = '| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n'
    const task = (n: number) => `| ${n} | Rà soát văn bản | Sở Tư pháp | Sở Nội vụ | 2026 |\n`
    const paths = async (groupRow: (label: string) => string) => {
      const table = `PHỤ LỤC\n\nNHIỆM VỤ\n\n${head}${groupRow('I')}${task(1)}${task(2)}${groupRow('II')}${task(1)}`
      const got = extractAssignments(await plan('1. Rà soát văn bản', table), province)
      return got.filter((a) => a.path.startsWith('PL')).map((a) => a.path)
    }
    const expected = ['PL1.I.1', 'PL1.I.2', 'PL1.II.1']
    expect(await paths((l) => `| **${l}** | **NHÓM GIẢI PHÁP** |  |  |  |\n`)).toEqual(expected)
    expect(await paths((l) => `| ${l} | NHÓM GIẢI PHÁP |\n`)).toEqual(expected)
  })

  it('points a flattened row’s task and deadline at the lines of their cells, a pipe row’s at its line', async () => {
    const lines = async (table: string) => {
      const parsed = await plan('1. Rà soát văn bản', table)
      const source = parsed.source.text.split('\n')
      const task = extractAssignments(parsed, province).find((a) => a.path === 'PL1.1')?.tasks[0]
      const due = extractDeadlines(parsed, province).find((d) => d.path === 'PL1.1')
      return [source[(task?.line ?? 0) - 1], source[(due?.line ?? 0) - 1]]
    }
    expect(await lines(flat)).toEqual(['Xây dựng cơ sở dữ liệu', 'Quý IV/2025 - Quý II/2026'])
    const row =
      '| 1 | Xây dựng cơ sở dữ liệu | Sở Tư pháp | Sở Nội vụ, Sở Tài chính | Quý IV/2025 - Quý II/2026 |'
    expect(await lines(pipe)).toEqual([row, row])
  })

  it('reads a date without "ngày" in a time cell, "Trước" before it, and a span of years by its end', async () => {
    const table =
      'PHỤ LỤC\n\n| TT | Nội dung | Chủ trì | Thời hạn |\n|---|---|---|---|\n| 1 | Ban hành quy chế | Sở Tư pháp | 30/6/2026 |\n| 2 | Báo cáo sơ kết | Sở Nội vụ | Trước 15/12/2026 |\n| 3 | Tổng kết | Sở Nội vụ | 2026 - 2030 |\n'
    const got = extractDeadlines(await plan('1. Rà soát văn bản', table), province).filter((d) =>
      d.path?.startsWith('PL'),
    )
    expect(
      got.map((d) => [d.path, d.due.kind, d.due.year, d.due.month, d.due.day, d.relation, d.text]),
    ).toEqual([
      ['PL1.1', 'date', 2026, 6, 30, 'on', '30/6/2026'],
      ['PL1.2', 'date', 2026, 12, 15, 'before', 'Trước 15/12/2026'],
      ['PL1.3', 'year', 2030, null, null, 'by', '2026 - 2030'],
    ])
  })

  it('takes the table rows as the solutions of a part that points to the appendix and holds nothing', async () => {
    const parsed = await doc(
      `${HEAD}I. NHIỆM VỤ VÀ GIẢI PHÁP (chi tiết tại Phụ lục kèm theo)${TAIL}${pipe}`,
      'markdown',
    )
    expect(extractItems(parsed, 'solutions').map((i) => [i.path, i.text])).toEqual([
      ['PL1.1', 'Xây dựng cơ sở dữ liệu'],
      ['PL1.2', 'Tập huấn cán bộ'],
      ['PL1.3', 'Đánh giá kết quả'],
    ])
  })

  it('gives a solution from a flattened table the lines of its task cell', async () => {
    // The task cell of row 1 wrapped onto a second line.
    const wrapped = flat.replace('Xây dựng cơ sở dữ liệu', 'Xây dựng cơ sở\ndữ liệu')
    const parsed = await doc(
      `${HEAD}I. NHIỆM VỤ VÀ GIẢI PHÁP (chi tiết tại Phụ lục kèm theo)${TAIL}${wrapped}`,
      'markdown',
    )
    const source = parsed.source.text.split('\n')
    const [first] = extractItems(parsed, 'solutions')
    expect(first?.text).toBe('Xây dựng cơ sở dữ liệu')
    expect([source[(first?.line ?? 0) - 1], source[(first?.endLine ?? 0) - 1]]).toEqual([
      'Xây dựng cơ sở',
      'dữ liệu',
    ])
  })

  it('keeps the body solutions where the part holds its own, or does not point to the appendix', async () => {
    const own = await doc(
      `${HEAD}I. GIẢI PHÁP (xem Phụ lục)\n\n1. Rà soát văn bản.${TAIL}${pipe}`,
      'markdown',
    )
    expect(extractItems(own, 'solutions').map((i) => i.path)).toEqual(['I.1'])
    const silent = await doc(`${HEAD}I. GIẢI PHÁP${TAIL}${pipe}`, 'markdown')
    expect(extractItems(silent, 'solutions')).toEqual([])
  })

  it('reads no assignment from an appendix table without a lead column', async () => {
    const table =
      'PHỤ LỤC\n\nCHỈ TIÊU\n\n| STT | Chỉ tiêu | Năm 2026 |\n|---|---|---|\n| 1 | Tỷ lệ hồ sơ trực tuyến | 80% |\n'
    const parsed = await plan('1. Rà soát văn bản', table)
    expect(extractAssignments(parsed, province).map((a) => a.path)).toEqual(['II.1'])
    expect(extractDeadlines(parsed, province).filter((d) => d.path?.startsWith('PL'))).toEqual([])
  })
})
