/**
 * pdf.js's bundled core-js replaces Array.prototype.push and JSON.parse for the whole process; reading
 * a PDF puts the engine's own back. Its own file: no other module here loads pdf.js before it starts.
 */
import { expect, it } from 'vitest'
import { pdfText } from '../src/ingest/pdf.js'
import { fixture } from './fixtures/ingest/seeds.js'

const push = Array.prototype.push
const parse = JSON.parse

it('leaves the process the push and JSON.parse it had before pdf.js, and pdf.js still reads', async () => {
  const first = await pdfText(fixture('layout.pdf'), 'layout.pdf')
  expect(Array.prototype.push).toBe(push)
  expect(JSON.parse).toBe(parse)
  expect(first.text).toContain('I. ĐIỀU KHOẢN CHUNG')
  expect(await pdfText(fixture('layout.pdf'), 'layout.pdf')).toEqual(first)
})
