/** Small builders shared by the unit tests. */
import { parseDocument } from '../src/pipeline.js'
import type { Doc } from '../src/types.js'

/** Parse a Markdown or text snippet (leading indentation removed) into a document. */
export async function doc(text: string, format: 'markdown' | 'text' = 'text'): Promise<Doc> {
  const lines = text.replace(/^\n/, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0))
  return parseDocument(lines.map((l) => l.slice(indent)).join('\n'), { format })
}
