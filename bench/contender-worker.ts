/**
 * One contender of the in-process race in a thread of its own: its own V8 heap, so the garbage one
 * parser leaves is never collected on another's clock. Told a batch of files, it reads each, times
 * the work on it alone (reading not included), and answers with the times.
 */
import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { loadKh } from './library.js'
import { timed } from './stats.js'

const { extract } = await loadKh()

export type ContenderName = 'kh' | 'remark-parse' | '+ remark-gfm' | 'pdf-parse'

/** The files of a batch to run; the answer is each one's time, in order. */
export interface ContenderRequest {
  files: string[]
}
export interface ContenderReply {
  times: number[]
}

type Work = (bytes: Uint8Array, file: string) => Promise<unknown>

const decoder = new TextDecoder()

function workOf(name: ContenderName): Work {
  if (name === 'kh') return (bytes, file) => extract(bytes, { path: file })
  if (name === 'pdf-parse') {
    return async (bytes) => {
      const { PDFParse } = await import('pdf-parse')
      const parser = new PDFParse({ data: bytes })
      try {
        return await parser.getText()
      } finally {
        await parser.destroy()
      }
    }
  }
  // GFM's syntax extensions (tables, autolinks) run inside micromark, so `parse` alone includes them.
  const processor =
    name === 'remark-parse' ? unified().use(remarkParse) : unified().use(remarkParse).use(remarkGfm)
  return async (bytes) => processor.parse(decoder.decode(bytes))
}

const work = workOf((workerData as { name: ContenderName }).name)

parentPort?.on('message', async (request: ContenderRequest) => {
  const times: number[] = []
  for (const file of request.files) {
    // pdf.js takes ownership of the bytes it is given (and detaches them): every run reads its own copy.
    const bytes = new Uint8Array(readFileSync(file))
    times.push(await timed(() => work(bytes, file)))
  }
  parentPort?.postMessage({ times } satisfies ContenderReply)
})
