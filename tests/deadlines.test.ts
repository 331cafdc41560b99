import { describe, expect, it } from 'vitest'
import type { Deadline } from '../schemas/plan.js'
import { emptyContext } from '../src/extract/context.js'
import { extractDeadlines } from '../src/extract/deadlines.js'
import { extractFile } from '../src/pipeline.js'
import { doc } from './helpers.js'

const province = emptyContext({ issuerLevel: 'province', locality: 'Hà Nam' })

/** A plan dated 2024 whose part I holds `body`. */
const plan = (body: string) =>
  doc(`Hà Nam, ngày 10 tháng 5 năm 2024\n\nKẾ HOẠCH\n\nVề việc thử\n\nI. TỔ CHỨC THỰC HIỆN\n\n${body}`)

const deadlines = async (body: string) => extractDeadlines(await plan(body), province)
/** The deadlines of a task card in part I, "Nhiệm vụ", whose time field reads `time`. */
const cardDeadlines = async (time: string) =>
  extractDeadlines(
    await doc(
      `Hà Nam, ngày 10 tháng 5 năm 2024\n\nKẾ HOẠCH\n\nVề việc thử\n\nI. NHIỆM VỤ\n\n1. Tổ chức tập huấn\n\n- Đơn vị chủ trì: Sở Tư pháp.\n\n- Thời gian thực hiện: ${time}`,
    ),
    province,
  )

/** The due date without the unknown parts. */
const due = (d: Deadline) => Object.fromEntries(Object.entries(d.due).filter(([, v]) => v !== null))

describe('extractDeadlines: dates', () => {
  it('reads a yearly day with its relation, action, actors and recipients', async () => {
    const [d, ...rest] = await deadlines(
      'Trước ngày 05 tháng 12 hằng năm, các đơn vị báo cáo tình hình thực hiện Phong trào thi đua về Sở Giáo dục và Đào tạo và Sở Nội vụ để tổng hợp.',
    )
    expect(rest).toEqual([])
    expect(d).toMatchObject({
      due: { kind: 'yearly', year: null, month: 12, day: 5, quarter: null },
      relation: 'before',
      action: 'báo cáo tình hình thực hiện Phong trào thi đua',
      path: 'I',
    })
    expect(d?.actors.map((a) => a.key)).toEqual(['don-vi'])
    expect(d?.recipients.map((a) => a.key)).toEqual(['giao-duc-va-dao-tao', 'noi-vu'])
  })

  it('reads a year next to an action', async () => {
    const [d] = await deadlines(
      '1. Sở Giáo dục và Đào tạo\n\nTiến hành sơ kết, đánh giá, rút kinh nghiệm vào năm 2025 để triển khai giai đoạn tiếp theo.',
    )
    expect(d).toMatchObject({
      due: { kind: 'year', year: 2025 },
      relation: 'in',
      action: 'sơ kết, đánh giá, rút kinh nghiệm',
      path: 'I.1',
    })
    // The sentence names no one: the clause's agency acts.
    expect(d?.actors.map((a) => a.key)).toEqual(['giao-duc-va-dao-tao'])
  })

  it.each([
    ['Báo cáo trước ngày 20 hằng tháng.', { kind: 'monthly', day: 20 }, 'before'],
    ['Hoàn thành việc rà soát trong Quý II/2026.', { kind: 'quarter', quarter: 2, year: 2026 }, 'in'],
    ['Ban hành quy chế trong tháng 4 năm 2026.', { kind: 'month', month: 4, year: 2026 }, 'in'],
    [
      'Các đơn vị gửi báo cáo chậm nhất ngày 15/12/2025.',
      { kind: 'date', day: 15, month: 12, year: 2025 },
      'by',
    ],
    ['Báo cáo kết quả trước ngày 30/11 hằng năm.', { kind: 'yearly', day: 30, month: 11 }, 'before'],
    [
      'Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo kết quả.',
      { kind: 'yearly', day: 15, month: 12 },
      'before',
    ],
    ['Xây dựng kế hoạch xong trong tháng 12/2025.', { kind: 'month', month: 12, year: 2025 }, 'in'],
    // A periodic report's day and month recur every year; the same date without "định kỳ" is one date.
    [
      'Báo cáo định kỳ 6 tháng (trước ngày 15/6) về Sở Nội vụ.',
      { kind: 'yearly', day: 15, month: 6 },
      'before',
    ],
    [
      'Báo cáo kết quả 6 tháng (trước ngày 15/6) về Sở Nội vụ.',
      { kind: 'date', day: 15, month: 6 },
      'before',
    ],
    // A day and month that end the sentence: the full stop is no part of a year.
    ['Các đơn vị gửi báo cáo trước ngày 15/12.', { kind: 'date', day: 15, month: 12 }, 'before'],
    ['Các đơn vị gửi báo cáo trước ngày 15.12.', { kind: 'date', day: 15, month: 12 }, 'before'],
    // No digit at all: a quarter in Roman numerals is still a date.
    ['Hoàn thành việc rà soát trong Quý IV.', { kind: 'quarter', quarter: 4 }, 'in'],
    ['Hoàn thành việc rà soát trong QUÝ III.', { kind: 'quarter', quarter: 3 }, 'in'],
    // A date without "ngày" after a deadline word.
    ['Báo cáo kết quả trước 30/6 hằng năm.', { kind: 'yearly', day: 30, month: 6 }, 'before'],
    ['Hoàn thành việc rà soát trước 31/12/2025.', { kind: 'date', day: 31, month: 12, year: 2025 }, 'before'],
    ['Nộp hồ sơ chậm nhất là 15/8/2025.', { kind: 'date', day: 15, month: 8, year: 2025 }, 'by'],
  ])('%s', async (text, expected, relation) => {
    const found = await deadlines(text)
    expect(found.map((d) => [due(d), d.relation])).toEqual([[expected, relation]])
  })

  it("takes an action word that opens the date's lead, and only that one", async () => {
    const lead = await deadlines('Sở Nội vụ hoàn thành trong tháng 6 năm 2025.')
    expect(lead.map((d) => [d.action, d.due.kind])).toEqual([['hoàn thành', 'month']])
    // An action before the lead is still the action; with none at all, the clause is.
    const before = await deadlines('Các đơn vị tổ chức sơ kết, hoàn thành trong Quý II/2026.')
    expect(before.map((d) => d.action)).toEqual(['sơ kết'])
    const none = await deadlines('Sở Nội vụ trước ngày 15/12/2025.')
    expect(none.map((d) => d.action)).toEqual(['Sở Nội vụ'])
  })

  it('finds nothing in sentences without a date, numbered or not', async () => {
    expect(await deadlines('Các đơn vị báo cáo kết quả về Sở Nội vụ để tổng hợp.')).toEqual([])
    expect(await deadlines('Các đơn vị báo cáo quý trọng kết quả về Sở Nội vụ.')).toEqual([])
    expect(await deadlines('Phấn đấu 100% đơn vị gửi báo cáo theo Quyết định số 12/QĐ-UBND.')).toEqual([])
  })

  it('reads the year after a task-list time label', async () => {
    const found = await deadlines('1. Tổ chức tập huấn nghiệp vụ\n\n- Thời gian thực hiện: Năm 2026.')
    expect(found.map((d) => [due(d), d.action])).toEqual([
      [{ kind: 'year', year: 2026 }, 'Tổ chức tập huấn nghiệp vụ'],
    ])
  })

  it.each([
    [
      'the end of a range of days, without its start',
      'Các đơn vị hoàn thành việc rà soát từ ngày 01/7/2025 đến ngày 31/7/2025.',
      [{ kind: 'date', year: 2025, month: 7, day: 31 }, 'by', 'hoàn thành việc rà soát'],
    ],
    [
      'the end of a range of months, without its start',
      'Các đơn vị tổ chức tuyên truyền từ tháng 3 đến tháng 6/2026.',
      [{ kind: 'month', year: 2026, month: 6 }, 'by', 'Các đơn vị tổ chức tuyên truyền'],
    ],
    [
      'a day it is due by',
      'Các đơn vị gửi báo cáo đến hết ngày 30/6/2026.',
      [{ kind: 'date', year: 2026, month: 6, day: 30 }, 'by', 'gửi báo cáo'],
    ],
    [
      'a day it is due on',
      'Các đơn vị gửi báo cáo vào ngày 30/6/2026.',
      [{ kind: 'date', year: 2026, month: 6, day: 30 }, 'on', 'gửi báo cáo'],
    ],
    [
      '"từ" before what is not a date',
      'Sở Nội vụ tiếp nhận hồ sơ từ các đơn vị trước ngày 15/12/2025.',
      [{ kind: 'date', year: 2025, month: 12, day: 15 }, 'before', 'Sở Nội vụ tiếp nhận hồ sơ từ các đơn vị'],
    ],
  ])('reads %s', async (_, text, expected) => {
    expect((await deadlines(text)).map((d) => [due(d), d.relation, d.action])).toEqual([expected])
  })

  it('reads the end of a date range after a task-list time label, not its start', async () => {
    const found = await cardDeadlines('Từ 01/7/2025 đến 31/7/2025.')
    expect(found.map((d) => [due(d), d.relation])).toEqual([
      [{ kind: 'date', year: 2025, month: 7, day: 31 }, 'by'],
    ])
  })

  it.each([
    ['2025 - 2030', 2030],
    ['2025-2026.', 2026],
    ['Năm 2025 – năm 2027', 2027],
  ])('reads a task’s time given as a span of years, %s, as due by its last year', async (time, year) => {
    const found = await cardDeadlines(time)
    expect(found.map((d) => [due(d), d.relation, d.action])).toEqual([
      [{ kind: 'year', year }, 'by', 'Tổ chức tập huấn'],
    ])
  })

  it('reads a task’s time given as a year alone as that year', async () => {
    expect((await cardDeadlines('2026')).map((d) => [due(d), d.relation])).toEqual([
      [{ kind: 'year', year: 2026 }, 'in'],
    ])
  })

  it('takes the recipient of "báo cáo X" and of "(qua Y)"', async () => {
    const [d] = await deadlines(
      'Định kỳ báo cáo UBND tỉnh (qua Sở Tư pháp) kết quả thực hiện hằng năm (trước ngày 15 tháng 11).',
    )
    expect(d?.recipients.map((a) => a.key)).toEqual(['uy-ban-nhan-dan', 'tu-phap'])
    expect(d?.action).toBe('báo cáo')
  })

  it('goes on with the actors of the sentence before, in the same paragraph only, where a sentence names none', async () => {
    const found = await deadlines(
      '- Sở Nội vụ tổng hợp, báo cáo trước ngày 30/11 hằng năm. Báo cáo tổng kết (năm 2030). Sở Tư pháp báo cáo trước ngày 15/12 hằng năm.\n\n- Sơ kết vào năm 2027.',
    )
    expect(found.map((d) => [d.due.year ?? d.due.month, d.actors.map((a) => a.key)])).toEqual([
      [11, ['noi-vu']],
      [2030, ['noi-vu']],
      [12, ['tu-phap']],
      [2027, []],
    ])
  })

  it('names the agencies a directive addresses as actors', async () => {
    const [d] = await deadlines(
      'Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai thực hiện; định kỳ trước ngày 30 tháng 11 hàng năm báo cáo kết quả thực hiện về UBND tỉnh.',
    )
    expect(d?.actors.map((a) => a.key)).toEqual(['so-ban-nganh'])
  })
})

describe('extractDeadlines: what is not a deadline', () => {
  it.each([
    ['ongoing work', 'Thường xuyên kiểm tra, giám sát việc thực hiện phong trào thi đua.'],
    ['a year with no action', 'Đẩy mạnh các hoạt động học tập trong thư viện đến năm 2030.'],
    ['a period', 'Phong trào được triển khai từ năm 2023 đến năm 2030, sơ kết giai đoạn 2023-2025.'],
    ['a period to the end of a year', 'Thời gian thực hiện Chương trình: Từ năm 2025 đến hết năm 2030.'],
    ['a programme name in quotes', 'Tổng kết Chương trình “Đẩy mạnh học tập suốt đời đến năm 2030”.'],
    [
      'a cited document’s date',
      'Báo cáo theo Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ.',
    ],
    [
      'a title’s horizon',
      'Triển khai Quyết định phê duyệt Chiến lược hạ tầng số đến năm 2025 và định hướng đến năm 2030.',
    ],
    ['a start of ongoing work', '- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.'],
    ['a year before the plan', 'Tổng kết việc thực hiện năm 2023 của các đơn vị.'],
    ['a start date', 'Luật có hiệu lực từ ngày 01 tháng 01 năm 2026, các đơn vị báo cáo.'],
    ['a fraction after no deadline word', 'Báo cáo kết quả của 3/4 số đơn vị trực thuộc.'],
    ['a document number after "đến"', 'Báo cáo việc thực hiện đến 12/KH-UBND của tỉnh.'],
  ])('%s', async (_, text) => {
    expect(await deadlines(text)).toEqual([])
  })
})

describe('extractDeadlines: a task card’s time that is not a deadline', () => {
  it.each([
    ['a start date', 'Từ 01/7/2025.'],
    ['a start day of every year', 'Từ ngày 15/3 hằng năm.'],
    ['ongoing work', 'Thường xuyên.'],
    ['a span of years with words around it', 'Giai đoạn 2025 - 2030.'],
    ['a span of years that runs backwards', '2030 - 2025'],
  ])('%s', async (_, time) => {
    expect(await cardDeadlines(time)).toEqual([])
  })

  it('is read when it is one, in the same card', async () => {
    expect((await cardDeadlines('Trước 01/7/2025.')).map((d) => [due(d), d.relation, d.action])).toEqual([
      [{ kind: 'date', year: 2025, month: 7, day: 1 }, 'before', 'Tổ chức tập huấn'],
    ])
  })
})

describe('extractDeadlines on the seed plans', () => {
  const dues = (list: Deadline[]) =>
    [...new Set(list.map((d) => JSON.stringify([due(d), d.relation])))].sort()
  // Both seeds: the interim review in 2025, the final one in 2030, the report before 5 December every year.
  const SEED_DUES = [
    [{ kind: 'year', year: 2025 }, 'in'],
    [{ kind: 'year', year: 2030 }, 'in'],
    [{ kind: 'yearly', month: 12, day: 5 }, 'before'],
  ]
    .map((x) => JSON.stringify(x))
    .sort()

  it('Hà Nam: yearly 5 December to two departments, 2025 and 2030', async () => {
    const plan = await extractFile('corpus/000_9dd6dbdf273703a0.txt')
    expect(dues(plan.deadlines)).toEqual(SEED_DUES)
    const yearly = plan.deadlines.find((d) => d.due.kind === 'yearly')
    expect(yearly?.recipients.map((a) => a.key)).toEqual(['giao-duc-va-dao-tao', 'noi-vu'])
    expect(yearly?.path).toBe('VII.9')
  })

  it('Vũng Tàu: yearly 5 December to the education office, 2025 and 2030', async () => {
    const plan = await extractFile('corpus/003_e34268d9a63c9a71.txt')
    expect(dues(plan.deadlines)).toEqual(SEED_DUES)
    const yearly = plan.deadlines.find((d) => d.due.kind === 'yearly')
    expect(yearly).toMatchObject({
      path: 'VII.10',
      action: 'báo cáo đánh giá kết quả triển khai thực hiện Kế hoạch hàng năm',
    })
    expect(yearly?.recipients.map((a) => a.key)).toEqual(['giao-duc-va-dao-tao'])
    expect(yearly?.actors.map((a) => a.key)).toContain('uy-ban-nhan-dan')
  })
})
