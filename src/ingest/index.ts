/** Ingest: bytes or text → the NFC text the parser sees, its format and its blocks. */
import type { Warning } from '../../schemas/plan.js'
import type { Block, Format, SourceText } from '../types.js'
import { markdownBlocks } from './blocks-markdown.js'
import { textBlocks } from './blocks-text.js'
import { docxText, isDocx, isZip } from './docx.js'
import { type DecodedText, decodeText } from './encoding.js'
import { assertText } from './guards.js'
import { pdfText } from './pdf.js'
import { looksLikeMarkdown } from './sniff.js'

export interface IngestOptions {
  path?: string | undefined
  format?: Format | undefined
}

const PDF_MAGIC = '%PDF-'

// How a legacy encoding is named to the user.
const LEGACY_NAMES: Partial<Record<DecodedText['encoding'], string>> = {
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI-Windows',
  'windows-1258': 'Windows-1258',
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return [...magic].every((c, i) => bytes[i] === c.charCodeAt(0))
}

/** The binary format the content shows, else the one the caller or the extension promises; null for text. */
function binaryFormat(bytes: Uint8Array, options: IngestOptions): 'pdf' | 'docx' | null {
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf'
  if (isDocx(bytes)) return 'docx'
  const promised = options.format ?? /\.(pdf|docx)$/i.exec(options.path ?? '')?.[1]?.toLowerCase()
  return promised === 'pdf' || promised === 'docx' ? promised : null
}

/** A file that claims to be PDF or DOCX but whose content is not: say so rather than read it as text. */
function notBinary(format: 'pdf' | 'docx', bytes: Uint8Array, file: string): never {
  if (bytes.byteLength === 0) throw new Error(`Cannot read \`${file}\`: the file is empty`)
  if (format === 'pdf')
    throw new Error(`Cannot read \`${file}\`: not a readable PDF: it does not start with ${PDF_MAGIC}`)
  const why = isZip(bytes) ? 'the archive has no word/document.xml' : 'not a ZIP archive'
  throw new Error(`Cannot read \`${file}\`: not a DOCX file (${why})`)
}

async function ingestPdf(bytes: Uint8Array, file: string): Promise<SourceText> {
  const pdf = await pdfText(bytes, file)
  return { text: pdf.text, format: 'pdf', pageOfLine: pdf.pageOfLine, pages: pdf.pages, warnings: [] }
}

async function ingestDocx(bytes: Uint8Array, file: string): Promise<SourceText> {
  const docx = await docxText(bytes, file)
  assertText(docx.text, file)
  return { text: docx.text, format: 'docx', pageOfLine: null, pages: null, warnings: [], blocks: docx.blocks }
}

/** Bytes of a text file → text, with a warning when a legacy Vietnamese encoding had to be converted. */
function decode(bytes: Uint8Array): { raw: string; warnings: Warning[] } {
  const decoded = decodeText(bytes)
  if (!decoded.legacy) return { raw: decoded.text, warnings: [] }
  const name = LEGACY_NAMES[decoded.encoding] ?? decoded.encoding
  const message = `decoded as ${name}, a legacy Vietnamese encoding, and converted to Unicode; check the text`
  return {
    raw: decoded.text,
    warnings: [{ code: 'legacy-encoding-converted', message, path: null, line: null }],
  }
}

/** Decode, normalize line ends and Unicode form, and sniff the format from the content. */
export async function ingest(input: string | Uint8Array, options: IngestOptions = {}): Promise<SourceText> {
  const file = options.path ?? '<input>'
  if (typeof input !== 'string') {
    const binary = binaryFormat(input, options)
    if (binary === 'pdf')
      return startsWith(input, PDF_MAGIC) ? ingestPdf(input, file) : notBinary('pdf', input, file)
    if (binary === 'docx') return isDocx(input) ? ingestDocx(input, file) : notBinary('docx', input, file)
  }
  const { raw, warnings } = typeof input === 'string' ? { raw: input, warnings: [] } : decode(input)
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
  assertText(text, file)
  const format = options.format ?? (looksLikeMarkdown(text) ? 'markdown' : 'text')
  return { text, format, pageOfLine: null, pages: null, warnings }
}

// A line that opens 16 lists or quotes, one inside the other: no plan does, a run of labels "1. 1. 1." does.
const DEEP_NESTING = /^(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?:[ \t]+|$)){16}/m
const TOO_DEEP = 'the Markdown nests too deeply to parse (a list in a list ...); read as plain text'

/**
 * Split the text into blocks with the parser its format needs (a DOCX brings its own). Markdown that
 * nests too deeply for the Markdown parser ("1. 1. 1. …" is a list in a list thousands deep) is read
 * as plain text instead, with a warning.
 */
export function readBlocks(source: SourceText): { blocks: Block[]; warnings: Warning[] } {
  if (source.blocks) return { blocks: source.blocks.map((b) => ({ ...b })), warnings: [] }
  if (source.format !== 'markdown')
    return { blocks: textBlocks(source.text, source.pageOfLine), warnings: [] }
  const asText = () => ({
    blocks: textBlocks(source.text, source.pageOfLine),
    warnings: [{ code: 'markdown-too-deep', message: TOO_DEEP, path: null, line: null }],
  })
  // The parser's time grows with the square of the nesting depth, and its stack runs out at a few thousand.
  if (DEEP_NESTING.test(source.text)) return asText()
  try {
    return { blocks: markdownBlocks(source.text), warnings: [] }
  } catch (error) {
    if (error instanceof RangeError) return asText()
    throw error
  }
}

/** The blocks of `readBlocks`, without its warnings. */
export function toBlocks(source: SourceText): Block[] {
  return readBlocks(source).blocks
}
