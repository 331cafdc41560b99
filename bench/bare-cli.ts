/**
 * The yardstick for the command's scaling with -j: `kh extract`'s shape (one process; files read on
 * the main thread, parsed on piscina threads with the heap kh gives its own, the result moved back as
 * UTF-8 JSON and written atomically), with bare remark-parse in place of kh's extraction. How much -j
 * speeds this up on a machine is the most the command could gain there; bench/cli.ts builds and runs it.
 *
 *   node dist/bench/bare-cli.js OUT_DIR JOBS FILE...
 */
import { mkdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import pLimit from 'p-limit'
import { Piscina } from 'piscina'
import { READ_AHEAD } from '../src/cli/extract-command.js'
import { transferable, YOUNG_GENERATION_MB } from '../src/cli/extract-pool.js'
import { writeFileAtomic } from '../src/cli/write.js'
import type { BareResult } from './bare-cli-worker.js'

const [outDir, jobsArg, ...files] = process.argv.slice(2)
const jobs = Number(jobsArg)
if (!outDir || !(jobs >= 1) || files.length === 0) {
  process.stderr.write('usage: bare-cli OUT_DIR JOBS FILE...\n')
  process.exit(2)
}
const pool = new Piscina<Uint8Array, BareResult>({
  filename: new URL('./bare-cli-worker.js', import.meta.url).href,
  minThreads: jobs,
  maxThreads: jobs,
  idleTimeout: Number.POSITIVE_INFINITY,
  resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
})
await mkdir(outDir, { recursive: true })
try {
  await pLimit(Math.max(READ_AHEAD, 2 * jobs)).map(files, async (file) => {
    const read = await readFile(file)
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength)
    const { json } = await pool.run(bytes, { transferList: transferable(bytes) })
    await writeFileAtomic(join(outDir, `${basename(file)}.json`), json)
  })
  process.stderr.write(`${files.length} files parsed with bare remark-parse on ${jobs} thread(s)\n`)
} finally {
  await pool.destroy()
}
