/** Outputs for other tools: SQLite and CSV exports of extracted plans. */
export { csvField, exportCsv } from './csv.js'
export { type LoadedPlan, type LoadOptions, loadPlans, PLAN_FILE_PATTERNS, PlanFileError } from './load.js'
export { EXAMPLE_QUERIES, type ExampleQuery, exampleQuery } from './queries.js'
export { firstIds, type Ids, planKey, planRows } from './rows.js'
export {
  type Column,
  type ColumnName,
  EXPORT_SCHEMA_VERSION,
  type ExportTable,
  type Row,
  type Rows,
  TABLES,
  type Table,
  type TableName,
} from './schema.js'
export { exportSqlite, schemaSql } from './sqlite.js'
export type { ExportSummary } from './summary.js'
