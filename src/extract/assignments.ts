/** Who does what: one assignment per clause of the implementation section that names agencies. */
import type { Assignment } from '../../schemas/plan.js'
import type { Doc } from '../types.js'
import type { Context } from './context.js'

/** Assignments from the implementation part. */
export function extractAssignments(_doc: Doc, _ctx: Context): Assignment[] {
  return []
}
