/**
 * Page furniture: running headers, footers and page numbers. They are found by what they do, repeat
 * at the top or bottom of the pages, not by what they say, so any producer's wording is caught.
 */
import { byPage, type PdfLine } from './pdf-lines.js'

// Furniture sits within the first and last few lines of a page.
const EDGE = 3
// "7", "- 7 -", "Trang 7", "Trang 7/12", "7 / 12", "Page 7 of 12".
const PAGE_NUMBER = /^[-–—\s]*(?:(?:trang|page)\s+)?(?<n>\d{1,4})(?:\s*(?:\/|of|trên)\s*\d{1,4})?[-–—\s]*$/iu

/** The line with digits masked, so "Trang 3/9" and "Trang 4/9" are one repeated line. */
function shape(text: string): string {
  return text.toLocaleLowerCase('vi').replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}

function edge(page: readonly PdfLine[]): PdfLine[] {
  if (page.length <= 2 * EDGE) return [...page]
  return [...page.slice(0, EDGE), ...page.slice(-EDGE)]
}

/** Shapes that occur at a page edge on at least two pages and on half of them. */
function repeatedShapes(pages: readonly PdfLine[][], shapes: ReadonlyMap<PdfLine, string>): Set<string> {
  const count = new Map<string, number>()
  for (const page of pages) {
    for (const key of new Set(edge(page).map((l) => shapes.get(l) as string)))
      count.set(key, (count.get(key) ?? 0) + 1)
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2))
  return new Set([...count].filter(([, n]) => n >= needed).map(([key]) => key))
}

/** A lone number near the page's own number: the page number, even where it does not repeat (a one-page file). */
function isPageNumber(line: PdfLine): boolean {
  const n = Number(PAGE_NUMBER.exec(line.text)?.groups?.n ?? Number.NaN)
  return Math.abs(n - line.page) <= 2
}

/** Remove repeated running headers and footers and page numbers from the edges of every page. */
export function dropFurniture(lines: PdfLine[]): PdfLine[] {
  const pages = byPage(lines)
  // The edge lines and their shapes, each worked out once: a locale's lower case is slow.
  const shapes = new Map<PdfLine, string>()
  for (const page of pages) for (const line of edge(page)) shapes.set(line, shape(line.text))
  const repeated = repeatedShapes(pages, shapes)
  return pages.flatMap((page) =>
    page.filter((line) => {
      const key = shapes.get(line)
      return !(key !== undefined && (repeated.has(key) || isPageNumber(line)))
    }),
  )
}
