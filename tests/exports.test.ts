import { expect, it } from 'vitest'
import * as kh from '../src/index.js'

it('exports exactly the public API', () => {
  expect(Object.keys(kh).sort()).toEqual([
    'ContractError',
    'PlanDiffSchema',
    'PlanSchema',
    'SCHEMA_VERSION',
    'checkPlan',
    'diffPlans',
    'extract',
    'extractFile',
    'renderHtml',
    'renderText',
    'validatePlan',
  ])
  expect(kh.SCHEMA_VERSION).toBe('1')
  expect(typeof kh.extract).toBe('function')
  expect(typeof kh.extractFile).toBe('function')
  expect(typeof kh.validatePlan).toBe('function')
  expect(new kh.ContractError('x', [])).toBeInstanceOf(Error)
})

it('diffs and checks what it extracts', async () => {
  const text =
    'Số: /KH-UBND\n\nHà Nam, ngày 10 tháng 5 năm 2024\n\nKẾ HOẠCH\n\nVề việc thử\n\nI. MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n\n2. Phát huy vai trò.\n'
  const plan = await kh.extract(text)
  const diff = kh.diffPlans(plan, plan)
  expect(kh.PlanDiffSchema.parse(diff).summary.purposes).toEqual({
    same: 2,
    changed: 0,
    added: 0,
    removed: 0,
  })
  expect(kh.renderText(diff, { color: false })).toContain('Purposes')
  expect(kh.renderHtml(diff)).toMatch(/^<!doctype html>/i)
  expect(kh.checkPlan(plan).map((d) => d.code)).toContain('blank-number')
})
