/**
 * DOCX → blocks, through mammoth's HTML (it keeps headings, lists and tables). The text the parser saw
 * is defined as the blocks' text joined with blank lines, so block i sits on line 2i + 1.
 */
import type { Block } from '../types.js'
import { type HtmlBlock, htmlBlocks } from './blocks-html.js'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const DOCUMENT_PART = 'word/document.xml'

/** True when the bytes open like a ZIP archive (DOCX, XLSX, ODT, ...). */
export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b)
}

/** True when the bytes are a ZIP archive holding a Word document part. */
export function isDocx(bytes: Uint8Array): boolean {
  return (
    isZip(bytes) &&
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(DOCUMENT_PART, 0, 'latin1')
  )
}

export interface DocxText {
  text: string
  blocks: Block[]
}

/** The line of a block in the joined text: what a user sees when a block is written back out. */
function lineText(block: HtmlBlock): string {
  return block.marker ? `${block.marker} ${block.text}` : block.text
}

let mammothModule: Promise<typeof import('mammoth')> | undefined

// Loaded on the first DOCX: mammoth takes ~0.1 s to load (each extraction thread of `kh extract` paid it
// at start), and most batches have no DOCX. Kept, as pdf.js is.
function loadMammoth(): Promise<typeof import('mammoth')> {
  mammothModule ??= import('mammoth').then((m) => m.default)
  return mammothModule
}

/** Read a DOCX into blocks and the text they are the lines of; throws `Cannot read` errors with the reason. */
export async function docxText(data: Uint8Array, file: string): Promise<DocxText> {
  if (!isZip(data)) throw new Error(`Cannot read \`${file}\`: not a DOCX file (not a ZIP archive)`)
  if (!isDocx(data))
    throw new Error(`Cannot read \`${file}\`: not a DOCX file (the archive has no ${DOCUMENT_PART})`)
  const mammoth = await loadMammoth()
  let html: string
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(data) })).value
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`Cannot read \`${file}\`: not a readable DOCX file (${message})`)
  }
  const blocks = htmlBlocks(html).map((b, i): Block => ({ ...b, line: 2 * i + 1, endLine: 2 * i + 1 }))
  return { text: blocks.map(lineText).join('\n\n'), blocks }
}
