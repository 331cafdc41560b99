/**
 * The diff contract, version 1 (contract.md, "The diff"): what `kh diff <child> <parent>` writes.
 * The single source of the diff types; TypeScript types are derived with `z.infer`.
 */
import { z } from 'zod'
import { LevelSchema } from './plan.js'

export const DIFF_SCHEMA_VERSION = '1' as const

/** Every compared category, in report order. */
export const CATEGORIES = [
  'sections',
  'purposes',
  'requirements',
  'objectives',
  'targets',
  'contents',
  'criteria',
  'standards',
  'awardForms',
  'awardQuotas',
  'solutions',
  'phases',
  'deadlines',
  'assignments',
  'references',
] as const

export const CategorySchema = z.enum(CATEGORIES)

export const StatusSchema = z
  .enum(['same', 'changed', 'added', 'removed'])
  .describe('added: in the child only; removed: in the parent only (what the lower level dropped)')

export const SideSchema = z
  .object({
    path: z.string().nullable().describe('section path in that plan, e.g. "III.1.đ"'),
    text: z.string(),
    line: z.number().int().positive().nullable().describe('1-based line in that plan’s source text'),
  })
  .meta({ id: 'DiffSide' })

export const PairSchema = z
  .object({
    status: StatusSchema,
    parent: SideSchema.nullable(),
    child: SideSchema.nullable(),
    similarity: z
      .number()
      .min(0)
      .max(1)
      .describe(
        'of the pair; for added and removed items, the best score against any item of the other plan',
      ),
    changes: z.array(z.string()).optional().describe('what differs, parent → child; only for changed pairs'),
  })
  .meta({ id: 'Pair' })

export const CountsSchema = z
  .object({
    same: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    added: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
  })
  .meta({ id: 'Counts' })

export const PlanRefSchema = z
  .object({
    path: z.string().nullable().describe('the source file'),
    issuer: z.string().nullable(),
    level: LevelSchema,
    id: z.string().nullable().describe('number/symbol such as "108/KH-UBND"; null when the number is blank'),
    title: z.string(),
  })
  .meta({ id: 'PlanRef' })

export const LevelRelationSchema = z
  .object({
    relation: z
      .enum(['below', 'same', 'above', 'unknown'])
      .describe('the child issuer’s level against the parent issuer’s'),
    steps: z
      .number()
      .int()
      .nullable()
      .describe('levels between them: 1 for a district plan under a province plan'),
    text: z.string(),
  })
  .meta({ id: 'LevelRelation' })

export const CitationSchema = z
  .object({
    cited: z
      .boolean()
      .describe('the child names the parent among its legal bases (Căn cứ ..., Tiếp theo ...)'),
    by: z
      .enum(['number', 'issuer-title'])
      .describe(
        'number: the parent’s number/symbol; issuer-title: its issuer and title, when its number is blank',
      ),
    reference: z.string().nullable().describe('id of the child reference that cites the parent'),
    line: z.number().int().positive().nullable(),
    legalBases: z.array(z.string()).describe('ids of every legal basis the child cites'),
  })
  .meta({ id: 'Citation' })

const pairs = z.array(PairSchema)

export const PlanDiffSchema = z
  .object({
    schemaVersion: z.literal(DIFF_SCHEMA_VERSION),
    child: PlanRefSchema,
    parent: PlanRefSchema,
    levels: LevelRelationSchema,
    citation: CitationSchema,
    threshold: z.number().min(0).max(1).describe('items less similar than this are never paired'),
    summary: z.record(CategorySchema, CountsSchema),
    sections: pairs,
    purposes: pairs,
    requirements: pairs,
    objectives: pairs,
    targets: pairs,
    contents: pairs,
    criteria: pairs,
    standards: pairs,
    awardForms: pairs,
    awardQuotas: pairs,
    solutions: pairs,
    phases: pairs,
    deadlines: pairs,
    assignments: pairs,
    references: pairs,
  })
  .meta({ id: 'PlanDiff', title: 'kh diff, contract version 1' })

export type Category = z.infer<typeof CategorySchema>
export type Status = z.infer<typeof StatusSchema>
export type DiffSide = z.infer<typeof SideSchema>
export type Pair = z.infer<typeof PairSchema>
export type Counts = z.infer<typeof CountsSchema>
export type PlanRef = z.infer<typeof PlanRefSchema>
export type LevelRelation = z.infer<typeof LevelRelationSchema>
export type Citation = z.infer<typeof CitationSchema>
export type PlanDiff = z.infer<typeof PlanDiffSchema>
