/** What an export did, for the command's summary line. */
import type { Plan } from '../../schemas/plan.js'
import { planKey } from './rows.js'
import type { Rows, TableName } from './schema.js'
import { TABLES } from './schema.js'

export interface ExportSummary {
  /** Where the export went: the database file or the CSV folder. */
  target: string
  /** Plans written. */
  plans: number
  /** Of those, plans that replaced rows of an earlier export with the same key. */
  replaced: number
  /** Plans left out because an earlier plan of the same run had the same key. */
  duplicates: number
  /** Rows written, per table. */
  rows: Record<TableName, number>
}

/** A summary of nothing written yet. */
export function emptySummary(target: string): ExportSummary {
  const rows = Object.fromEntries(TABLES.map((t) => [t.name, 0])) as Record<TableName, number>
  return { target, plans: 0, replaced: 0, duplicates: 0, rows }
}

/** Count one plan's rows into the summary. */
export function countRows(summary: ExportSummary, rows: Rows): void {
  for (const t of TABLES) summary.rows[t.name] += rows[t.name].length
  summary.plans++
}

/**
 * The plans whose key this run has not seen yet; the others are counted as duplicates.
 * The first plan of a key wins in both exports, because the CSV one cannot take streamed rows back.
 */
export async function* firstOfEachKey(
  plans: Iterable<Plan> | AsyncIterable<Plan>,
  summary: ExportSummary,
): AsyncGenerator<Plan> {
  const seen = new Set<string>()
  for await (const plan of plans) {
    const key = planKey(plan)
    if (seen.has(key)) {
      summary.duplicates++
      continue
    }
    seen.add(key)
    yield plan
  }
}
