/**
 * Golden outputs: every document in corpus/ against tests/golden/<name>.json.
 * `UPDATE=1 npm test` rewrites them; read the diff before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, parse } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFile } from '../src/index.js'

const CORPUS = 'corpus'
const GOLDEN = join('tests', 'golden')
const documents = readdirSync(CORPUS).filter((f) => !/^README/i.test(f))

describe('golden outputs of the corpus', () => {
  it('has documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(2)
  })

  for (const file of documents) {
    it(file, async () => {
      const plan = await extractFile(join(CORPUS, file))
      const expectedPath = join(GOLDEN, `${parse(file).name}.json`)
      const actual = `${JSON.stringify(plan, null, 2)}\n`
      if (process.env.UPDATE || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, actual)
        if (!process.env.UPDATE)
          throw new Error(`wrote missing golden file ${expectedPath}; read it, then re-run`)
        return
      }
      expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')))
    })
  }
})
