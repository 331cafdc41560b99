/**
 * Optimal one-to-one assignment (the Hungarian algorithm, Kuhn–Munkres with potentials).
 *
 * Greedy pairing takes the first good-enough match and can steal an item's
 * true counterpart; this finds the pairing with the largest total weight in
 * O(n² m) for an n × m matrix (n ≤ m), a few milliseconds for hundreds of items.
 */

/** A row index paired with a column index. */
export type Match = readonly [row: number, col: number]

/** Row-to-column pairs of maximum total weight; every row is paired when rows ≤ columns. */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): Match[] {
  const rows = weights.length
  const cols = weights[0]?.length ?? 0
  if (rows === 0 || cols === 0) return []
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, j) => weights.map((row) => row[j] ?? 0))
    return maxWeightAssignment(transposed).map(([j, i]) => [i, j] as const)
  }
  // Minimizing the negated weights maximizes the weights; a flat array keeps the inner loop tight.
  const cost = new Float64Array(rows * cols)
  weights.forEach((row, i) => {
    for (let j = 0; j < cols; j++) cost[i * cols + j] = -(row[j] ?? 0)
  })
  return minCostAssignment(rows, cols, cost)
}

/**
 * Pairs of weight at least `threshold`, chosen to maximize the total weight.
 * Weights under the threshold count as zero, so dropping those pairs afterwards
 * leaves the total of the kept ones optimal.
 */
export function assignAbove(weights: readonly (readonly number[])[], threshold: number): Match[] {
  const clipped = weights.map((row) => row.map((w) => (w >= threshold ? w : 0)))
  return maxWeightAssignment(clipped)
    .filter(([i, j]) => (weights[i]?.[j] ?? 0) >= threshold && (weights[i]?.[j] ?? 0) > 0)
    .sort((a, b) => a[0] - b[0])
}

// The classic shortest-augmenting-path formulation with row and column potentials,
// 1-based internally with column 0 as the virtual start, for rows ≤ cols.
function minCostAssignment(rows: number, cols: number, cost: Float64Array): Match[] {
  const u = new Float64Array(rows + 1)
  const v = new Float64Array(cols + 1)
  const rowOfCol = new Int32Array(cols + 1)
  const way = new Int32Array(cols + 1)
  for (let i = 1; i <= rows; i++) {
    rowOfCol[0] = i
    let j0 = 0
    const minv = new Float64Array(cols + 1).fill(Number.POSITIVE_INFINITY)
    const used = new Uint8Array(cols + 1)
    do {
      used[j0] = 1
      const i0 = rowOfCol[j0] as number
      let delta = Number.POSITIVE_INFINITY
      let j1 = 0
      const base = (i0 - 1) * cols - 1
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue
        const reduced = (cost[base + j] as number) - (u[i0] as number) - (v[j] as number)
        if (reduced < (minv[j] as number)) {
          minv[j] = reduced
          way[j] = j0
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number
          j1 = j
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          const r = rowOfCol[j] as number
          u[r] = (u[r] as number) + delta
          v[j] = (v[j] as number) - delta
        } else minv[j] = (minv[j] as number) - delta
      }
      j0 = j1
    } while (rowOfCol[j0] !== 0)
    // Flip the augmenting path back to the start.
    do {
      const j1 = way[j0] as number
      rowOfCol[j0] = rowOfCol[j1] as number
      j0 = j1
    } while (j0 !== 0)
  }
  const matches: Match[] = []
  for (let j = 1; j <= cols; j++) if (rowOfCol[j]) matches.push([(rowOfCol[j] as number) - 1, j - 1])
  return matches.sort((a, b) => a[0] - b[0])
}
