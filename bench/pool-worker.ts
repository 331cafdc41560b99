/** One benchmark worker: warm up, say ready, extract (or only parse) its share on "go", report what it did. */
import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { loadKh } from './library.js'
import type { WorkerData } from './pool.js'

const { extract } = await loadKh()

const { warm, files, next, parser } = workerData as WorkerData
const remark = unified().use(remarkParse)

async function extractOne(file: string): Promise<number> {
  const data = readFileSync(file)
  if (parser === 'remark-parse') remark.parse(data.toString('utf8'))
  else await extract(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { path: file })
  return data.byteLength
}

for (const file of warm) await extractOne(file)
parentPort?.once('message', async () => {
  let docs = 0
  let bytes = 0
  // Take files one at a time from the shared counter until none is left.
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
    bytes += await extractOne(files[i] as string)
    docs++
  }
  parentPort?.postMessage({ type: 'done', docs, bytes })
})
parentPort?.postMessage({ type: 'ready' })
