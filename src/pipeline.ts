/**
 * The whole pipeline in one place:
 *   ingest → normalize → blocks → sections → extract → refine → validate
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { type Plan, SCHEMA_VERSION, type Warning } from '../schemas/plan.js'
import { extractAppendices } from './extract/appendices.js'
import { extractArticles } from './extract/articles.js'
import { extractAssignments } from './extract/assignments.js'
import { extractAwardForms, extractAwardQuotas } from './extract/awards.js'
import { taskCards } from './extract/cards.js'
import type { Context } from './extract/context.js'
import { extractDeadlines } from './extract/deadlines.js'
import { extractFunding } from './extract/funding.js'
import { extractGroups, extractItems } from './extract/items.js'
import { extractMeta } from './extract/meta.js'
import { extractPhases } from './extract/phases.js'
import { extractReferences } from './extract/references.js'
import { extractTargets } from './extract/targets.js'
import { notAPlan } from './ingest/guards.js'
import { type IngestOptions, ingest, readBlocks } from './ingest/index.js'
import { rejoinBlocks } from './normalize/rejoin.js'
import { splitDocument } from './structure/document.js'
import { buildSections, flatten } from './structure/sections.js'
import type { Doc, Format } from './types.js'
import { validatePlan } from './validate.js'

export interface ExtractOptions {
  /** Shown in messages and written to `source.path`. */
  path?: string
  /** Skip sniffing: "markdown", "text", "pdf" or "docx". */
  format?: Format
}

/** Stages 1–4: the document's text, blocks, regions and section tree. */
export async function parseDocument(input: string | Uint8Array, options: IngestOptions = {}): Promise<Doc> {
  const source = await ingest(input, options)
  const split = readBlocks(source)
  const rejoined = rejoinBlocks(split.blocks)
  const { preamble, body, tail } = splitDocument(rejoined.blocks)
  const tree = buildSections(body)
  return {
    source,
    blocks: rejoined.blocks,
    preamble,
    tail,
    sections: tree.sections,
    flat: flatten(tree.sections),
    warnings: [...source.warnings, ...split.warnings, ...rejoined.warnings, ...tree.warnings],
  }
}

/** Stage 5–6: every fact kind, from the parsed document. */
export function extractFacts(doc: Doc, source: Plan['source']): Plan {
  const warnings: Warning[] = [...doc.warnings]
  const { meta, issuerLevel, locality } = extractMeta(doc, (w) => warnings.push(w))
  const ctx: Context = {
    issuerLevel,
    locality,
    byPath: new Map(doc.flat.map((s) => [s.path, s])),
    warn: (w) => warnings.push(w),
  }
  const appendices = extractAppendices(doc)
  // Appendix task rows, read once for the deadlines and the assignments they give.
  const cards = taskCards(doc, ctx)
  return {
    schemaVersion: SCHEMA_VERSION,
    source,
    meta,
    references: extractReferences(doc, ctx),
    sections: doc.sections,
    purposes: extractItems(doc, 'purposes'),
    requirements: extractItems(doc, 'requirements'),
    objectives: extractItems(doc, 'objectives'),
    targets: extractTargets(doc),
    contents: extractItems(doc, 'contents'),
    criteria: extractGroups(doc, 'criteria', ctx),
    standards: extractGroups(doc, 'standards', ctx),
    awards: { forms: extractAwardForms(doc), quotas: extractAwardQuotas(doc) },
    solutions: extractItems(doc, 'solutions'),
    phases: extractPhases(doc),
    deadlines: extractDeadlines(doc, ctx, cards),
    funding: extractFunding(doc),
    assignments: extractAssignments(doc, ctx, cards),
    articles: extractArticles(doc),
    appendices,
    warnings,
  }
}

/** Extract one plan from its bytes or text; the result is validated against the contract. */
export async function extract(input: string | Uint8Array, options: ExtractOptions = {}): Promise<Plan> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input
  const doc = await parseDocument(input, options)
  const plan = extractFacts(doc, {
    path: options.path ?? null,
    format: doc.source.format,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.byteLength,
    pages: doc.source.pages,
  })
  plan.warnings.push(...notAPlan(plan, doc))
  return validatePlan(plan, options.path)
}

/** Read a file and extract its plan. */
export async function extractFile(file: string, options: Omit<ExtractOptions, 'path'> = {}): Promise<Plan> {
  const bytes = await readFile(file)
  return extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...options, path: file })
}
