/**
 * PDF → the text the block parser reads, with a page for every line. pdf.js gives positioned text items
 * (pdf-parse's getText drops the positions, and indents, margins and columns are what tell paragraphs
 * and the header's two columns apart); the layout is undone in PDF_STAGES, then paragraphs are decided.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js'
import { splitHeader, splitSignature } from './pdf-columns.js'
import { repairDiacritics } from './pdf-diacritics.js'
import { dropFurniture } from './pdf-furniture.js'
import { type PdfLine, pageLines, type TextItem } from './pdf-lines.js'
import { layoutParagraphs } from './pdf-paragraphs.js'

export interface PdfText {
  text: string
  pageOfLine: number[]
  pages: number
}

/** Clean-up stages, in order: furniture goes before the header is read, columns before words are repaired. */
const PDF_STAGES: readonly ((lines: PdfLine[]) => PdfLine[])[] = [
  dropFurniture,
  splitHeader,
  splitSignature,
  repairDiacritics,
]

/** Why pdf.js refused the file, in words a user can act on. */
function reason(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'PasswordException') return 'the PDF is encrypted; remove the password first'
  if (name === 'InvalidPDFException')
    return `not a readable PDF: the file is damaged or truncated (${message})`
  return `not a readable PDF (${message})`
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjsModule: Promise<PdfJs> | undefined

// The built-ins as the process had them before pdf.js (this module loads before it, and loads it).
const nativePush = Array.prototype.push
const nativeJsonParse = JSON.parse

/**
 * Undo what pdf.js's bundled core-js replaced process-wide: Array.prototype.push, forced on V8 before
 * 12.2 for a push on an array whose length is read-only or near 2^53, which no code here makes; and
 * JSON.parse, for the reviver's source text, which nothing here asks for. The JavaScript push made
 * every push in pdf.js and in every later stage, and in every file read after a PDF, a call V8 cannot
 * inline: a fifth or more of a PDF's extraction. Function.prototype.toString stays wrapped: it only
 * changes how a function prints.
 */
function restoreBuiltins(): void {
  Array.prototype.push = nativePush
  JSON.parse = nativeJsonParse
}

// Loaded on first use: pdf.js is large, and text and Markdown never need it. Kept, because a dynamic
// import resolves its specifier again on every call, a millisecond per document under a loader hook.
// The worker (pdf.js runs it in this thread) is loaded here too, because its own core-js would replace
// push again if it came after the restore; loaded, pdf.js finds it on globalThis and never imports it.
const loadPdfjs = (): Promise<PdfJs> => {
  pdfjsModule ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    restoreBuiltins()
    return pdfjs
  })()
  return pdfjsModule
}

async function open(data: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs()
  // pdf.js takes ownership of the buffer it is given: hand it a copy so the caller's bytes survive.
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
  })
  return task.promise
}

async function readLines(doc: PDFDocumentProxy): Promise<PdfLine[]> {
  const lines: PdfLine[] = []
  for (let num = 1; num <= doc.numPages; num++) {
    const page = await doc.getPage(num)
    const content = await page.getTextContent()
    const items = content.items.filter((i): i is TextItem & typeof i => 'str' in i)
    lines.push(...pageLines(items, page.view[3] ?? 0, num))
    page.cleanup()
  }
  return lines
}

/** The positioned lines of every page; throws `Cannot read` errors with the reason. */
async function readPdf(data: Uint8Array, file: string): Promise<{ lines: PdfLine[]; pages: number }> {
  let doc: PDFDocumentProxy | undefined
  try {
    doc = await open(data)
    return { lines: await readLines(doc), pages: doc.numPages }
  } catch (error) {
    throw new Error(`Cannot read \`${file}\`: ${reason(error)}`)
  } finally {
    await doc?.destroy().catch(() => undefined)
  }
}

/** Extract the text layer and undo the page layout; a PDF without one is a scan and needs OCR. */
export async function pdfText(data: Uint8Array, file: string): Promise<PdfText> {
  const { lines, pages } = await readPdf(data, file)
  const laidOut = layoutParagraphs(PDF_STAGES.reduce((current, stage) => stage(current), lines))
  // No text, or only page numbers and a stamped header: a scan.
  if (laidOut.text.trim() === '') {
    throw new Error(`Cannot read \`${file}\`: no text layer: the PDF is a scan; OCR is needed`)
  }
  return { ...laidOut, pages }
}
