import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { cpuMs } from './cpu.js'

describe('cpuMs', () => {
  it('counts the CPU that work spends, and not time spent waiting', async () => {
    let sum = 0
    const busy = await cpuMs(() => {
      for (let i = 0; i < 3e7; i++) sum += i % 7
    })
    expect(sum).toBeGreaterThan(0)
    expect(busy).toBeGreaterThan(5)
    // Waiting 200 ms costs next to no CPU, however loaded the machine.
    expect(await cpuMs(() => sleep(200))).toBeLessThan(Math.min(busy, 50))
  })
})
