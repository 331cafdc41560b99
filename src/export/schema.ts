/**
 * The export tables, as data: the one place that lists every table and column.
 * The SQLite writer builds its DDL from it and the CSV writer its headers, so the
 * two outputs cannot drift apart; rows.ts fills exactly these columns (checked by the types).
 */

/** Bumped when a table or column changes; stored in SQLite's `user_version`. */
export const EXPORT_SCHEMA_VERSION = 1

export type SqlType = 'TEXT' | 'INTEGER' | 'REAL'

export interface Column {
  readonly name: string
  readonly type: SqlType
  readonly doc: string
  readonly notNull?: boolean
  readonly unique?: boolean
  readonly primaryKey?: boolean
  /** Worth an index for the example queries (foreign keys always get one). */
  readonly indexed?: boolean
  /** The table whose `id` this column points at. */
  readonly references?: string
}

export interface Table {
  readonly name: string
  readonly doc: string
  readonly columns: readonly Column[]
  /** Columns folded into `search`: lower-case ASCII, diacritics and đ folded, so "dao tao" finds "Đào tạo". */
  readonly searchOf: readonly string[]
}

type Constraints = Partial<Pick<Column, 'notNull' | 'unique' | 'primaryKey' | 'references' | 'indexed'>>

function column<const N extends string>(name: N, type: SqlType, doc: string, extra: Constraints = {}) {
  return { name, type, doc, ...extra } as const
}

const text = <const N extends string>(name: N, doc: string) => column(name, 'TEXT', doc)
const int = <const N extends string>(name: N, doc: string) => column(name, 'INTEGER', doc)
const real = <const N extends string>(name: N, doc: string) => column(name, 'REAL', doc)
const ref = <const N extends string>(name: N, table: string, doc: string, notNull = false) =>
  column(name, 'INTEGER', doc, { references: table, notNull })

// Every fact row says which plan it belongs to and where in which file it was read.
const FACT_HEAD = [
  column('id', 'INTEGER', 'row id, unique in its table', { primaryKey: true }),
  ref('plan_id', 'plans', 'the plan this row belongs to', true),
  text('source_path', 'the document the fact was read from, as given to `kh extract`'),
  int('line', '1-based line in the text the parser saw'),
] as const

const SEARCH = text('search', 'lower-case ASCII of the text columns (diacritics and đ folded), for LIKE')

type Head = typeof FACT_HEAD
type Search = typeof SEARCH

function table<const N extends string, const C extends readonly Column[]>(
  name: N,
  doc: string,
  columns: C,
  searchOf: readonly C[number]['name'][],
): { name: N; doc: string; columns: readonly [...Head, ...C, Search]; searchOf: readonly string[] } {
  return { name, doc, columns: [...FACT_HEAD, ...columns, SEARCH], searchOf }
}

const PLANS = {
  name: 'plans',
  doc: 'one row per plan (per JSON file exported)',
  columns: [
    column('id', 'INTEGER', 'row id', { primaryKey: true }),
    column('key', 'TEXT', 'what re-exports replace by: the source path, or `sha256:<hex>` without one', {
      notNull: true,
      unique: true,
    }),
    text('source_path', 'the document, as given to `kh extract`'),
    int('line', 'always 1: a plan is the whole file'),
    text('sha256', 'SHA-256 of the source file'),
    text('format', 'markdown, text, pdf or docx'),
    int('bytes', 'size of the source file'),
    int('pages', 'pages of a PDF'),
    text('kind', 'document kind from the symbol: KH, QĐ, ...'),
    text('number', 'the document number; null when left blank'),
    text('symbol', 'KH-UBND, ...'),
    text('issuer', 'the issuing body'),
    text('issuer_level', 'national, province, district or commune'),
    text('locality', 'the issuer’s province or city'),
    text('place', 'the place in the date line'),
    text('date', 'ISO date of issue, when day, month and year are known'),
    int('year', 'year of issue'),
    int('month', 'month of issue'),
    int('day', 'day of issue'),
    text('title', 'the plan’s title'),
    text('attached_title', 'the attached plan’s title, when the document is a decision'),
    text('campaign', 'the movement the plan implements'),
    int('campaign_start', 'first year of the movement'),
    int('campaign_end', 'last year of the movement'),
    text('signer', 'who signed'),
    text('signer_title', 'the signer’s office'),
    int('warnings', 'number of extraction warnings'),
    SEARCH,
  ],
  searchOf: ['title', 'attached_title', 'issuer', 'campaign'],
} as const satisfies Table

/** Every table in creation order: a table comes after the tables it points at. */
export const TABLES = [
  PLANS,
  table(
    'sections',
    'the numbered skeleton, one row per section at any depth',
    [
      int('end_line', 'last line of the section'),
      int('page', 'PDF page'),
      text('path', 'section path such as III.1.a'),
      text('parent_path', 'the enclosing section; null for a part'),
      text('label', 'the numbering label as printed'),
      int('depth', '1 part, 2 clause, 3 point, 4 deeper'),
      text('heading', 'the text on the label’s line'),
      text('role', 'what the section is about: purposes, criteria, implementation, ...'),
    ],
    ['heading'],
  ),
  table(
    'items',
    'purposes, requirements, objectives, contents and solutions',
    [
      int('end_line', 'last line of the item'),
      int('page', 'PDF page'),
      text('kind', 'purposes, requirements, objectives, contents or solutions'),
      text('path', 'section path'),
      text('text', 'the item'),
    ],
    ['text'],
  ),
  table(
    'criteria',
    'one row per criterion or standard, with the group it belongs to',
    [
      int('end_line', 'last line of the item'),
      int('page', 'PDF page'),
      text('kind', 'criteria or standards'),
      text('group_path', 'section path of the group'),
      text('group_label', 'label of the group'),
      text('target', 'who the group is for, e.g. Đối với cấp huyện'),
      text('path', 'section path of the item'),
      text('text', 'the criterion'),
    ],
    ['text'],
  ),
  table(
    'quotas',
    'award quotas: how many of which award',
    [
      text('path', 'section path'),
      text('award', 'the award'),
      text('occasion', 'annual, interim or final'),
      int('year', 'year of the occasion'),
      real('collectives', 'collectives awarded'),
      real('individuals', 'individuals awarded'),
      real('households', 'households awarded'),
      text('per', 'the unit a quota is per, e.g. mỗi xã, phường'),
      int('max', '1 when the number is an upper bound'),
      real('percent_collectives', 'share of collectives, %'),
      real('percent_individuals', 'share of individuals, %'),
      text('text', 'the sentence'),
    ],
    ['award', 'text'],
  ),
  table(
    'phases',
    'the stages of the plan',
    [
      text('path', 'section path'),
      text('label', 'Giai đoạn 1, ...'),
      int('start_year', 'first year'),
      int('end_year', 'last year'),
      text('text', 'the sentence'),
    ],
    ['label', 'text'],
  ),
  table(
    'deadlines',
    'dated obligations',
    [
      int('page', 'PDF page'),
      text('path', 'section path'),
      text('action', 'what must be done'),
      text('due_kind', 'date, yearly, monthly, month, quarter or year'),
      int('due_year', 'year, when stated'),
      int('due_month', 'month, when stated'),
      int('due_day', 'day, when stated'),
      int('due_quarter', 'quarter, when stated'),
      text('relation', 'before, by, on or in'),
      text('actors', 'canonical names of who must act, joined by "; " (rows in agencies)'),
      text('recipients', 'canonical names of whom it goes to, joined by "; " (rows in agencies)'),
      text('text', 'the sentence'),
    ],
    ['text'],
  ),
  table(
    'assignments',
    'one per clause of the implementation section that names agencies',
    [
      text('path', 'section path'),
      int('requested', '1 when the issuer asks (Đề nghị) rather than directs'),
      text('agencies', 'canonical names, joined by "; " (rows in agencies)'),
    ],
    ['agencies'],
  ),
  table(
    'tasks',
    'the tasks of an assignment',
    [
      ref('assignment_id', 'assignments', 'the assignment', true),
      text('path', 'section path of the assignment'),
      text('role', 'lead, coordinate or other'),
      text('partners', 'canonical names of the partners, joined by "; " (rows in agencies)'),
      text('text', 'the task'),
    ],
    ['text'],
  ),
  table(
    'agencies',
    'every agency named by an assignment, task or deadline, with its part in it',
    [
      ref('assignment_id', 'assignments', 'set for assignees and partners'),
      ref('task_id', 'tasks', 'set for partners'),
      ref('deadline_id', 'deadlines', 'set for actors and recipients'),
      text('path', 'section path'),
      text('role', 'assignee, partner, actor or recipient'),
      text('name', 'as written'),
      text('canonical', 'abbreviations expanded'),
      column('key', 'TEXT', 'level-independent slug, e.g. giao-duc-va-dao-tao', { indexed: true }),
      text('level', 'national, province, district or commune'),
    ],
    ['name', 'canonical'],
  ),
  table(
    'references',
    'documents the plan cites, once per citation',
    [
      text('path', 'section path of the first occurrence'),
      text('citation', 'number/symbol as printed, e.g. 1315/QĐ-TTg'),
      text('kind', 'Quyết định, Kế hoạch, ...'),
      text('number', 'number'),
      text('symbol', 'symbol'),
      text('date', 'ISO date, when fully known'),
      int('year', 'year of the document'),
      text('issuer', 'who issued it'),
      text('title', 'its title, when given'),
      int('legal_basis', '1 when cited in the preamble (Căn cứ ...)'),
      int('occurrences', 'how often the plan cites it'),
    ],
    ['citation', 'title', 'issuer'],
  ),
] as const

type Tables = (typeof TABLES)[number]
/** One of the export tables, with its literal name and columns. */
export type ExportTable = Tables
export type TableName = Tables['name']
export type ColumnName<N extends TableName> = Extract<Tables, { name: N }>['columns'][number]['name']
export type Value = string | number | null
/** One row of table `N`, every column present. */
export type Row<N extends TableName> = { [C in ColumnName<N>]: Value }
/** The rows of every table. */
export type Rows = { [N in TableName]: Row<N>[] }
