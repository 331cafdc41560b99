/**
 * SQLite and CSV exports: one row per fact, keys to the plan, folded search,
 * the README's example queries, and re-exports that replace instead of duplicating.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agency, Plan } from '../schemas/plan.js'
import {
  EXAMPLE_QUERIES,
  exampleQuery,
  exportCsv,
  exportSqlite,
  loadPlans,
  TABLES,
  type TableName,
} from '../src/export/index.js'
import { extractFile, validatePlan } from '../src/index.js'
import { plan as basePlan, item, yearlyDeadline } from './diff-fixtures.js'

const SEEDS = ['corpus/000_9dd6dbdf273703a0.txt', 'corpus/003_e34268d9a63c9a71.txt']

// ---------------------------------------------------------------- fixtures

const SO_GD: Agency = {
  name: 'Sở GD&ĐT',
  canonical: 'Sở Giáo dục và Đào tạo',
  key: 'giao-duc-va-dao-tao',
  level: 'province',
}
const PHONG_GD: Agency = {
  ...SO_GD,
  name: 'Phòng Giáo dục và Đào tạo',
  canonical: 'Phòng Giáo dục và Đào tạo',
  level: 'district',
}
const SO_NV: Agency = { name: 'Sở Nội vụ', canonical: 'Sở Nội vụ', key: 'noi-vu', level: 'province' }

/** A valid plan with no facts, at `path`, whose content hash is `sha` repeated. */
function emptyPlan(path: string, sha: string): Plan {
  const base = basePlan('province')
  return { ...base, source: { ...base.source, path, format: 'markdown', sha256: sha.repeat(64), bytes: 100 } }
}

/** A plan with every fact kind, where Sở Giáo dục và Đào tạo leads a task and a report is due in December. */
function leadPlan(): Plan {
  const plan = emptyPlan('fixtures/lead.md', 'a')
  plan.sections = [
    {
      path: 'I',
      label: 'I',
      depth: 1,
      heading: 'MỤC ĐÍCH, YÊU CẦU',
      role: null,
      line: 10,
      endLine: 20,
      items: [],
      children: [
        {
          path: 'I.1',
          label: '1',
          depth: 2,
          heading: 'Mục đích',
          role: 'purposes',
          line: 11,
          endLine: 14,
          items: [],
          children: [],
        },
      ],
    },
  ]
  plan.purposes = [item('Nâng cao chất lượng Đào tạo, bồi dưỡng cán bộ.', 'I.1', 12)]
  // A comma, a quote, a line break and a leading "=": everything CSV must quote or defuse.
  plan.contents = [
    item('Tổ chức "Ngày hội học tập", lần 1\nvà lần 2', 'II.1', 15),
    item('=1+1 không phải công thức', 'II.2', 16),
  ]
  plan.criteria = [
    {
      path: 'III.1.a',
      label: 'a',
      target: 'Đối với cấp huyện',
      items: [item('Có kế hoạch dao tao cán bộ.', 'III.1.a', 18)],
      crossRefs: [],
    },
  ]
  plan.standards = [
    {
      path: 'III.2.a',
      label: 'a',
      target: 'Đối với cấp xã',
      items: [item('Đạt chuẩn.', 'III.2.a', 19)],
      crossRefs: [],
    },
  ]
  plan.awards.quotas = [
    {
      award: 'Bằng khen của Chủ tịch UBND tỉnh',
      occasion: 'final',
      year: 2030,
      collectives: 10,
      individuals: 20,
      households: null,
      per: null,
      max: true,
      percent: null,
      text: 'Bằng khen: không quá 10 tập thể, 20 cá nhân.',
      path: 'III.3',
      line: 21,
    },
  ]
  plan.phases = [
    {
      label: 'Giai đoạn 1',
      startYear: 2024,
      endYear: 2025,
      text: 'Giai đoạn 1 (2024-2025)',
      path: 'IV.1',
      line: 25,
    },
  ]
  plan.deadlines = [
    {
      ...yearlyDeadline(
        'Trước ngày 05 tháng 12 hằng năm, các đơn vị báo cáo về Sở GD&ĐT và Sở Nội vụ.',
        5,
        12,
        [SO_GD, SO_NV],
        'V',
      ),
      line: 40,
    },
    {
      text: 'Sơ kết vào tháng 11 năm 2025.',
      action: 'sơ kết',
      due: { kind: 'month', year: 2025, month: 11, day: null, quarter: null },
      relation: 'in',
      actors: [SO_GD],
      recipients: [],
      path: 'V',
      line: 41,
    },
  ]
  plan.assignments = [
    {
      agencies: [SO_GD],
      requested: false,
      tasks: [
        {
          text: 'Chủ trì, phối hợp với Sở Nội vụ tham mưu thành lập Ban Chỉ đạo.',
          role: 'lead',
          partners: [SO_NV],
          line: 31,
        },
        { text: 'Hướng dẫn đánh giá.', role: 'other', partners: [], line: 32 },
      ],
      path: 'VI.1',
      line: 30,
    },
  ]
  plan.references = [
    {
      id: '1315/QĐ-TTg',
      kind: 'Quyết định',
      number: '1315',
      symbol: 'QĐ-TTg',
      date: { iso: '2023-11-09', year: 2023, month: 11, day: 9 },
      issuer: 'Thủ tướng Chính phủ',
      title: null,
      isLegalBasis: true,
      occurrences: [
        { path: null, line: 5 },
        { path: 'II', line: 14 },
      ],
    },
  ]
  return validatePlan(plan)
}

/** A plan where the education department only takes part: it must not count as leading. */
function partnerPlan(): Plan {
  const plan = emptyPlan('fixtures/partner.md', 'b')
  plan.assignments = [
    {
      agencies: [SO_NV],
      requested: false,
      tasks: [
        {
          text: 'Chủ trì, phối hợp với Sở GD&ĐT hướng dẫn khen thưởng.',
          role: 'lead',
          partners: [SO_GD],
          line: 20,
        },
      ],
      path: 'VI.1',
      line: 19,
    },
    {
      agencies: [PHONG_GD],
      requested: false,
      tasks: [{ text: 'Phối hợp tổ chức hội nghị.', role: 'coordinate', partners: [], line: 22 }],
      path: 'VI.2',
      line: 21,
    },
  ]
  plan.deadlines = [yearlyDeadline('Báo cáo trước ngày 15 tháng 6 hằng năm.', 15, 6, [PHONG_GD], 'VII')]
  return validatePlan(plan)
}

// ---------------------------------------------------------------- helpers

/** Facts per table, counted from the JSON itself (not through the exporter's code). */
function factCounts(plan: Plan): Record<TableName, number> {
  const sections = (list: Plan['sections']): number => list.reduce((n, s) => n + 1 + sections(s.children), 0)
  const tasks = plan.assignments.flatMap((a) => a.tasks)
  return {
    plans: 1,
    sections: sections(plan.sections),
    items: [plan.purposes, plan.requirements, plan.objectives, plan.contents, plan.solutions].flat().length,
    criteria: [...plan.criteria, ...plan.standards].flatMap((g) => g.items).length,
    quotas: plan.awards.quotas.length,
    phases: plan.phases.length,
    deadlines: plan.deadlines.length,
    assignments: plan.assignments.length,
    tasks: tasks.length,
    agencies:
      plan.assignments.flatMap((a) => a.agencies).length +
      tasks.flatMap((t) => t.partners).length +
      plan.deadlines.flatMap((d) => [...d.actors, ...d.recipients]).length,
    references: plan.references.length,
  }
}

function sumCounts(plans: Plan[]): Record<TableName, number> {
  const total = Object.fromEntries(TABLES.map((t) => [t.name, 0])) as Record<TableName, number>
  for (const plan of plans)
    for (const [name, n] of Object.entries(factCounts(plan))) total[name as TableName] += n
  return total
}

function sqliteCounts(file: string): Record<TableName, number> {
  const db = new Database(file, { readonly: true })
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t.name, db.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() as number]),
    ) as Record<TableName, number>
  } finally {
    db.close()
  }
}

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

/** A strict RFC 4180 reader, written here so the test does not trust the writer's idea of CSV. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endField = () => {
    record.push(field)
    field = ''
  }
  while (i < text.length) {
    const c = text[i] as string
    const next = text[i + 1]
    if (quoted && c === '"' && next === '"') {
      field += '"'
      i += 2
      continue
    }
    if (quoted) {
      if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') endField()
    else if (c === '\r' && next === '\n') {
      endField()
      records.push(record)
      record = []
      i++
    } else if (c === '\r' || c === '\n' || c === '"')
      throw new Error(`bare ${JSON.stringify(c)} at offset ${i}`)
    else field += c
    i++
  }
  if (field !== '' || record.length > 0) throw new Error('last record does not end with CRLF')
  return records
}

function readCsv(
  dir: string,
  table: TableName,
): { header: string[]; rows: Record<string, string>[]; bom: boolean } {
  const raw = readFileSync(join(dir, `${table}.csv`), 'utf8')
  const bom = raw.startsWith('\uFEFF')
  const [header = [], ...records] = parseCsv(bom ? raw.slice(1) : raw)
  return { header, bom, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) }
}

// ---------------------------------------------------------------- tests

let seeds: Plan[]
let tmp: string
let plans: Plan[]

beforeAll(async () => {
  seeds = await Promise.all(SEEDS.map((f) => extractFile(f)))
  plans = [...seeds, leadPlan(), partnerPlan()]
  tmp = mkdtempSync(join(tmpdir(), 'kh-export-test-'))
})

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

// The deadline and assignment extractors are being written; until they return anything
// for the seeds, the seed assertions are skipped (and say so), the fixtures still run.
const seedsHave = (kind: 'deadlines' | 'assignments') => seeds.every((p) => p[kind].length > 0)

describe('SQLite export', () => {
  it('writes one row per fact, in every table', async () => {
    const file = join(tmp, 'counts.sqlite')
    const summary = await exportSqlite(plans, file)
    const expected = sumCounts(plans)
    expect(sqliteCounts(file)).toEqual(expected)
    expect(summary).toMatchObject({ plans: plans.length, replaced: 0, duplicates: 0, rows: expected })
    // The fixtures alone fill every table, so no table is checked only at zero.
    for (const t of TABLES) expect(factCounts(leadPlan())[t.name], t.name).toBeGreaterThan(0)
  })

  it('keys every row to its plan, with the source path and line', async () => {
    const file = join(tmp, 'keys.sqlite')
    await exportSqlite(plans, file)
    expect(query(file, 'PRAGMA foreign_key_check')).toEqual([])
    for (const t of TABLES.filter((t) => t.name !== 'plans')) {
      const orphans = query<{ n: number }>(
        file,
        `SELECT count(*) AS n FROM "${t.name}" AS r JOIN plans AS p ON p.id = r.plan_id
         WHERE r.source_path IS NOT p.source_path OR r.line IS NULL`,
      )
      expect(orphans[0]?.n, t.name).toBe(0)
    }
    const tasks = query<{ path: string; text: string }>(
      file,
      `SELECT p.source_path AS path, t.text FROM tasks AS t
       JOIN assignments AS a ON a.id = t.assignment_id JOIN plans AS p ON p.id = a.plan_id WHERE t.line = 31`,
    )
    expect(tasks).toEqual([{ path: 'fixtures/lead.md', text: leadPlan().assignments[0]?.tasks[0]?.text }])
  })

  it('finds "Đào tạo" through the folded search column with "dao tao"', async () => {
    const file = join(tmp, 'search.sqlite')
    await exportSqlite(plans, file)
    const found = query<{ text: string }>(file, "SELECT text FROM items WHERE search LIKE '%dao tao%'")
    const written = plans.flatMap((p) =>
      [p.purposes, p.requirements, p.objectives, p.contents, p.solutions].flat(),
    )
    const expected = written.filter((i) => /đào tạo|dao tao/iu.test(i.text)).map((i) => i.text)
    expect(found.map((r) => r.text).sort()).toEqual(expected.sort())
    expect(found.map((r) => r.text)).toContain('Nâng cao chất lượng Đào tạo, bồi dưỡng cán bộ.')
    // Capital Đ in the seeds' criteria ("Bộ Giáo dục và Đào tạo") is folded too.
    const criteria = query<{ text: string }>(
      file,
      "SELECT text FROM criteria WHERE search LIKE '%bo giao duc va dao tao%'",
    )
    expect(criteria.length).toBeGreaterThan(0)
    for (const row of criteria) expect(row.text).toContain('Bộ Giáo dục và Đào tạo')
    const agencies = query<{ canonical: string }>(
      file,
      "SELECT DISTINCT canonical FROM agencies WHERE search LIKE '%so gd&dt%'",
    )
    expect(agencies).toEqual([{ canonical: 'Sở Giáo dục và Đào tạo' }])
  })

  describe('the README example queries', () => {
    let file: string
    beforeAll(async () => {
      file = join(tmp, 'queries.sqlite')
      await exportSqlite(plans, file)
    })

    it('are all valid SQL', () => {
      for (const q of EXAMPLE_QUERIES) expect(() => query(file, q.sql), q.name).not.toThrow()
    })

    it('deadlines in December: the fixture’s 5 December report, not its November review', () => {
      const rows = query<{ source_path: string; line: number; due_day: number }>(
        file,
        exampleQuery('deadlines-in-december').sql,
      )
      expect(rows.filter((r) => r.source_path.startsWith('fixtures/'))).toEqual([
        expect.objectContaining({
          source_path: 'fixtures/lead.md',
          line: 40,
          due_day: 5,
          due_kind: 'yearly',
        }),
      ])
    })

    it('deadlines in December: the 5 December yearly report of each seed', (ctx) => {
      if (!seedsHave('deadlines')) ctx.skip('the deadline extractor returns nothing for the seeds yet')
      const rows = query<{ source_path: string; due_day: number; due_kind: string }>(
        file,
        exampleQuery('deadlines-in-december').sql,
      )
      for (const seed of SEEDS) {
        expect(rows.filter((r) => r.source_path === seed).map((r) => [r.due_kind, r.due_day])).toEqual([
          ['yearly', 5],
        ])
      }
    })

    it('plans where education leads: the fixture that leads, not the one that only takes part', () => {
      const rows = query<{ source_path: string }>(file, exampleQuery('plans-where-education-leads').sql)
      const fixtures = rows.map((r) => r.source_path).filter((p) => p.startsWith('fixtures/'))
      expect(fixtures).toEqual(['fixtures/lead.md'])
    })

    it('plans where education leads: both seeds (Sở and Phòng Giáo dục và Đào tạo)', (ctx) => {
      if (!seedsHave('assignments')) ctx.skip('the assignment extractor returns nothing for the seeds yet')
      const rows = query<{ source_path: string }>(file, exampleQuery('plans-where-education-leads').sql)
      expect(rows.map((r) => r.source_path).filter((p) => SEEDS.includes(p))).toEqual(SEEDS)
    })

    it('items mentioning đào tạo: found with the folded spelling', () => {
      const rows = query<{ text: string }>(file, exampleQuery('items-mentioning-dao-tao').sql)
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row.text).toMatch(/đào tạo|dao tao/iu)
    })
  })

  it('replaces a plan’s rows on re-export instead of duplicating them', async () => {
    const file = join(tmp, 'again.sqlite')
    await exportSqlite(plans, file)
    const again = await exportSqlite(plans, file)
    expect(again).toMatchObject({ plans: plans.length, replaced: plans.length })
    expect(sqliteCounts(file)).toEqual(sumCounts(plans))
    // A changed plan under the same path replaces the old one, facts and all.
    const changed = leadPlan()
    changed.source.sha256 = 'c'.repeat(64)
    changed.purposes = [{ text: 'Mục đích mới.', path: 'I.1', line: 12, endLine: 12 }]
    changed.assignments = []
    await exportSqlite([changed], file)
    expect(sqliteCounts(file)).toEqual(sumCounts([...seeds, changed, partnerPlan()]))
    expect(
      query(file, "SELECT text FROM items WHERE source_path = 'fixtures/lead.md' AND kind = 'purposes'"),
    ).toEqual([{ text: 'Mục đích mới.' }])
  })

  it('keys a plan without a source path by its content hash', async () => {
    const file = join(tmp, 'nopath.sqlite')
    const plan = leadPlan()
    plan.source.path = null
    await exportSqlite([plan], file)
    const again = await exportSqlite([plan], file)
    expect(again.replaced).toBe(1)
    expect(query(file, 'SELECT key FROM plans')).toEqual([{ key: `sha256:${'a'.repeat(64)}` }])
  })

  it('writes a plan named twice in one run once', async () => {
    const summary = await exportSqlite([leadPlan(), leadPlan()], join(tmp, 'twice.sqlite'))
    expect(summary).toMatchObject({ plans: 1, duplicates: 1 })
  })

  it('accepts an async stream of plans', async () => {
    async function* stream() {
      for (const plan of plans) yield plan
    }
    const file = join(tmp, 'stream.sqlite')
    await exportSqlite(stream(), file)
    expect(sqliteCounts(file)).toEqual(sumCounts(plans))
  })

  it('leaves one self-contained file (no -wal or -shm beside it)', async () => {
    const dir = join(tmp, 'single')
    await exportSqlite(plans, join(dir, 'plans.sqlite'))
    expect(readdirNames(dir)).toEqual(['plans.sqlite'])
  })

  it('refuses a file that is not a SQLite database, saying so', async () => {
    const file = join(tmp, 'not.sqlite')
    writeFileSync(file, 'just some text, long enough to fill the header of a database file '.repeat(4))
    await expect(exportSqlite(plans, file)).rejects.toThrow(/not a SQLite database/)
  })
})

describe('CSV export', () => {
  let dir: string
  beforeAll(async () => {
    dir = join(tmp, 'csv')
    await exportCsv(plans, dir)
  })

  it('writes one file per table, with a BOM and the schema’s columns as header', () => {
    for (const t of TABLES) {
      const { bom, header } = readCsv(dir, t.name)
      expect(bom, t.name).toBe(true)
      expect(header).toEqual(t.columns.map((c) => c.name))
    }
  })

  it('writes one record per fact, like the SQLite export', () => {
    const counts = Object.fromEntries(TABLES.map((t) => [t.name, readCsv(dir, t.name).rows.length]))
    expect(counts).toEqual(sumCounts(plans))
  })

  it('quotes commas, quotes and line breaks so the text reads back unchanged', () => {
    const texts = readCsv(dir, 'items').rows.map((r) => r.text)
    expect(texts).toContain('Tổ chức "Ngày hội học tập", lần 1\nvà lần 2')
    expect(readFileSync(join(dir, 'items.csv'), 'utf8')).toContain(
      '"Tổ chức ""Ngày hội học tập"", lần 1\nvà lần 2"',
    )
  })

  it('defuses text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const rows = readCsv(dir, 'items').rows
    expect(rows.map((r) => r.text)).toContain("'=1+1 không phải công thức")
    const quota = readCsv(dir, 'quotas').rows.find((r) => r.source_path === 'fixtures/lead.md')
    expect(quota).toMatchObject({ collectives: '10', individuals: '20', max: '1', households: '' })
  })

  it('numbers rows so foreign keys agree across files', () => {
    const assignments = readCsv(dir, 'assignments').rows
    const tasks = readCsv(dir, 'tasks').rows
    const lead = tasks.find((t) => t.line === '31')
    const owner = assignments.find((a) => a.id === lead?.assignment_id)
    expect(owner).toMatchObject({ source_path: 'fixtures/lead.md', path: 'VI.1' })
    const planIds = new Set(readCsv(dir, 'plans').rows.map((p) => p.id))
    for (const t of TABLES.filter((t) => t.name !== 'plans')) {
      for (const row of readCsv(dir, t.name).rows) expect(planIds.has(row.plan_id ?? ''), t.name).toBe(true)
    }
  })

  it('replaces the files on re-export, leaving no temporary files', async () => {
    await exportCsv(plans, dir)
    expect(readCsv(dir, 'plans').rows).toHaveLength(plans.length)
    expect(readdirNames(dir)).toEqual(TABLES.map((t) => `${t.name}.csv`).sort())
  })
})

describe('loadPlans', () => {
  it('streams plans from JSON files, NDJSON and folders, skipping dot-files and reporting bad files', async () => {
    const dir = join(tmp, 'load')
    mkdirSync(join(dir, 'sub'), { recursive: true })
    mkdirSync(join(dir, '.kh-cache'), { recursive: true })
    const [a, b, c, d] = plans
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a, null, 2))
    writeFileSync(join(dir, 'sub', 'b.json'), JSON.stringify(b))
    writeFileSync(join(dir, 'more.ndjson'), `${JSON.stringify(c)}\n\n${JSON.stringify(d)}\n`)
    writeFileSync(join(dir, '.kh-cache', 'x.json'), JSON.stringify(a))
    writeFileSync(join(dir, 'summary.json'), '{"files": 3}')
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": "1", ')
    const errors: string[] = []
    const loaded: string[] = []
    // The folder and a file inside it: the file is read once.
    for await (const { file, plan } of loadPlans([dir, join(dir, 'a.json')], {
      onError: (f) => errors.push(f),
    })) {
      loaded.push(`${file} ${plan.source.path}`)
    }
    expect(loaded).toEqual([
      `${join(dir, 'a.json')} ${a?.source.path}`,
      `${join(dir, 'more.ndjson')}:1 ${c?.source.path}`,
      `${join(dir, 'more.ndjson')}:3 ${d?.source.path}`,
      `${join(dir, 'sub', 'b.json')} ${b?.source.path}`,
    ])
    expect(errors).toEqual([join(dir, 'broken.json'), join(dir, 'summary.json')])
  })

  it('throws on the first problem without onError, naming the file', async () => {
    const file = join(tmp, 'missing.json')
    const read = async () => {
      for await (const _ of loadPlans([file])) {
        // drain
      }
    }
    await expect(read()).rejects.toThrow(`Cannot read \`${file}\`: no such file or folder`)
  })

  it('feeds the exporters, which then count the same facts as the JSON', async () => {
    const dir = join(tmp, 'feed')
    mkdirSync(dir, { recursive: true })
    for (const [i, p] of plans.entries()) writeFileSync(join(dir, `${i}.json`), JSON.stringify(p))
    async function* only() {
      for await (const { plan } of loadPlans([dir])) yield plan
    }
    const file = join(tmp, 'feed.sqlite')
    await exportSqlite(only(), file)
    expect(sqliteCounts(file)).toEqual(sumCounts(plans))
  })
})

function readdirNames(dir: string): string[] {
  return readdirSync(dir).sort()
}
