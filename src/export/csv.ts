/**
 * Plans → one CSV file per table (see schema.ts), for spreadsheets:
 * UTF-8 with a BOM (without it Excel reads Vietnamese as Windows-1252),
 * RFC 4180 quoting and CRLF line ends. Each export replaces the folder's files
 * as a whole: files are written beside the old ones and renamed over them at the end.
 */
import { once } from 'node:events'
import type { WriteStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Plan } from '../../schemas/plan.js'
import { tempBeside } from '../temp.js'
import { firstIds, idsAfter, planRows } from './rows.js'
import { type Column, type ExportTable, TABLES, type Table, type Value } from './schema.js'
import { countRows, type ExportSummary, emptySummary, firstOfEachKey } from './summary.js'

const BOM = '\uFEFF'
const EOL = '\r\n'
// A cell starting like this is run as a formula by spreadsheets (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/

/** Write plans as `<dir>/<table>.csv`, one file per table, replacing the files of an earlier export. */
export async function exportCsv(
  plans: Iterable<Plan> | AsyncIterable<Plan>,
  dir: string,
): Promise<ExportSummary> {
  await mkdir(dir, { recursive: true })
  const files: TableFile[] = []
  try {
    for (const table of TABLES) files.push(await openTableFile(dir, table))
    for (const f of files) await f.sink.write(`${BOM}${csvLine(f.table.columns.map((c) => c.name))}`)
    const summary = emptySummary(dir)
    let ids = firstIds()
    for await (const plan of firstOfEachKey(plans, summary)) {
      const rows = planRows(plan, ids)
      ids = idsAfter(ids, rows)
      for (const f of files) {
        const lines = (rows[f.table.name] as Record<string, Value>[]).map((row) => csvRow(f.table, row))
        if (lines.length > 0) await f.sink.write(lines.join(''))
      }
      countRows(summary, rows)
    }
    for (const f of files) await f.sink.end()
    for (const f of files) await rename(f.temp, f.final)
    return summary
  } catch (error) {
    for (const f of files) f.sink.destroy()
    await Promise.all(files.map((f) => rm(f.temp, { force: true })))
    throw error
  }
}

/** One CSV field, quoted when it holds a quote, comma or line break (RFC 4180). */
export function csvField(value: Value, column?: Pick<Column, 'type'>): string {
  if (value === null) return ''
  let text = String(value)
  // An apostrophe makes the spreadsheet show text instead of running it; numbers are left alone.
  if (column?.type === 'TEXT' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV record, CRLF-terminated. */
export function csvLine(fields: string[]): string {
  return `${fields.map((f) => csvField(f)).join(',')}${EOL}`
}

function csvRow(table: Table, row: Record<string, Value>): string {
  return `${table.columns.map((c) => csvField(row[c.name] ?? null, c)).join(',')}${EOL}`
}

interface TableFile {
  table: ExportTable
  temp: string
  final: string
  sink: Sink
}

async function openTableFile(dir: string, table: ExportTable): Promise<TableFile> {
  // Dot-named, so a half-written file is hidden from listings and from the next export's glob.
  const temp = tempBeside(join(dir, `${table.name}.csv`), { hidden: true })
  const handle = await open(temp, 'wx')
  return { table, temp, final: join(dir, `${table.name}.csv`), sink: new Sink(handle.createWriteStream()) }
}

/** A write stream whose errors reach the next write instead of crashing the process as unhandled events. */
class Sink {
  private error: unknown = null

  constructor(private readonly stream: WriteStream) {
    stream.on('error', (error) => {
      this.error ??= error
    })
  }

  async write(chunk: string): Promise<void> {
    if (this.error) throw this.error
    // Wait for the disk when the buffer is full, so memory stays flat however many plans stream through.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain')
  }

  async end(): Promise<void> {
    if (this.error) throw this.error
    this.stream.end()
    await once(this.stream, 'finish')
  }

  destroy(): void {
    this.stream.destroy()
  }
}
