import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderSchema, SCHEMA_DIR, SCHEMA_FILES } from '../scripts/gen-schemas.js'

describe('JSON Schema files', () => {
  for (const [name, schema] of SCHEMA_FILES) {
    it(`schemas/${name} matches the zod schema`, () => {
      const file = join(SCHEMA_DIR, name)
      const committed = existsSync(file) ? readFileSync(file, 'utf8') : '(missing)'
      expect(committed, `schemas/${name} is stale: run \`npm run schemas\` and commit the result`).toBe(
        renderSchema(schema),
      )
    })
  }

  it('describes the plan with its parts as named definitions', () => {
    const plan = JSON.parse(readFileSync(join(SCHEMA_DIR, 'plan.schema.json'), 'utf8'))
    expect(plan.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(plan.$ref).toBe('#/$defs/Plan')
    expect(Object.keys(plan.$defs)).toEqual(
      expect.arrayContaining(['Plan', 'Meta', 'Section', 'Item', 'Warning']),
    )
  })
})
