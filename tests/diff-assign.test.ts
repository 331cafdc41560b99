import { describe, expect, it } from 'vitest'
import { assignAbove, type Match, maxWeightAssignment } from '../src/diff/assign.js'
import { cpuMs } from './cpu.js'

const total = (w: number[][], matches: Match[]) => matches.reduce((s, [i, j]) => s + (w[i]?.[j] ?? 0), 0)

// Every one-to-one pairing of the smaller side into the larger, for checking against.
function bruteForceBest(w: number[][]): number {
  const rows = w.length
  const cols = w[0]?.length ?? 0
  let best = 0
  const used = new Array<boolean>(cols).fill(false)
  const walk = (i: number, sum: number): void => {
    if (i === rows) {
      best = Math.max(best, sum)
      return
    }
    walk(i + 1, sum) // row i left unpaired
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue
      used[j] = true
      walk(i + 1, sum + (w[i]?.[j] ?? 0))
      used[j] = false
    }
  }
  walk(0, 0)
  return best
}

describe('maxWeightAssignment (Hungarian algorithm)', () => {
  it('beats first-come greedy pairing', () => {
    // Greedy takes 0↔0 (0.9) and is left with 1↔1 (0.1); the best is 0↔1 + 1↔0 = 1.65.
    const w = [
      [0.9, 0.8],
      [0.85, 0.1],
    ]
    expect(maxWeightAssignment(w)).toEqual([
      [0, 1],
      [1, 0],
    ])
  })

  it('pairs every row of a wide matrix and every column of a tall one', () => {
    const wide = [[0.1, 0.9, 0.2]]
    expect(maxWeightAssignment(wide)).toEqual([[0, 1]])
    const tall = [[0.1], [0.9], [0.2]]
    expect(maxWeightAssignment(tall)).toEqual([[1, 0]])
  })

  it('returns nothing for an empty side', () => {
    expect(maxWeightAssignment([])).toEqual([])
    expect(maxWeightAssignment([[], []])).toEqual([])
  })

  it('finds the optimum of random matrices up to 6 × 7, as brute force does', () => {
    let seed = 42
    const random = () => {
      seed = (seed * 16807) % 2147483647
      return seed / 2147483647
    }
    for (let n = 0; n < 200; n++) {
      const rows = 1 + Math.floor(random() * 6)
      const cols = 1 + Math.floor(random() * 7)
      const w = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => Math.round(random() * 100) / 100),
      )
      const matches = maxWeightAssignment(w)
      expect(new Set(matches.map(([i]) => i)).size).toBe(matches.length)
      expect(new Set(matches.map(([, j]) => j)).size).toBe(matches.length)
      expect(total(w, matches)).toBeCloseTo(bruteForceBest(w), 9)
    }
  })

  it('solves 400 × 400 without runaway work', async () => {
    const w = Array.from({ length: 400 }, (_, i) =>
      Array.from({ length: 400 }, (_, j) => ((i * 31 + j * 17) % 97) / 97),
    )
    let size = 0
    const ms = await cpuMs(() => {
      size = maxWeightAssignment(w).length
    })
    expect(size).toBe(400)
    expect(ms).toBeLessThan(1000)
  })
})

describe('assignAbove', () => {
  it('keeps only pairs at or above the threshold', () => {
    const w = [
      [0.95, 0.1],
      [0.2, 0.3],
    ]
    expect(assignAbove(w, 0.4)).toEqual([[0, 0]])
    expect(assignAbove(w, 0.3)).toEqual([
      [0, 0],
      [1, 1],
    ])
  })

  it('does not let an under-threshold pair steal a good one', () => {
    // Unclipped, 0↔1 + 1↔0 (0.6 + 0.6 = 1.2) beats 0↔0 (0.9); but 0.6 is no match at threshold 0.7.
    const w = [
      [0.9, 0.6],
      [0.6, 0],
    ]
    expect(assignAbove(w, 0.7)).toEqual([[0, 0]])
  })
})
