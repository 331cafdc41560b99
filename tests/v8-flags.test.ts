import { describe, expect, it } from 'vitest'
import { mayChangeV8Flags } from '../src/cli/v8-flags.js'

describe('mayChangeV8Flags', () => {
  it.each([
    [[], ''],
    [['--max-old-space-size=4096'], ''],
    [['--require', './preload.cjs'], '--enable-source-maps'],
    [['--importance'], ''],
  ])('allows a change when Node runs no module loader: %j, NODE_OPTIONS %j', (execArgv, nodeOptions) => {
    expect(mayChangeV8Flags(execArgv, nodeOptions)).toBe(true)
  })

  it.each([
    [['--import', 'file:///x/tsx/dist/loader.mjs'], ''],
    [['--import=tsx'], ''],
    [['--loader', './hooks.mjs'], ''],
    [['--experimental-loader=./hooks.mjs'], ''],
    [[], '--enable-source-maps --import=tsx'],
  ])(
    'forbids it when a loader may run hooks on a thread of its own: %j, NODE_OPTIONS %j',
    (execArgv, nodeOptions) => {
      expect(mayChangeV8Flags(execArgv, nodeOptions)).toBe(false)
    },
  )
})
