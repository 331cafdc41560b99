import { describe, expect, it } from 'vitest'
import { threadCount } from '../src/cli/extract-command.js'

describe('threadCount: how many extraction threads a batch gets', () => {
  it('gives a large batch a thread a core', () => {
    expect(threadCount(500, undefined, 2)).toBe(2)
    expect(threadCount(5_000, undefined, 8)).toBe(8)
  })

  it('leaves a core free for a batch too small to pay for a thread on every core', () => {
    expect(threadCount(200, undefined, 2)).toBe(1)
    expect(threadCount(499, undefined, 2)).toBe(1)
    expect(threadCount(200, undefined, 8)).toBe(7)
  })

  it('never starts more than one thread for every 8 files, and always one', () => {
    expect(threadCount(9, undefined, 8)).toBe(2)
    expect(threadCount(1, undefined, 8)).toBe(1)
    expect(threadCount(1, undefined, 1)).toBe(1)
    expect(threadCount(0, undefined, 4)).toBe(1)
    expect(threadCount(17, 4, 8)).toBe(3)
  })

  it('starts the threads -j asks for, even more than the cores, when the batch has the files', () => {
    expect(threadCount(200, 2, 2)).toBe(2)
    expect(threadCount(200, 1, 8)).toBe(1)
    expect(threadCount(1_000, 16, 2)).toBe(16)
  })
})
