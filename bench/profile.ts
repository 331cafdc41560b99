/**
 * A workload to profile: kh extract over generated plans of one format, nothing else.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir bench/results/profile bench/profile.ts --format markdown|text|pdf
 *   npx tsx bench/profile-summary.ts bench/results/profile
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { extract } from '../src/index.js'
import { generateApart } from './generate.js'
import { since } from './stats.js'

const { values } = parseArgs({
  options: {
    format: { type: 'string', default: 'markdown' },
    count: { type: 'string', default: '600' },
    pdfs: { type: 'string', default: '60' },
  },
})
const work = mkdtempSync(join(tmpdir(), 'kh-profile-'))
try {
  const pdf = values.format === 'pdf'
  // Made in a child process, so only extraction is in this profile.
  const corpus = generateApart(
    join(work, 'corpus'),
    pdf ? 0 : Number(values.count),
    pdf ? Number(values.pdfs) : 0,
  )
  const docs = corpus.docs.filter((d) => d.format === values.format).map((d) => readFileSync(d.file))
  for (const bytes of docs.slice(0, 5)) await extract(new Uint8Array(bytes))
  const start = process.hrtime.bigint()
  for (const bytes of docs) await extract(new Uint8Array(bytes))
  const ms = since(start)
  process.stderr.write(
    `${docs.length} ${values.format} plans in ${ms.toFixed(0)} ms (${(ms / docs.length).toFixed(2)} ms each)\n`,
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
