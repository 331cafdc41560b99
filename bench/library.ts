/**
 * kh as it ships: the library built by `npm run build` (dist/), which bench/run.ts builds first when
 * src/ is newer. Not the sources through tsx, whose transform adds work to the code it runs (a call
 * naming every named closure as it is made: 10% of the deadline and assignment stages).
 */
import type * as Kh from '../src/index.js'

const LIBRARY = new URL('../dist/src/index.js', import.meta.url).href

export async function loadKh(): Promise<typeof Kh> {
  return (await import(LIBRARY)) as typeof Kh
}
