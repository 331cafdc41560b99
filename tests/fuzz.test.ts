/**
 * Property test: windows of the corpus seeds, mutated the ways real files are damaged, never make
 * `extract` throw (other than the documented "Cannot read" of an empty or binary input), always
 * validate, and each take well under a second. fast-check shrinks a failure to the smallest mutation.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extract } from '../src/pipeline.js'
import { validatePlan } from '../src/validate.js'
import { cpuMs } from './cpu.js'

const SEEDS = ['000_9dd6dbdf273703a0', '003_e34268d9a63c9a71'].map((id) =>
  readFileSync(join('corpus', `${id}.txt`), 'utf8').split('\n'),
)
// Smaller windows keep a few thousand cases inside CI time; the start of a seed (its header) is often in one.
const WINDOW = 80
const RUNS = Number(process.env.FUZZ_RUNS ?? 750)
const TOO_SLOW_MS = 1000
// The only errors a text may give: nothing left to read, or what is left looks like binary data.
const DOCUMENTED = /^Cannot read `fuzz\.txt`: (?:the file is empty|not text: looks like binary data)/

const JUNK = [
  '\u0300', // combining grave
  '\u0323\u0301', // stacked combining marks
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\ufeff', // BOM inside the text
  '\u202e', // right-to-left override
  '\u05d0\u05d1', // Hebrew
  '\u0627\u0644', // Arabic
  '\0', // NUL
  '\ud83d\ude00', // emoji (surrogate pair)
  '\ud800', // lone surrogate
  '\u00a0', // no-break space
  '\t',
  '\r',
  '**',
  '#',
  '|',
  '(',
  ')',
  '“',
  'Ủy',
]
const LABELS = ['I.', 'II.', 'IV.', 'X.', '1.', '2.', '3.1.', 'a)', 'đ)', 'h)', '-', '+', '*']

/** A window of one seed's lines. */
const windowArb = fc
  .record({ seed: fc.constantFrom(...SEEDS), start: fc.nat(), length: fc.integer({ min: 1, max: WINDOW }) })
  .map(({ seed, start, length }) => {
    const from = start % seed.length
    return seed.slice(from, from + length)
  })

type Mutation = (lines: string[]) => string[]

const lineEdit = (edit: (lines: string[], at: number, count: number) => string[]) =>
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })).map(
    ([at, count]): Mutation =>
      (lines) =>
        edit(lines, at % Math.max(lines.length, 1), count),
  )

const MUTATIONS: fc.Arbitrary<Mutation>[] = [
  lineEdit((lines, at, count) => [...lines.slice(0, at), ...lines.slice(at + count)]), // delete a range
  lineEdit((lines, at, count) => [
    ...lines.slice(0, at + count),
    ...lines.slice(at, at + count),
    ...lines.slice(at + count),
  ]), // duplicate
  lineEdit((lines, at, count) => {
    // Move a range elsewhere, so that numbering labels come out of order.
    const moved = lines.slice(at, at + count)
    const rest = [...lines.slice(0, at), ...lines.slice(at + count)]
    const to = (at * 7 + count) % (rest.length + 1)
    return [...rest.slice(0, to), ...moved, ...rest.slice(to)]
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...LABELS)).map(
    ([at, label]): Mutation =>
      (lines) => {
        // Replace the numbering label of a line with another one.
        const i = at % Math.max(lines.length, 1)
        return lines.map((line, n) =>
          n === i
            ? line.replace(/^(\s*[#*]*\s*)(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+*])?/u, `$1${label}`)
            : line,
        )
      },
  ),
  fc.tuple(fc.nat(), fc.array(fc.constantFrom(...JUNK), { minLength: 1, maxLength: 6 })).map(
    ([at, junk]): Mutation =>
      (lines) => {
        // Insert junk Unicode at a point of the text.
        const text = lines.join('\n')
        const i = at % (text.length + 1)
        return `${text.slice(0, i)}${junk.join('')}${text.slice(i)}`.split('\n')
      },
  ),
  fc.nat().map(
    (at): Mutation =>
      (lines) => {
        // Truncate at a random character.
        const text = lines.join('\n')
        return text.slice(0, at % (text.length + 1)).split('\n')
      },
  ),
]

/** Whole-text encodings applied last: CRLF with a BOM, NFD. */
const FORMS = [
  (text: string) => text,
  (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`,
  (text: string) => text.normalize('NFD'),
] as const

const caseArb = fc.record({
  lines: windowArb,
  mutations: fc.array(fc.oneof(...MUTATIONS), { minLength: 1, maxLength: 4 }),
  form: fc.constantFrom(...FORMS),
  bytes: fc.boolean(),
})

let slowest = { ms: 0, text: '' }

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never

async function check({ lines, mutations, form, bytes }: Case) {
  const text = form(mutations.reduce((acc, mutate) => mutate(acc), lines).join('\n'))
  const input = bytes ? new TextEncoder().encode(text) : text
  const ms = await cpuMs(async () => {
    try {
      validatePlan(await extract(input, { path: 'fuzz.txt' }))
    } catch (error) {
      if (!(error instanceof Error && DOCUMENTED.test(error.message))) throw error
    }
  })
  if (ms > slowest.ms) slowest = { ms, text }
  expect(ms, `took ${ms.toFixed(0)} ms of CPU`).toBeLessThan(TOO_SLOW_MS)
}

describe('extract on mutated seeds', () => {
  it(`never throws, always validates, and does no runaway work (${RUNS * 4} cases)`, async () => {
    for (let round = 0; round < 4; round++) {
      await fc.assert(fc.asyncProperty(caseArb, check), { numRuns: RUNS })
    }
    console.info(`slowest fuzz case: ${slowest.ms.toFixed(0)} ms of CPU on ${slowest.text.length} characters`)
  }, 120_000)
})
