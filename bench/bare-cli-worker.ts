/** A thread of bench/bare-cli.ts: the bytes of a file in, its bare remark-parse tree out as moved UTF-8 JSON. */
import { move, transferableSymbol, valueSymbol } from 'piscina'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

export interface BareResult {
  json: Uint8Array
}

const remark = unified().use(remarkParse)
const utf8 = new TextEncoder()
const decoder = new TextDecoder()

export default function parseTask(bytes: Uint8Array): BareResult | ReturnType<typeof move> {
  const json = utf8.encode(JSON.stringify(remark.parse(decoder.decode(bytes))))
  return move({ [transferableSymbol]: [json.buffer], [valueSymbol]: { json } })
}
