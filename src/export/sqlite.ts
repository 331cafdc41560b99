/**
 * Plans → one SQLite database, a table per fact kind (see schema.ts).
 * Re-exporting a plan replaces its rows: its old rows are deleted and the new ones
 * inserted in one transaction, so a reader never sees a plan twice or half of one.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Plan } from '../../schemas/plan.js'
import { type Ids, planKey, planRows } from './rows.js'
import { type Column, EXPORT_SCHEMA_VERSION, type Rows, TABLES, type Table } from './schema.js'
import { countRows, type ExportSummary, emptySummary, firstOfEachKey } from './summary.js'

type Db = Database.Database

/** Write plans into the SQLite database `file` (created when missing), replacing earlier exports of the same plans. */
export async function exportSqlite(
  plans: Iterable<Plan> | AsyncIterable<Plan>,
  file: string,
): Promise<ExportSummary> {
  const db = openDatabase(file)
  try {
    const write = planWriter(db)
    const summary = emptySummary(file)
    for await (const plan of firstOfEachKey(plans, summary)) {
      const { replaced, rows } = write(plan)
      countRows(summary, rows)
      if (replaced) summary.replaced++
    }
    closeCleanly(db)
    return summary
  } finally {
    if (db.open) db.close()
  }
}

/** The CREATE TABLE and CREATE INDEX statements of the export schema. */
export function schemaSql(): string[] {
  return TABLES.flatMap((t) => [createTable(t), ...createIndexes(t)])
}

function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  try {
    checkVersion(db, file)
    // WAL with NORMAL sync: a commit per plan costs no fsync; closeCleanly folds the WAL back in.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.transaction(() => {
      for (const sql of schemaSql()) db.exec(sql)
      db.pragma(`user_version = ${EXPORT_SCHEMA_VERSION}`)
    })()
    return db
  } catch (error) {
    db.close()
    throw cannotExport(file, error)
  }
}

function checkVersion(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version === EXPORT_SCHEMA_VERSION) return
  if (version !== 0) {
    throw new Error(
      `\`${file}\` holds an export of schema ${version}; this kh writes schema ${EXPORT_SCHEMA_VERSION}: export into a new file or delete it`,
    )
  }
  const ours = new Set<string>(TABLES.map((t) => t.name))
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
  const clash = tables.find((t) => ours.has(t))
  if (clash)
    throw new Error(
      `\`${file}\` already has a table \`${clash}\` that kh did not write: export into a new file`,
    )
}

function cannotExport(file: string, error: unknown): Error {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB')
    return new Error(`Cannot export into \`${file}\`: it is not a SQLite database`)
  if (error instanceof Error && error.message.startsWith(`\`${file}\``)) return error
  const reason = error instanceof Error ? error.message : String(error)
  return new Error(`Cannot export into \`${file}\`: ${reason}`, { cause: error })
}

/** A function that replaces one plan's rows in one transaction. */
function planWriter(db: Db): (plan: Plan) => { replaced: boolean; rows: Rows } {
  const remove = db.prepare('DELETE FROM plans WHERE key = ?')
  const nextId = new Map(
    TABLES.map((t) => [t.name, db.prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${q(t.name)}`).pluck()]),
  )
  const insert = new Map(TABLES.map((t) => [t.name, db.prepare(insertSql(t))]))
  const transaction = db.transaction((plan: Plan) => {
    // Foreign keys cascade: deleting the plan row deletes every row that points at it.
    const replaced = remove.run(planKey(plan)).changes > 0
    const ids = Object.fromEntries(TABLES.map((t) => [t.name, nextId.get(t.name)?.get()])) as Ids
    const rows = planRows(plan, ids)
    for (const t of TABLES) {
      const statement = insert.get(t.name)
      for (const row of rows[t.name] as Record<string, unknown>[])
        statement?.run(t.columns.map((c) => row[c.name]))
    }
    return { replaced, rows }
  })
  // IMMEDIATE takes the write lock before reading the next ids, so a concurrent writer cannot take them.
  return (plan) => transaction.immediate(plan)
}

function closeCleanly(db: Db): void {
  // Back to one self-contained file, ready to copy or open in any SQLite tool.
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('journal_mode = DELETE')
  db.close()
}

function createTable(table: Table): string {
  return `CREATE TABLE IF NOT EXISTS ${q(table.name)} (\n  ${table.columns.map(columnSql).join(',\n  ')}\n)`
}

function columnSql(c: Column): string {
  const parts = [q(c.name), c.type]
  if (c.primaryKey) parts.push('PRIMARY KEY')
  if (c.notNull) parts.push('NOT NULL')
  if (c.unique) parts.push('UNIQUE')
  if (c.references) parts.push(`REFERENCES ${q(c.references)}(id) ON DELETE CASCADE`)
  return parts.join(' ')
}

function createIndexes(table: Table): string[] {
  // Foreign keys need an index, or every cascading delete scans the child table.
  return table.columns
    .filter((c) => c.references || c.indexed)
    .map(
      (c) => `CREATE INDEX IF NOT EXISTS ${q(`${table.name}_${c.name}`)} ON ${q(table.name)}(${q(c.name)})`,
    )
}

function insertSql(table: Table): string {
  const names = table.columns.map((c) => q(c.name)).join(', ')
  const slots = table.columns.map(() => '?').join(', ')
  return `INSERT INTO ${q(table.name)} (${names}) VALUES (${slots})`
}

// Quoted always: "references" is an SQL keyword.
function q(name: string): string {
  return `"${name}"`
}
