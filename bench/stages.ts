/**
 * Where kh's own time goes, stage by stage, on generated plans of one format.
 *
 *   npx tsx bench/stages.ts <dir of plans> [--rounds 3]
 *
 * Prints the milliseconds per plan of ingest, blocks, rejoin, split, sections, each extractor
 * and validation, best of the rounds; bare remark-parse of the same files for scale. Times are
 * CPU time of the process (`process.cpuUsage`), which other load on the machine does not inflate.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { PlanSchema } from '../schemas/plan.js'
import { extractAppendices } from '../src/extract/appendices.js'
import { extractArticles } from '../src/extract/articles.js'
import { extractAssignments } from '../src/extract/assignments.js'
import { extractAwardForms, extractAwardQuotas } from '../src/extract/awards.js'
import type { Context } from '../src/extract/context.js'
import { extractDeadlines } from '../src/extract/deadlines.js'
import { extractFunding } from '../src/extract/funding.js'
import { extractGroups, extractItems } from '../src/extract/items.js'
import { extractMeta } from '../src/extract/meta.js'
import { extractPhases } from '../src/extract/phases.js'
import { extractReferences } from '../src/extract/references.js'
import { extractTargets } from '../src/extract/targets.js'
import { notAPlan } from '../src/ingest/guards.js'
import { ingest, readBlocks } from '../src/ingest/index.js'
import { rejoinBlocks } from '../src/normalize/rejoin.js'
import { extractFacts } from '../src/pipeline.js'
import { splitDocument } from '../src/structure/document.js'
import { buildSections, flatten } from '../src/structure/sections.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' } },
})
const dir = positionals[0] ?? 'corpus'
const files = readdirSync(dir).map((f) => join(dir, f))
const inputs = files.map((f) => new Uint8Array(readFileSync(f)))

const best = new Map<string, number>()
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
function stage<T>(name: string, times: Map<string, number>, run: () => T): T {
  const start = cpuMs()
  const value = run()
  times.set(name, (times.get(name) ?? 0) + cpuMs() - start)
  return value
}

for (let round = 0; round < Number(values.rounds); round++) {
  const times = new Map<string, number>()
  for (const input of inputs) {
    const t0 = cpuMs()
    const source = await ingest(input, {})
    times.set('ingest', (times.get('ingest') ?? 0) + cpuMs() - t0)
    const split = stage('blocks', times, () => readBlocks(source))
    const rejoined = stage('rejoin', times, () => rejoinBlocks(split.blocks))
    const parts = stage('split', times, () => splitDocument(rejoined.blocks))
    const tree = stage('sections', times, () => buildSections(parts.body))
    const flat = stage('flatten', times, () => flatten(tree.sections))
    const doc = { source, blocks: rejoined.blocks, ...parts, sections: tree.sections, flat, warnings: [] }
    const warn = () => {}
    const m = stage('meta', times, () => extractMeta(doc, warn))
    const ctx: Context = {
      issuerLevel: m.issuerLevel,
      locality: m.locality,
      byPath: new Map(flat.map((s) => [s.path, s])),
      warn,
    }
    stage('appendices', times, () => extractAppendices(doc))
    stage('references', times, () => extractReferences(doc, ctx))
    stage('items', times, () => {
      for (const k of ['purposes', 'requirements', 'objectives', 'contents', 'solutions'] as const)
        extractItems(doc, k)
    })
    stage('targets', times, () => extractTargets(doc))
    stage('groups', times, () => {
      extractGroups(doc, 'criteria', ctx)
      extractGroups(doc, 'standards', ctx)
    })
    stage('awards', times, () => [extractAwardForms(doc), extractAwardQuotas(doc)])
    stage('phases', times, () => extractPhases(doc))
    stage('deadlines', times, () => extractDeadlines(doc, ctx))
    stage('funding', times, () => extractFunding(doc))
    stage('assignments', times, () => extractAssignments(doc, ctx))
    stage('articles', times, () => extractArticles(doc))
    const plan = extractFacts(doc, {
      path: null,
      format: source.format,
      sha256: '',
      bytes: input.byteLength,
      pages: null,
    })
    stage('notAPlan', times, () => notAPlan(plan, doc))
    stage('validate', times, () => PlanSchema.safeParse(plan))
    stage('stringify', times, () => JSON.stringify(plan))
  }
  const parser = unified().use(remarkParse)
  const t0 = cpuMs()
  for (const input of inputs) parser.parse(Buffer.from(input).toString('utf8'))
  times.set('(bare remark-parse)', cpuMs() - t0)
  for (const [k, v] of times) best.set(k, Math.min(best.get(k) ?? Number.POSITIVE_INFINITY, v))
}
const remark = best.get('(bare remark-parse)') ?? 1
let own = 0
for (const [k, v] of best) {
  if (!k.startsWith('(') && k !== 'ingest' && k !== 'stringify') own += v
  process.stdout.write(
    `${k.padEnd(22)} ${(v / inputs.length).toFixed(3).padStart(8)} ms  ${(v / remark).toFixed(3)}x\n`,
  )
}
process.stdout.write(
  `${'own (after ingest)'.padEnd(22)} ${(own / inputs.length).toFixed(3).padStart(8)} ms  ${(own / remark).toFixed(3)}x\n`,
)
