/** PDF → text with a page for every line, through pdf-parse's text layer. */
import { PDFParse } from 'pdf-parse'

export interface PdfText {
  text: string
  pageOfLine: number[]
  pages: number
}

/** Extract the text layer page by page; a PDF without one is a scan and needs OCR. */
export async function pdfText(data: Uint8Array, file: string): Promise<PdfText> {
  const parser = new PDFParse({ data })
  try {
    const result = await parser.getText()
    const lines: string[] = []
    const pageOfLine: number[] = []
    for (const page of result.pages) {
      for (const line of page.text.normalize('NFC').split('\n')) {
        lines.push(line)
        pageOfLine.push(page.num)
      }
      lines.push('')
      pageOfLine.push(page.num)
    }
    const text = lines.join('\n')
    if (text.replace(/\s+/g, '') === '') {
      throw new Error(`Cannot read \`${file}\`: no text layer: the PDF is a scan; OCR is needed`)
    }
    return { text, pageOfLine, pages: result.pages.length }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/password|encrypt/i.test(message)) throw new Error(`Cannot read \`${file}\`: the PDF is encrypted; remove the password first`)
    if (message.startsWith('Cannot read')) throw error
    throw new Error(`Cannot read \`${file}\`: not a readable PDF (${message})`)
  } finally {
    await parser.destroy()
  }
}
