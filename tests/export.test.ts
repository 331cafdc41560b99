/**
 * SQLite and CSV exports: one row per fact, keys to the plan, folded search,
 * the README's example queries, and re-exports that replace instead of duplicating;
 * first through the API, then through `kh export` on the corpus as `kh extract` wrote it.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
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

// ---------------------------------------------------------------- the command

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const MAIN = join(ROOT, 'src', 'cli', 'main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const EDUCATION = 'giao-duc-va-dao-tao'
const STACK_FRAME = /^\s+at /m
// Each spawn compiles through tsx: seconds on a loaded machine, so these tests get more than the default.
const SLOW = 120_000

/** The foreign keys the schema must declare, as `column → table`: the spec PRAGMA foreign_key_check relies on. */
const FOREIGN_KEYS: Record<TableName, string[]> = {
  plans: [],
  sections: ['plan_id → plans'],
  items: ['plan_id → plans'],
  criteria: ['plan_id → plans'],
  quotas: ['plan_id → plans'],
  phases: ['plan_id → plans'],
  deadlines: ['plan_id → plans'],
  assignments: ['plan_id → plans'],
  tasks: ['assignment_id → assignments', 'plan_id → plans'],
  agencies: ['assignment_id → assignments', 'deadline_id → deadlines', 'plan_id → plans', 'task_id → tasks'],
  references: ['plan_id → plans'],
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Run `kh ...args` from the repository root, as a user would, through tsx (no build needed). */
function kh(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

/** Lower-case ASCII, written here so the test does not trust the exporter's folding. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ')
}

const ITEM_KINDS = ['purposes', 'requirements', 'objectives', 'contents', 'solutions'] as const

/** A plan's items, each with the kind the items table gives it. */
function itemsOf(plan: Plan) {
  return ITEM_KINDS.flatMap((kind) => plan[kind].map((i) => ({ ...i, kind })))
}

/** The summary line's rows, as `kh export` prints them for these counts. */
function rowsPart(counts: Record<TableName, number>): string {
  return `rows: ${TABLES.map((t) => `${t.name} ${counts[t.name]}`).join(', ')}`
}

// Rows in a fixed order, for comparing a query's result with rows computed from the JSON.
function sorted<T>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
}

describe('kh export on the corpus', () => {
  let dir: string
  let db: string
  let csv: string
  /** What the command read: the corpus as `kh extract` wrote it, then the fixtures. */
  let exported: Plan[]
  let first: Run
  let again: Run

  beforeAll(async () => {
    dir = join(tmp, 'command')
    const json = join(dir, 'json')
    const extracted = await kh('extract', 'corpus', '-o', json)
    expect(extracted.code, extracted.stderr).toBe(0)
    // The fixtures go in as one NDJSON stream, so that input is read through the command too.
    const fixtures = join(dir, 'fixtures.ndjson')
    writeFileSync(fixtures, `${JSON.stringify(leadPlan())}\n${JSON.stringify(partnerPlan())}\n`)
    const corpus = readdirSync(json)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => validatePlan(JSON.parse(readFileSync(join(json, f), 'utf8'))))
    exported = [...corpus, leadPlan(), partnerPlan()]
    db = join(dir, 'plans.sqlite')
    csv = join(dir, 'csv')
    first = await kh('export', json, fixtures, '--sqlite', db, '--csv', csv)
    again = await kh('export', json, fixtures, '--sqlite', db, '--csv', csv)
  }, 2 * SLOW)

  it('exports every plan of the corpus, saying so in one summary line', () => {
    expect(first.code, first.stderr).toBe(0)
    expect(exported.filter((p) => p.source.path?.startsWith('corpus/')).length).toBeGreaterThanOrEqual(2)
    expect(first.stdout).toBe('')
    const lines = first.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(
      `${exported.length} plans exported, 0 files failed; ${rowsPart(sumCounts(exported))};`,
    )
    expect(lines[0]).toContain(`SQLite in ${db} (0 replaced), CSV in ${csv}/,`)
  })

  it('writes one SQLite row per fact of the JSON, in every table', () => {
    expect(sqliteCounts(db)).toEqual(sumCounts(exported))
  })

  it('writes one CSV record per fact of the JSON, with a BOM and a header row', () => {
    for (const t of TABLES) {
      const { bom, header, rows } = readCsv(csv, t.name)
      expect(bom, t.name).toBe(true)
      expect(header, t.name).toEqual(t.columns.map((c) => c.name))
      expect(rows.length, t.name).toBe(sumCounts(exported)[t.name])
    }
  })

  it('declares the foreign keys, and every row keeps them', () => {
    for (const t of TABLES) {
      const declared = query<{ key: string }>(
        db,
        `SELECT "from" || ' → ' || "table" AS key FROM pragma_foreign_key_list('${t.name}')`,
      )
      expect(declared.map((k) => k.key).sort(), t.name).toEqual(FOREIGN_KEYS[t.name])
    }
    expect(query(db, 'PRAGMA foreign_key_check')).toEqual([])
  })

  it('gives every row its plan’s source path and a line, in SQLite and CSV alike', () => {
    for (const t of TABLES.filter((t) => t.name !== 'plans')) {
      const wrong = query<{ n: number }>(
        db,
        `SELECT count(*) AS n FROM "${t.name}" AS r LEFT JOIN plans AS p ON p.id = r.plan_id
         WHERE p.id IS NULL OR r.source_path IS NOT p.source_path OR r.line IS NULL`,
      )
      expect(wrong[0]?.n, t.name).toBe(0)
    }
    const paths = new Map(readCsv(csv, 'plans').rows.map((p) => [p.id, p.source_path]))
    for (const t of TABLES.filter((t) => t.name !== 'plans')) {
      for (const row of readCsv(csv, t.name).rows) {
        expect(paths.get(row.plan_id ?? ''), t.name).toBe(row.source_path)
        expect(row.line, t.name).toMatch(/^[1-9]\d*$/)
      }
    }
  })

  it('numbers CSV rows so every foreign key points at a row of its table', () => {
    const ids = Object.fromEntries(
      TABLES.map((t) => [t.name, new Set(readCsv(csv, t.name).rows.map((r) => r.id))]),
    ) as Record<TableName, Set<string>>
    for (const t of TABLES) {
      const rows = readCsv(csv, t.name).rows
      for (const fk of FOREIGN_KEYS[t.name]) {
        const [column = '', target = ''] = fk.split(' → ')
        const dangling = rows.filter(
          (r) => r[column] !== '' && !ids[target as TableName].has(r[column] ?? ''),
        )
        expect(dangling, `${t.name}.${column}`).toEqual([])
      }
    }
  })

  it('finds "Đào tạo" by searching the folded column for "dao tao", in SQLite and CSV', () => {
    const expected = exported
      .flatMap(itemsOf)
      .map((i) => i.text)
      .filter((t) => folded(t).includes('dao tao'))
    expect(expected.some((t) => t.includes('Đào tạo'))).toBe(true)
    const found = query<{ text: string }>(db, "SELECT text FROM items WHERE search LIKE '%dao tao%'")
    expect(found.map((r) => r.text).sort()).toEqual([...expected].sort())
    const inCsv = readCsv(csv, 'items').rows.filter((r) => r.search?.includes('dao tao'))
    expect(inCsv.map((r) => r.text).sort()).toEqual([...expected].sort())
  })

  it('replaces the rows on re-export instead of duplicating them', () => {
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toContain(`SQLite in ${db} (${exported.length} replaced)`)
    expect(sqliteCounts(db)).toEqual(sumCounts(exported))
    for (const t of TABLES) expect(readCsv(csv, t.name).rows.length, t.name).toBe(sumCounts(exported)[t.name])
  })

  describe('the README example queries', () => {
    it('are printed in the README as they are run, beside every table', () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
      for (const q of EXAMPLE_QUERIES) expect(readme, q.name).toContain(`\`\`\`sql\n${q.sql}\n\`\`\``)
      for (const t of TABLES) expect(readme, t.name).toContain(`| \`${t.name}\` | ${t.doc} |`)
    })

    it('are all valid SQL and all return rows', () => {
      for (const q of EXAMPLE_QUERIES) expect(query(db, q.sql).length, q.name).toBeGreaterThan(0)
    })

    it('every deadline in December: the ones the JSON dates in December, the corpus’s among them', () => {
      const rows = query(db, exampleQuery('deadlines-in-december').sql)
      const expected = exported.flatMap((p) =>
        p.deadlines
          .filter((d) => d.due.month === 12)
          .map((d) => ({
            source_path: p.source.path,
            line: d.line,
            due_kind: d.due.kind,
            due_day: d.due.day,
            relation: d.relation,
            text: d.text,
          })),
      )
      expect(sorted(rows)).toEqual(sorted(expected))
      expect(expected.some((r) => r.source_path?.startsWith('corpus/'))).toBe(true)
      // The fixture's November review is not December.
      expect(expected.filter((r) => r.source_path === 'fixtures/lead.md').map((r) => r.line)).toEqual([40])
    })

    it('plans in which Sở Giáo dục và Đào tạo leads a task: the ones the JSON says, not the plan where it only takes part', () => {
      const rows = query(db, exampleQuery('plans-where-education-leads').sql)
      const expected = exported
        .filter((p) =>
          p.assignments.some(
            (a) => a.agencies.some((g) => g.key === EDUCATION) && a.tasks.some((t) => t.role === 'lead'),
          ),
        )
        .map((p) => ({ source_path: p.source.path, title: p.meta.title }))
      expect(sorted(rows)).toEqual(sorted(expected))
      const paths = expected.map((r) => r.source_path)
      expect(paths).toContain('fixtures/lead.md')
      expect(paths).not.toContain('fixtures/partner.md')
      expect(paths.some((p) => p?.startsWith('corpus/'))).toBe(true)
    })

    it('items mentioning đào tạo: every item whose folded text says it', () => {
      const rows = query(db, exampleQuery('items-mentioning-dao-tao').sql)
      const expected = exported.flatMap((p) =>
        itemsOf(p)
          .filter((i) => folded(i.text).includes('dao tao'))
          .map((i) => ({ source_path: p.source.path, line: i.line, kind: i.kind, text: i.text })),
      )
      expect(sorted(rows)).toEqual(sorted(expected))
    })

    it('agencies leading the most tasks: counted from the JSON, in the query’s order', () => {
      const count = new Map<string, { tasks: number; plans: Set<number> }>()
      for (const [planIndex, p] of exported.entries()) {
        for (const a of p.assignments) {
          const leads = a.tasks.filter((t) => t.role === 'lead').length
          for (const key of new Set(a.agencies.map((g) => g.key))) {
            const entry = count.get(key) ?? { tasks: 0, plans: new Set() }
            entry.tasks += leads
            if (leads > 0) entry.plans.add(planIndex)
            count.set(key, entry)
          }
        }
      }
      const expected = [...count]
        .filter(([, c]) => c.tasks > 0)
        .map(([key, c]) => ({ key, lead_tasks: c.tasks, plans: c.plans.size }))
        .sort((a, b) => b.lead_tasks - a.lead_tasks || b.plans - a.plans || (a.key < b.key ? -1 : 1))
      expect(query(db, exampleQuery('agencies-leading-most-tasks').sql)).toEqual(expected)
    })

    it('documents cited by several plans: counted from the JSON, in the query’s order', () => {
      const citing = new Map<string, { kinds: string[]; plans: Set<number> }>()
      for (const [planIndex, p] of exported.entries()) {
        for (const r of p.references) {
          const entry = citing.get(r.id) ?? { kinds: [], plans: new Set() }
          if (r.kind !== null) entry.kinds.push(r.kind)
          entry.plans.add(planIndex)
          citing.set(r.id, entry)
        }
      }
      const expected = [...citing]
        .filter(([, c]) => c.plans.size > 1)
        .map(([citation, c]) => ({ citation, kind: c.kinds.sort()[0] ?? null, plans: c.plans.size }))
        .sort((a, b) => b.plans - a.plans || (a.citation < b.citation ? -1 : 1))
      expect(expected.length).toBeGreaterThan(0)
      expect(query(db, exampleQuery('documents-cited-by-several-plans').sql)).toEqual(expected)
    })
  })
})

describe('kh export on bad input', () => {
  let dir: string
  beforeAll(() => {
    dir = join(tmp, 'bad')
    mkdirSync(join(dir, 'in'), { recursive: true })
    mkdirSync(join(dir, 'empty'), { recursive: true })
    writeFileSync(join(dir, 'in', 'good.json'), JSON.stringify(leadPlan()))
    writeFileSync(join(dir, 'in', 'summary.json'), '{"files": 3}')
    writeFileSync(join(dir, 'in', 'broken.json'), '{"schemaVersion": "1", ')
    writeFileSync(join(dir, 'in', 'old.json'), '{"schemaVersion": "0"}')
    writeFileSync(join(dir, 'only-bad.json'), '[]')
  })

  it(
    'names each file that is not a plan in one line with its reason, exports the others, exits 1',
    async () => {
      const db = join(dir, 'some.sqlite')
      const csv = join(dir, 'some-csv')
      const run = await kh('export', join(dir, 'in'), '--sqlite', db, '--csv', csv)
      expect(run.code).toBe(1)
      const lines = run.stderr.trimEnd().split('\n')
      expect(lines.slice(0, -1)).toEqual([
        expect.stringMatching(
          new RegExp(`^${join(dir, 'in', 'broken.json')} {2}error {2}not JSON \\(.+\\)$`),
        ),
        `${join(dir, 'in', 'old.json')}  error  a plan of contract version 0; this kh reads version 1: extract it again`,
        `${join(dir, 'in', 'summary.json')}  error  not a kh plan (it has no schemaVersion)`,
      ])
      expect(lines.at(-1)).toMatch(/^1 plan exported, 3 files failed; rows: plans 1, /)
      expect(run.stderr).not.toMatch(STACK_FRAME)
      expect(query(db, 'SELECT source_path FROM plans')).toEqual([{ source_path: 'fixtures/lead.md' }])
      expect(readCsv(csv, 'plans').rows.map((r) => r.source_path)).toEqual(['fixtures/lead.md'])
    },
    SLOW,
  )

  it(
    'leaves the outputs untouched when no plan could be read',
    async () => {
      const db = join(dir, 'none.sqlite')
      const run = await kh('export', join(dir, 'only-bad.json'), 'missing.json', '--sqlite', db)
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(`${join(dir, 'only-bad.json')}  error  not a kh plan`)
      expect(run.stderr).toContain('missing.json  error  no such file or folder')
      expect(existsSync(db)).toBe(false)
    },
    SLOW,
  )

  it(
    'names a plan given twice, exports it once and still succeeds',
    async () => {
      const db = join(dir, 'twice.sqlite')
      const copy = join(dir, 'copy.json')
      writeFileSync(copy, JSON.stringify(leadPlan()))
      const run = await kh('export', join(dir, 'in', 'good.json'), copy, '--sqlite', db)
      expect(run.code, run.stderr).toBe(0)
      expect(run.stderr).toContain(
        `${copy}  warning  the same document as \`${join(dir, 'in', 'good.json')}\` (fixtures/lead.md); left out  duplicate-plan`,
      )
      expect(query(db, 'SELECT count(*) AS n FROM plans')).toEqual([{ n: 1 }])
    },
    SLOW,
  )

  it(
    'exits 2 on usage errors, writing nothing',
    async () => {
      const runs = await Promise.all([
        kh('export', join(dir, 'in')),
        kh('export', '--sqlite', join(dir, 'usage.sqlite')),
        kh('export', join(dir, 'empty'), '--csv', join(dir, 'usage-csv')),
        kh('export', join(dir, 'in'), '--sqlite', join(dir, 'empty')),
      ])
      expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2])
      expect(runs[0]?.stderr).toContain('say where to export: --sqlite FILE, --csv DIR, or both')
      expect(runs[1]?.stderr).toContain("missing required argument 'paths'")
      expect(runs[2]?.stderr).toContain(`nothing to export: no plan in ${join(dir, 'empty')}`)
      expect(runs[3]?.stderr).toContain(`--sqlite takes a file, and \`${join(dir, 'empty')}\` is a folder`)
      expect(existsSync(join(dir, 'usage.sqlite'))).toBe(false)
      expect(existsSync(join(dir, 'usage-csv'))).toBe(false)
      for (const run of runs) expect(run.stderr).not.toMatch(STACK_FRAME)
    },
    SLOW,
  )

  it(
    'explains itself in --help, with examples',
    async () => {
      const run = await kh('export', '--help')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('Usage: kh export [options] <paths...>')
      expect(run.stdout).toContain('--sqlite <file>')
      expect(run.stdout).toContain('--csv <dir>')
      expect(run.stdout).toContain('$ kh export out --sqlite plans.sqlite --csv csv')
      expect((await kh('--help')).stdout).toMatch(/^ {2}export \[options\] <paths\.\.\.>/m)
    },
    SLOW,
  )
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
