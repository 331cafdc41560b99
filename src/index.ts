export type * from '../schemas/plan.js'
export { PlanSchema, SCHEMA_VERSION } from '../schemas/plan.js'
export { type ExtractOptions, extract, extractFile } from './pipeline.js'
export { ContractError, validatePlan } from './validate.js'
