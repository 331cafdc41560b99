/**
 * The output contract, version 1 (see README "Output"): the single source of
 * the types of everything `kh extract` writes. TypeScript types are derived
 * with `z.infer`; `npm run schemas` writes the JSON Schema files beside this one.
 */
import { z } from 'zod'
import { SCHEMA_VERSION } from './version.js'

export { SCHEMA_VERSION }

const line = z.number().int().positive().describe('1-based line in the text the parser saw')
const path = z.string().describe('section path such as "III.1.a"')
const nullableYear = z.number().int().nullable()

export const DateSchema = z
  .object({
    iso: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    year: nullableYear,
    month: z.number().int().min(1).max(12).nullable(),
    day: z.number().int().min(1).max(31).nullable(),
  })
  .meta({ id: 'Date', description: '`iso` only when year, month and day are all known' })

export const LevelSchema = z.enum(['national', 'province', 'district', 'commune']).nullable()

export const AgencySchema = z
  .object({
    name: z.string().describe('as written in the document'),
    canonical: z.string().describe('abbreviations expanded, tone marks in one placement'),
    key: z.string().describe('level-independent ASCII slug of the agency function'),
    level: LevelSchema,
  })
  .meta({ id: 'Agency' })

export const ItemSchema = z
  .object({
    text: z.string(),
    path,
    line,
    endLine: line,
    page: z.number().int().positive().optional(),
  })
  .meta({ id: 'Item' })

export const WarningSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    message: z.string(),
    path: z.string().nullable(),
    line: line.nullable(),
  })
  .meta({ id: 'Warning' })

export const SectionRoleSchema = z
  .enum([
    'purposes',
    'requirements',
    'objectives',
    'contents',
    'criteria',
    'standards',
    'awards',
    'awardForms',
    'awardQuotas',
    'solutions',
    'timeline',
    'funding',
    'implementation',
    'reporting',
  ])
  .nullable()

export const SectionSchema = z
  .object({
    path,
    label: z.string().describe('the numbering label as printed, e.g. "III", "1", "đ"'),
    depth: z.number().int().min(1),
    heading: z.string(),
    role: SectionRoleSchema,
    line,
    endLine: line,
    page: z.number().int().positive().optional(),
    items: z.array(ItemSchema),
    get children(): z.ZodArray<typeof SectionSchema> {
      return z.array(SectionSchema)
    },
  })
  .meta({ id: 'Section' })

export const ReferenceSchema = z
  .object({
    id: z.string().describe('number/symbol as printed, e.g. "1315/QĐ-TTg"'),
    kind: z.string(),
    number: z.string().nullable(),
    symbol: z.string().nullable(),
    date: DateSchema.nullable(),
    issuer: z.string().nullable(),
    title: z.string().nullable(),
    isLegalBasis: z.boolean(),
    occurrences: z.array(z.object({ path: z.string().nullable(), line, page: z.number().int().optional() })),
  })
  .meta({ id: 'Reference' })

export const MetaSchema = z
  .object({
    kind: z.string().describe('document kind from the symbol: KH, QĐ, ...'),
    number: z.string().nullable(),
    symbol: z.string().nullable(),
    issuer: z.object({ name: z.string().nullable(), level: LevelSchema, locality: z.string().nullable() }),
    place: z.string().nullable(),
    date: DateSchema,
    title: z.string(),
    attachedTitle: z.string().nullable().optional(),
    campaign: z.object({ name: z.string(), startYear: nullableYear, endYear: nullableYear }).nullable(),
    signer: z
      .object({
        name: z.string().nullable(),
        title: z.string().nullable(),
        authority: z.string().nullable(),
        onBehalfOf: z.string().nullable(),
      })
      .nullable(),
    recipients: z.array(z.string()),
  })
  .meta({ id: 'Meta' })

export const TargetSchema = z
  .object({
    text: z.string(),
    value: z.number(),
    unit: z.string(),
    year: nullableYear,
    path,
    line,
  })
  .meta({ id: 'Target' })

export const CrossRefSchema = z
  .object({ text: z.string(), paths: z.array(z.string()) })
  .meta({ id: 'CrossRef' })

export const GroupSchema = z
  .object({
    path,
    label: z.string(),
    target: z.string(),
    items: z.array(ItemSchema),
    crossRefs: z.array(CrossRefSchema),
  })
  .meta({ id: 'Group' })

export const OccasionSchema = z.enum(['annual', 'interim', 'final'])

export const AwardFormSchema = z
  .object({ name: z.string(), occasions: z.array(OccasionSchema), path, line })
  .meta({ id: 'AwardForm' })

export const AwardQuotaSchema = z
  .object({
    award: z.string(),
    occasion: OccasionSchema.nullable(),
    year: nullableYear,
    collectives: z.number().nullable(),
    individuals: z.number().nullable(),
    households: z.number().nullable(),
    per: z.string().nullable(),
    max: z.boolean(),
    percent: z.object({ collectives: z.number().nullable(), individuals: z.number().nullable() }).nullable(),
    text: z.string(),
    path,
    line,
  })
  .meta({ id: 'AwardQuota' })

export const PhaseSchema = z
  .object({ label: z.string(), startYear: nullableYear, endYear: nullableYear, text: z.string(), path, line })
  .meta({ id: 'Phase' })

export const DueSchema = z.object({
  kind: z.enum(['date', 'yearly', 'monthly', 'month', 'quarter', 'year']),
  year: nullableYear,
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
  quarter: z.number().int().min(1).max(4).nullable(),
})

export const DeadlineSchema = z
  .object({
    text: z.string(),
    action: z.string(),
    due: DueSchema,
    relation: z.enum(['before', 'by', 'on', 'in']),
    actors: z.array(AgencySchema),
    recipients: z.array(AgencySchema),
    path: z.string().nullable(),
    line,
    page: z.number().int().positive().optional(),
  })
  .meta({ id: 'Deadline' })

export const FundingSchema = z
  .object({ sources: z.array(z.string()), text: z.string(), path: z.string().nullable() })
  .meta({ id: 'Funding' })

export const TaskSchema = z
  .object({
    text: z.string(),
    role: z.enum(['lead', 'coordinate', 'other']),
    partners: z.array(AgencySchema),
    line,
  })
  .meta({ id: 'Task' })

export const AssignmentSchema = z
  .object({
    agencies: z.array(AgencySchema),
    requested: z.boolean(),
    tasks: z.array(TaskSchema),
    path,
    line,
  })
  .meta({ id: 'Assignment' })

export const ArticleSchema = z.object({ label: z.string(), text: z.string(), line }).meta({ id: 'Article' })

export const AppendixSchema = z
  .object({
    label: z.string(),
    title: z.string(),
    line,
    rows: z.array(z.object({ cells: z.array(z.string()), line })),
  })
  .meta({ id: 'Appendix' })

export const SourceSchema = z.object({
  path: z.string().nullable(),
  format: z.enum(['markdown', 'text', 'pdf', 'docx']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().positive().nullable(),
})

export const PlanSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: SourceSchema,
    meta: MetaSchema,
    references: z.array(ReferenceSchema),
    sections: z.array(SectionSchema),
    purposes: z.array(ItemSchema),
    requirements: z.array(ItemSchema),
    objectives: z.array(ItemSchema),
    targets: z.array(TargetSchema),
    contents: z.array(ItemSchema),
    criteria: z.array(GroupSchema),
    standards: z.array(GroupSchema),
    awards: z.object({ forms: z.array(AwardFormSchema), quotas: z.array(AwardQuotaSchema) }),
    solutions: z.array(ItemSchema),
    phases: z.array(PhaseSchema),
    deadlines: z.array(DeadlineSchema),
    funding: FundingSchema,
    assignments: z.array(AssignmentSchema),
    articles: z.array(ArticleSchema),
    appendices: z.array(AppendixSchema),
    warnings: z.array(WarningSchema),
  })
  .meta({ id: 'Plan', title: 'kh plan, contract version 1' })

export type Plan = z.infer<typeof PlanSchema>
export type PlanDate = z.infer<typeof DateSchema>
export type Level = z.infer<typeof LevelSchema>
export type Agency = z.infer<typeof AgencySchema>
export type Item = z.infer<typeof ItemSchema>
export type Warning = z.infer<typeof WarningSchema>
export type SectionRole = z.infer<typeof SectionRoleSchema>
export type Section = z.infer<typeof SectionSchema>
export type Reference = z.infer<typeof ReferenceSchema>
export type Meta = z.infer<typeof MetaSchema>
export type Target = z.infer<typeof TargetSchema>
export type CrossRef = z.infer<typeof CrossRefSchema>
export type Group = z.infer<typeof GroupSchema>
export type Occasion = z.infer<typeof OccasionSchema>
export type AwardForm = z.infer<typeof AwardFormSchema>
export type AwardQuota = z.infer<typeof AwardQuotaSchema>
export type Phase = z.infer<typeof PhaseSchema>
export type Due = z.infer<typeof DueSchema>
export type Deadline = z.infer<typeof DeadlineSchema>
export type Funding = z.infer<typeof FundingSchema>
export type Task = z.infer<typeof TaskSchema>
export type Assignment = z.infer<typeof AssignmentSchema>
export type Article = z.infer<typeof ArticleSchema>
export type Appendix = z.infer<typeof AppendixSchema>
export type Source = z.infer<typeof SourceSchema>
