/** Ingest: bytes or text → the NFC text the parser sees, its format and its blocks. */
import type { Block, Format, SourceText } from '../types.js'
import { markdownBlocks } from './blocks-markdown.js'
import { textBlocks } from './blocks-text.js'
import { pdfText } from './pdf.js'
import { looksLikeMarkdown } from './sniff.js'

export interface IngestOptions {
  path?: string | undefined
  format?: Format | undefined
}

const PDF_MAGIC = '%PDF-'

/** Decode, normalize line ends and Unicode form, and sniff the format. */
export async function ingest(input: string | Uint8Array, options: IngestOptions = {}): Promise<SourceText> {
  const file = options.path ?? '<input>'
  if (typeof input !== 'string' && (options.format === 'pdf' || startsWith(input, PDF_MAGIC))) {
    const pdf = await pdfText(input, file)
    return { text: pdf.text, format: 'pdf', pageOfLine: pdf.pageOfLine, pages: pdf.pages, warnings: [] }
  }
  const raw = typeof input === 'string' ? input : decodeUtf8(input)
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC')
  const format = options.format ?? (looksLikeMarkdown(text) ? 'markdown' : 'text')
  return { text, format, pageOfLine: null, pages: null, warnings: [] }
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return [...magic].every((c, i) => bytes[i] === c.charCodeAt(0))
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

/** Split the text into blocks with the parser its format needs. */
export function toBlocks(source: SourceText): Block[] {
  return source.format === 'markdown' ? markdownBlocks(source.text) : textBlocks(source.text, source.pageOfLine)
}
