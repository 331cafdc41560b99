/**
 * Write the JSON Schema files in `schemas/` from the zod schemas, the single
 * definition of the output types. Run with `npm run schemas`; the schema test
 * fails when the committed files are stale.
 */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type ZodType, z } from 'zod'
import { PlanSchema } from '../schemas/plan.js'

/** Every generated file, by name inside `schemas/`, with the zod schema it comes from. */
export const SCHEMA_FILES: ReadonlyArray<readonly [string, ZodType]> = [['plan.schema.json', PlanSchema]]

/** Where the generated files live. */
export const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url))

/** The text of one generated file: draft 2020-12, two-space indent, final newline. */
export function renderSchema(schema: ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`
}

async function main(): Promise<void> {
  for (const [name, schema] of SCHEMA_FILES) {
    await writeFile(new URL(name, pathToFileURL(SCHEMA_DIR)), renderSchema(schema))
    console.log(`wrote schemas/${name}`)
  }
}

// Only write when run as a script, so the test can import the renderer without side effects.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
