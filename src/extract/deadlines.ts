/** Every dated obligation: what, by when, by whom, to whom. */
import type { Deadline } from '../../schemas/plan.js'
import type { Doc } from '../types.js'
import type { Context } from './context.js'

/** Deadlines from every heading and item of the body. */
export function extractDeadlines(_doc: Doc, _ctx: Context): Deadline[] {
  return []
}
