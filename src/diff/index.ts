/** The diff stage: compare a lower-level plan with its parent, and report it as text, JSON or HTML. */
export type { Category, Counts, Pair, PlanDiff, Status } from '../../schemas/diff.js'
export { CATEGORIES, DIFF_SCHEMA_VERSION, PlanDiffSchema } from '../../schemas/diff.js'
export { DEFAULT_THRESHOLD } from './align.js'
export {
  DIFF_FORMATS,
  type DiffCommandOptions,
  type DiffFormat,
  loadPlan,
  renderDiff,
  runDiffCommand,
} from './command.js'
export { type DiffOptions, diffPlans } from './compare.js'
export { renderHtml } from './report-html.js'
export { renderText, type TextOptions } from './report-text.js'
