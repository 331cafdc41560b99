import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../schemas/plan.js'
import {
  CP1258_TABLE,
  type DecodedText,
  decodeText,
  type LegacyMapping,
  TCVN3_TABLE,
  VNI_TABLE,
} from '../src/ingest/encoding.js'
import { extract } from '../src/pipeline.js'
import { cpuMs } from './cpu.js'
import { canScore, SEEDS, score, withoutPositions } from './fixtures/ingest/seeds.js'

const SENTENCES = [
  'Ủy ban nhân dân tỉnh Hà Nam ban hành Kế hoạch triển khai Phong trào thi đua xây dựng xã hội học tập; Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Nội vụ.',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; các cơ quan, đơn vị nghiêm túc thực hiện.',
  'Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý nhà nước, bảo đảm 100% hồ sơ được giải quyết đúng hạn.',
]

/**
 * TCVN3 (ABC) has no code for most capitals with a tone: .VnTime documents wrote them with the separate
 * .VnTimeH font, or spelled "Ủy" as "Uỷ". The TCVN3 cases therefore use the old spelling "Uỷ ban".
 */
const TCVN3_SENTENCES = SENTENCES.map((sentence) => sentence.replace('Ủy', 'Uỷ'))

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']
const LOWER_LETTERS = [...'aăâeêioôơuưy'].flatMap((vowel) =>
  TONES.map((tone) => (vowel + tone).normalize('NFC')),
)
const UPPER_LETTERS = LOWER_LETTERS.map((letter) => letter.toUpperCase())
/** Every vowel with every tone, lower and upper case, and đ/Đ. */
const ALL_LETTERS = `${LOWER_LETTERS.join(' ')} đ\n${UPPER_LETTERS.join(' ')} Đ`

const TCVN3_CODES = new Map(TCVN3_TABLE)
/** Capitals TCVN3 can write: the base letters Ă Â Ê Ô Ơ Ư Đ and the few toned ones in the 0xA0–0xFF block. */
const TCVN3_UPPER = UPPER_LETTERS.filter((letter) => /^[A-Z]$/.test(letter) || TCVN3_CODES.has(letter))
const TCVN3_LETTERS = `${LOWER_LETTERS.join(' ')} đ\n${TCVN3_UPPER.join(' ')} Đ`

const bytesOf = (legacy: string): Uint8Array => Uint8Array.from(legacy, (char) => char.charCodeAt(0))

/** Windows-1252 punctuation (quotes, dashes) as legacy-font documents store it. */
const CP1252_CODES = new Map(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'].map((c, i) => [
    c,
    String.fromCharCode(0x80 + i),
  ]),
)

/** Encode with a table turned around; ASCII stays, anything else the table (or `extra`) lacks is a test error. */
function encodeWith(
  table: readonly LegacyMapping[],
  text: string,
  extra = new Map<string, string>(),
): Uint8Array {
  const codes = new Map(table)
  let legacy = ''
  for (const char of text.normalize('NFC')) {
    const code = char < '\x80' ? char : (codes.get(char) ?? extra.get(char))
    if (code === undefined) throw new Error(`cannot encode ${char}`)
    legacy += code
  }
  return bytesOf(legacy)
}

/** Windows-1258: Latin-1 letters stay, the rest is a base letter and a combining tone mark. */
function encodeCp1258(text: string): Uint8Array {
  const codes = new Map(CP1258_TABLE)
  const encodeChar = (char: string): string => {
    const code = codes.get(char)
    if (code !== undefined) return code
    if (char <= '\xff' && ![...codes.values()].includes(char)) return char
    const [base = '', ...marks] = char.normalize('NFD')
    const shape = marks.filter((mark) => !'\u0300\u0301\u0303\u0309\u0323'.includes(mark))
    const tone = marks.filter((mark) => '\u0300\u0301\u0303\u0309\u0323'.includes(mark))
    return [(base + shape.join('')).normalize('NFC'), ...tone].map(encodeChar).join('')
  }
  return bytesOf([...text.normalize('NFC')].map(encodeChar).join(''))
}

const HAS_ICONV = spawnSync('iconv', ['--version']).status === 0

/** glibc iconv as an independent encoder (TCVN5712-1 is TCVN3; CP1258 is Windows-1258). */
function iconv(text: string, to: string): Uint8Array {
  return new Uint8Array(execFileSync('iconv', ['-f', 'utf-8', '-t', to], { input: text }))
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const [first, second] = order === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]
    bytes[2 + i * 2] = first
    bytes[3 + i * 2] = second
  }
  return bytes
}

/** What a Word file in a legacy font becomes when saved as Unicode text: the bytes read as Windows-1252. */
const asWindows1252 = (bytes: Uint8Array): string => new TextDecoder('windows-1252').decode(bytes)

const unicode = (text: string, encoding: DecodedText['encoding']): DecodedText => ({
  text,
  encoding,
  legacy: false,
})
const legacy = (text: string, encoding: DecodedText['encoding']): DecodedText => ({
  text,
  encoding,
  legacy: true,
})

describe('decodeText: Unicode', () => {
  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(utf8('KE HOACH so 12/KH-UBND, ngay 5/3/2024.\n'))).toEqual(
      unicode('KE HOACH so 12/KH-UBND, ngay 5/3/2024.\n', 'utf-8'),
    )
    expect(decodeText(new Uint8Array())).toEqual(unicode('', 'utf-8'))
  })

  it('keeps genuine UTF-8 Vietnamese as UTF-8, never as legacy', () => {
    for (const text of [...SENTENCES, ALL_LETTERS, SENTENCES.join('\n')]) {
      expect(decodeText(utf8(text))).toEqual(unicode(text, 'utf-8'))
    }
    // Only Windows-1252 letters, so it could be mojibake: the Unicode reading still wins.
    for (const text of [
      'Tên: Hà',
      'Chào các bà, hôm nay là mùa xuân',
      'Café résumé, déjà vu — naïve façade.',
    ]) {
      expect(decodeText(utf8(text))).toEqual(unicode(text, 'utf-8'))
    }
  })

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SENTENCES[0] ?? '')])
    expect(decodeText(bytes)).toEqual(unicode(SENTENCES[0] ?? '', 'utf-8-bom'))
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    const text = `${SENTENCES.join('\n')}\n${ALL_LETTERS}`
    expect(decodeText(utf16(text, 'le'))).toEqual(unicode(text, 'utf-16le'))
    expect(decodeText(utf16(text, 'be'))).toEqual(unicode(text, 'utf-16be'))
  })

  it('returns NFC for NFD input', () => {
    const nfc = `${SENTENCES[0]}\n${ALL_LETTERS}`
    const nfd = nfc.normalize('NFD')
    expect(nfd).not.toBe(nfc)
    expect(decodeText(utf8(nfd))).toEqual(unicode(nfc, 'utf-8'))
    expect(decodeText(utf16(nfd, 'le'))).toEqual(unicode(nfc, 'utf-16le'))
  })

  it('reads UTF-8 with a few damaged bytes as UTF-8', () => {
    const bytes = utf8(SENTENCES.join('\n'))
    const result = decodeText(
      new Uint8Array([...bytes.subarray(0, 40), 0xff, ...bytes.subarray(40, -1), 0xe1]),
    )
    expect(result.encoding).toBe('utf-8')
    expect(result.text).toContain('Sở Giáo dục và Đào tạo')
  })
})

describe('decodeText: TCVN3 (ABC)', () => {
  it('decodes known .VnTime text', () => {
    expect(decodeText(bytesOf('Céng hoµ x· héi chñ nghÜa ViÖt Nam'))).toEqual(
      legacy('Cộng hoà xã hội chủ nghĩa Việt Nam', 'tcvn3'),
    )
  })

  it('round-trips sentences and every letter TCVN3 can write through the inverted table', () => {
    for (const text of [...TCVN3_SENTENCES, `${TCVN3_SENTENCES[0]}\n${TCVN3_LETTERS}`]) {
      expect(decodeText(encodeWith(TCVN3_TABLE, text))).toEqual(legacy(text, 'tcvn3'))
    }
  })

  it('has a code for every lowercase letter, so only capitals are left out', () => {
    expect(() => encodeWith(TCVN3_TABLE, `${LOWER_LETTERS.join('')}đĂÂÊÔƠƯĐ`)).not.toThrow()
    expect(TCVN3_UPPER).toEqual(expect.arrayContaining([...'AĂÂEÊIOÔƠUƯY']))
  })

  it.skipIf(!HAS_ICONV)('round-trips text encoded by iconv TCVN5712-1, byte for byte like the table', () => {
    for (const text of [...TCVN3_SENTENCES, `${TCVN3_SENTENCES[1]}\n${TCVN3_LETTERS}`]) {
      const bytes = iconv(text, 'TCVN5712-1')
      expect(bytes).toEqual(encodeWith(TCVN3_TABLE, text))
      expect(decodeText(bytes)).toEqual(legacy(text, 'tcvn3'))
    }
  })

  it('restores capitals that .VnTimeH headings store as lowercase codes', () => {
    const heading = 'KÕ HO¹CH\nUû BAN NH©N D©N TØNH Hµ NAM\nTriÓn khai KÕ HO¹CH sè 12'
    expect(decodeText(bytesOf(heading))).toEqual(
      legacy('KẾ HOẠCH\nUỶ BAN NHÂN DÂN TỈNH HÀ NAM\nTriển khai Kế HOẠCH số 12', 'tcvn3'),
    )
    // Title case stays as it is.
    expect(decodeText(bytesOf('Uû ban nh©n d©n tØnh Hµ Nam')).text).toBe('Uỷ ban nhân dân tỉnh Hà Nam')
  })

  it('recognizes TCVN3 that was saved as Unicode text (UTF-8, UTF-16)', () => {
    const text = TCVN3_SENTENCES.join('\n')
    const mojibake = asWindows1252(encodeWith(TCVN3_TABLE, text))
    expect(decodeText(utf8(mojibake))).toEqual(legacy(text, 'tcvn3'))
    expect(decodeText(utf16(mojibake, 'le'))).toEqual(legacy(text, 'tcvn3'))
  })

  it('recognizes it with a Unicode character or two up front, under 2% of the non-ASCII ones', () => {
    const text = Array.from({ length: 20 }, () => TCVN3_SENTENCES.join('\n')).join('\n')
    const mojibake = asWindows1252(encodeWith(TCVN3_TABLE, text))
    const decoded = decodeText(utf8(`“ĐỀ”\n${mojibake}`))
    expect(decoded.legacy).toBe(true)
    expect(decoded.text.endsWith(text)).toBe(true)
  })
})

describe('decodeText: VNI-Windows', () => {
  it('decodes known VNI-Times text', () => {
    expect(
      decodeText(bytesOf('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc')),
    ).toEqual(legacy('Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc', 'vni'))
  })

  it('round-trips sentences and every letter, both cases, through the inverted table', () => {
    for (const text of [...SENTENCES, `${SENTENCES[0]}\n${ALL_LETTERS}`, ALL_LETTERS]) {
      expect(decodeText(encodeWith(VNI_TABLE, text))).toEqual(legacy(text, 'vni'))
    }
  })

  it('recognizes VNI that was saved as UTF-8', () => {
    const text = SENTENCES.join('\n')
    expect(decodeText(utf8(asWindows1252(encodeWith(VNI_TABLE, text))))).toEqual(legacy(text, 'vni'))
  })
})

describe('decodeText: Windows-1258', () => {
  it('round-trips sentences and every letter through the inverted table', () => {
    for (const text of [...SENTENCES, `${SENTENCES[0]}\n${ALL_LETTERS}`]) {
      expect(decodeText(encodeCp1258(text))).toEqual(legacy(text, 'windows-1258'))
    }
  })

  it.skipIf(!HAS_ICONV)('round-trips text encoded by iconv CP1258', () => {
    for (const text of [...SENTENCES, `${SENTENCES[1]}\n${ALL_LETTERS}`]) {
      expect(decodeText(iconv(text, 'CP1258'))).toEqual(legacy(text, 'windows-1258'))
    }
  })
})

describe('decodeText: robustness', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function randomBytes(seed: number, length: number): Uint8Array {
    let state = seed
    return Uint8Array.from({ length }, () => {
      state = (state * 1_103_515_245 + 12_345) >>> 0
      return state >>> 24
    })
  }

  it('never throws on random bytes', () => {
    const inputs = [
      ...Array.from({ length: 200 }, (_, seed) => randomBytes(seed + 1, (seed * 37) % 3000)),
      ...Array.from({ length: 256 }, (_, byte) => new Uint8Array([byte])),
      new Uint8Array([0xef, 0xbb, 0xbf]),
      new Uint8Array([0xff, 0xfe, 0x41]),
      new Uint8Array([0xfe, 0xff, 0xd8, 0x00]),
      new Uint8Array([0xef, 0xbb, 0xbf, 0xc3]),
    ]
    for (const bytes of inputs) {
      const result = decodeText(bytes)
      expect(typeof result.text).toBe('string')
      expect(result.text).toBe(result.text.normalize('NFC'))
    }
  })

  it('decodes a megabyte without runaway work', async () => {
    const repeat = (text: string) => `${text}\n`.repeat(Math.ceil(1_000_000 / text.length))
    const inputs = [
      encodeWith(TCVN3_TABLE, repeat(TCVN3_SENTENCES.join('\n'))),
      encodeWith(VNI_TABLE, repeat(SENTENCES.join('\n'))),
      encodeWith(TCVN3_TABLE, repeat('Kế HOạCH TRIểN KHAI THựC HIệN NăM 2025')),
      utf8(repeat(SENTENCES.join('\n'))),
      utf8(asWindows1252(encodeWith(TCVN3_TABLE, repeat(TCVN3_SENTENCES.join('\n'))))),
      randomBytes(7, 1 << 20),
    ]
    for (const bytes of inputs) {
      decodeText(bytes.subarray(0, 4096)) // warm up the JIT
      // Well under 100 ms; the bound catches runaway work, not speed.
      expect(await cpuMs(() => decodeText(bytes))).toBeLessThan(500)
    }
  })
})

describe('the corpus seeds in other forms and encodings', () => {
  /** TCVN3 as a .VnTime document holds it: a capital with a tone the table lacks is typed in .VnTimeH, with its lowercase code. */
  const tcvn3 = (text: string): Uint8Array => {
    const codes = new Map(TCVN3_TABLE)
    const code = (c: string) =>
      c < '\x80' ? c : (codes.get(c) ?? CP1252_CODES.get(c) ?? codes.get(c.toLowerCase()) ?? '?')
    // and "Ủy" in running text was spelled "Uỷ", as the sentences above are.
    return bytesOf([...text.normalize('NFC').replaceAll('Ủy', 'Uỷ')].map(code).join(''))
  }
  const VARIANTS = {
    NFD: (text: string) => utf8(text.normalize('NFD')),
    'CRLF with a BOM': (text: string) =>
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text.replace(/\n/g, '\r\n'))]),
    TCVN3: tcvn3,
    VNI: (text: string) => encodeWith(VNI_TABLE, text, CP1252_CODES),
  } as const
  // TCVN3 keeps toned capitals only in headings (.VnTimeH) and spells "Uỷ": compare it folded.
  const FOLDED = new Set(['TCVN3'])

  describe.each(SEEDS)('$short', (seed) => {
    const plain = readFileSync(join('corpus', `${seed.id}.txt`), 'utf8')
    let fromPlain: Plan
    beforeAll(async () => {
      fromPlain = await extract(plain, { path: `${seed.id}.txt` })
    })

    describe.each(Object.entries(VARIANTS))('in %s', (name, encode) => {
      let fromVariant: Plan
      beforeAll(async () => {
        fromVariant = await extract(encode(plain), { path: `${seed.id}.txt` })
      })

      it('extracts the facts of the plain seed', () => {
        const facts = (plan: Plan) => {
          const json = JSON.stringify(withoutPositions({ ...plan, source: null, warnings: null }))
          return FOLDED.has(name) ? json.toLocaleLowerCase('vi').replaceAll('uỷ', 'ủy') : json
        }
        expect(facts(fromVariant)).toEqual(facts(fromPlain))
      })

      it.skipIf(!canScore(seed.id))('scores within 2 points of the plain seed', () => {
        const [variant, base] = [score(fromVariant, seed.id), score(fromPlain, seed.id)]
        console.info(`${seed.short} ${name}: ${variant.toFixed(4)} (plain ${base.toFixed(4)})`)
        expect(Math.abs(variant - base)).toBeLessThanOrEqual(0.02)
      })
    })
  })
})
