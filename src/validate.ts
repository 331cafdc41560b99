/** Validation: every plan is checked against the contract before anyone sees it. */
import { type Plan, PlanSchema } from '../schemas/plan.js'

/** Thrown when the extractor produced a plan outside the contract: a bug in kh, reported with the JSON path. */
export class ContractError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message)
    this.name = 'ContractError'
  }
}

/** Parse a plan with the schema; on failure say which JSON path broke the contract. */
export function validatePlan(plan: unknown, file = '<input>'): Plan {
  const result = PlanSchema.safeParse(plan)
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({ path: `$.${i.path.join('.')}`, message: i.message }))
  const first = issues[0]
  throw new ContractError(
    `Output for \`${file}\` breaks the contract at ${first?.path}: ${first?.message} (a bug in kh; please report it)`,
    issues,
  )
}
