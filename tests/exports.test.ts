import { expect, it } from 'vitest'
import * as kh from '../src/index.js'

it('exports exactly the public API', () => {
  expect(Object.keys(kh).sort()).toEqual([
    'ContractError',
    'PlanSchema',
    'SCHEMA_VERSION',
    'extract',
    'extractFile',
    'validatePlan',
  ])
  expect(kh.SCHEMA_VERSION).toBe('1')
  expect(typeof kh.extract).toBe('function')
  expect(typeof kh.extractFile).toBe('function')
  expect(typeof kh.validatePlan).toBe('function')
  expect(new kh.ContractError('x', [])).toBeInstanceOf(Error)
})
