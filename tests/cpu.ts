/**
 * Milliseconds of CPU this process spends while `work` runs. Tests bound it to catch runaway work (a
 * pattern backtracking without end, a quadratic loop), far above what the work takes; speed itself is
 * measured by `npm run bench`. CPU time, not the clock: other processes on a loaded machine do not add
 * to it.
 */
export async function cpuMs(work: () => unknown): Promise<number> {
  const before = process.cpuUsage()
  await work()
  const { user, system } = process.cpuUsage(before)
  return (user + system) / 1000
}
