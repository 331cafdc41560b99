/**
 * Bytes → NFC text. Old plans were typed in the 8-bit Vietnamese font encodings TCVN3 (ABC, .VnTime)
 * and VNI-Windows (VNI-Times), and often reach us either as raw bytes or already "converted" to Unicode
 * as if they were Windows-1252. Both cases are detected here by scoring how Vietnamese each reading looks.
 */

/** The encoding a file was read with; the last three are the legacy 8-bit Vietnamese ones. */
export type DetectedEncoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le'
  | 'utf-16be'
  | 'tcvn3'
  | 'vni'
  | 'windows-1258'

/** Decoded NFC text, the encoding it was read with, and whether that encoding is a legacy 8-bit one. */
export interface DecodedText {
  text: string
  encoding: DetectedEncoding
  legacy: boolean
}

type LegacyEncoding = 'tcvn3' | 'vni' | 'windows-1258'

/** A table row: the Unicode character and the legacy bytes (one char per byte, U+0000–U+00FF) that encode it. */
export type LegacyMapping = readonly [unicode: string, legacy: string]

// ---------------------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------------------

/**
 * Windows-1252 bytes 0x80–0x9F. The legacy Vietnamese fonts were Windows fonts: quotes, dashes and bullets
 * typed in them are stored with these ANSI codes, so every legacy reading starts from Windows-1252.
 * The five undefined bytes keep their C1 code point, as the WHATWG decoder does.
 */
const CP1252_HIGH_CONTROLS = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/**
 * TCVN3 (TCVN 5712:1993), bytes 0xA1–0xFF, checked against glibc iconv `TCVN5712-1`.
 * Only the VN3 layout is decoded: glibc also puts capitals with tones at 0x01–0x17 and 0x80–0x9F, but
 * .VnTime fonts keep Windows punctuation there (an en dash 0x96 would otherwise become "Ọ"), and write
 * capitals with tones through the separate .VnTimeH font using the lowercase codes (see restoreCapitals).
 */
// biome-ignore format: one row per letter keeps the table readable
export const TCVN3_TABLE: readonly LegacyMapping[] = [
  ['Ă', '\xa1'], ['Â', '\xa2'], ['Ê', '\xa3'], ['Ô', '\xa4'], ['Ơ', '\xa5'], ['Ư', '\xa6'], ['Đ', '\xa7'],
  ['ă', '\xa8'], ['â', '\xa9'], ['ê', '\xaa'], ['ô', '\xab'], ['ơ', '\xac'], ['ư', '\xad'], ['đ', '\xae'],
  ['Ằ', '\xaf'],
  // Standalone tone marks: NFC folds them into the preceding vowel.
  ['\u0300', '\xb0'], ['\u0309', '\xb1'], ['\u0303', '\xb2'], ['\u0301', '\xb3'], ['\u0323', '\xb4'],
  ['à', '\xb5'], ['ả', '\xb6'], ['ã', '\xb7'], ['á', '\xb8'], ['ạ', '\xb9'],
  ['Ẳ', '\xba'], ['ằ', '\xbb'], ['ẳ', '\xbc'], ['ẵ', '\xbd'], ['ắ', '\xbe'], ['Ẵ', '\xbf'],
  ['Ắ', '\xc0'], ['Ầ', '\xc1'], ['Ẩ', '\xc2'], ['Ẫ', '\xc3'], ['Ấ', '\xc4'], ['Ề', '\xc5'],
  ['ặ', '\xc6'], ['ầ', '\xc7'], ['ẩ', '\xc8'], ['ẫ', '\xc9'], ['ấ', '\xca'], ['ậ', '\xcb'],
  ['è', '\xcc'], ['Ể', '\xcd'], ['ẻ', '\xce'], ['ẽ', '\xcf'], ['é', '\xd0'], ['ẹ', '\xd1'],
  ['ề', '\xd2'], ['ể', '\xd3'], ['ễ', '\xd4'], ['ế', '\xd5'], ['ệ', '\xd6'],
  ['ì', '\xd7'], ['ỉ', '\xd8'], ['Ễ', '\xd9'], ['Ế', '\xda'], ['Ồ', '\xdb'], ['ĩ', '\xdc'], ['í', '\xdd'],
  ['ị', '\xde'], ['ò', '\xdf'], ['Ổ', '\xe0'], ['ỏ', '\xe1'], ['õ', '\xe2'], ['ó', '\xe3'], ['ọ', '\xe4'],
  ['ồ', '\xe5'], ['ổ', '\xe6'], ['ỗ', '\xe7'], ['ố', '\xe8'], ['ộ', '\xe9'],
  ['ờ', '\xea'], ['ở', '\xeb'], ['ỡ', '\xec'], ['ớ', '\xed'], ['ợ', '\xee'], ['ù', '\xef'], ['Ỗ', '\xf0'],
  ['ủ', '\xf1'], ['ũ', '\xf2'], ['ú', '\xf3'], ['ụ', '\xf4'],
  ['ừ', '\xf5'], ['ử', '\xf6'], ['ữ', '\xf7'], ['ứ', '\xf8'], ['ự', '\xf9'],
  ['ỳ', '\xfa'], ['ỷ', '\xfb'], ['ỹ', '\xfc'], ['ý', '\xfd'], ['ỵ', '\xfe'], ['Ố', '\xff'],
]

/**
 * VNI-Windows (VNI-Times fonts): a base letter followed by a modifier byte; capitals take the capital
 * modifier. ơ, ư, đ and the i-vowels (and ỵ) have single bytes of their own.
 */
// biome-ignore format: one row per letter keeps the table readable
export const VNI_TABLE: readonly LegacyMapping[] = [
  ['á', 'aù'], ['à', 'aø'], ['ả', 'aû'], ['ã', 'aõ'], ['ạ', 'aï'],
  ['Á', 'AÙ'], ['À', 'AØ'], ['Ả', 'AÛ'], ['Ã', 'AÕ'], ['Ạ', 'AÏ'],
  ['â', 'aâ'], ['ấ', 'aá'], ['ầ', 'aà'], ['ẩ', 'aå'], ['ẫ', 'aã'], ['ậ', 'aä'],
  ['Â', 'AÂ'], ['Ấ', 'AÁ'], ['Ầ', 'AÀ'], ['Ẩ', 'AÅ'], ['Ẫ', 'AÃ'], ['Ậ', 'AÄ'],
  ['ă', 'aê'], ['ắ', 'aé'], ['ằ', 'aè'], ['ẳ', 'aú'], ['ẵ', 'aü'], ['ặ', 'aë'],
  ['Ă', 'AÊ'], ['Ắ', 'AÉ'], ['Ằ', 'AÈ'], ['Ẳ', 'AÚ'], ['Ẵ', 'AÜ'], ['Ặ', 'AË'],
  ['é', 'eù'], ['è', 'eø'], ['ẻ', 'eû'], ['ẽ', 'eõ'], ['ẹ', 'eï'],
  ['É', 'EÙ'], ['È', 'EØ'], ['Ẻ', 'EÛ'], ['Ẽ', 'EÕ'], ['Ẹ', 'EÏ'],
  ['ê', 'eâ'], ['ế', 'eá'], ['ề', 'eà'], ['ể', 'eå'], ['ễ', 'eã'], ['ệ', 'eä'],
  ['Ê', 'EÂ'], ['Ế', 'EÁ'], ['Ề', 'EÀ'], ['Ể', 'EÅ'], ['Ễ', 'EÃ'], ['Ệ', 'EÄ'],
  ['í', 'í'], ['ì', 'ì'], ['ỉ', 'æ'], ['ĩ', 'ó'], ['ị', 'ò'],
  ['Í', 'Í'], ['Ì', 'Ì'], ['Ỉ', 'Æ'], ['Ĩ', 'Ó'], ['Ị', 'Ò'],
  ['ó', 'où'], ['ò', 'oø'], ['ỏ', 'oû'], ['õ', 'oõ'], ['ọ', 'oï'],
  ['Ó', 'OÙ'], ['Ò', 'OØ'], ['Ỏ', 'OÛ'], ['Õ', 'OÕ'], ['Ọ', 'OÏ'],
  ['ô', 'oâ'], ['ố', 'oá'], ['ồ', 'oà'], ['ổ', 'oå'], ['ỗ', 'oã'], ['ộ', 'oä'],
  ['Ô', 'OÂ'], ['Ố', 'OÁ'], ['Ồ', 'OÀ'], ['Ổ', 'OÅ'], ['Ỗ', 'OÃ'], ['Ộ', 'OÄ'],
  ['ơ', 'ô'], ['ớ', 'ôù'], ['ờ', 'ôø'], ['ở', 'ôû'], ['ỡ', 'ôõ'], ['ợ', 'ôï'],
  ['Ơ', 'Ô'], ['Ớ', 'ÔÙ'], ['Ờ', 'ÔØ'], ['Ở', 'ÔÛ'], ['Ỡ', 'ÔÕ'], ['Ợ', 'ÔÏ'],
  ['ú', 'uù'], ['ù', 'uø'], ['ủ', 'uû'], ['ũ', 'uõ'], ['ụ', 'uï'],
  ['Ú', 'UÙ'], ['Ù', 'UØ'], ['Ủ', 'UÛ'], ['Ũ', 'UÕ'], ['Ụ', 'UÏ'],
  ['ư', 'ö'], ['ứ', 'öù'], ['ừ', 'öø'], ['ử', 'öû'], ['ữ', 'öõ'], ['ự', 'öï'],
  ['Ư', 'Ö'], ['Ứ', 'ÖÙ'], ['Ừ', 'ÖØ'], ['Ử', 'ÖÛ'], ['Ữ', 'ÖÕ'], ['Ự', 'ÖÏ'],
  ['ý', 'yù'], ['ỳ', 'yø'], ['ỷ', 'yû'], ['ỹ', 'yõ'], ['ỵ', 'î'],
  ['Ý', 'YÙ'], ['Ỳ', 'YØ'], ['Ỷ', 'YÛ'], ['Ỹ', 'YÕ'], ['Ỵ', 'Î'],
  ['đ', 'ñ'], ['Đ', 'Ñ'],
]

/**
 * Windows-1258: the bytes where it differs from Windows-1252 (checked against glibc iconv `CP1258`).
 * Tones are separate combining marks after the letter; NFC composes them.
 */
// biome-ignore format: one row per letter keeps the table readable
export const CP1258_TABLE: readonly LegacyMapping[] = [
  ['\u008a', '\x8a'], ['\u008e', '\x8e'], ['\u009a', '\x9a'], ['\u009e', '\x9e'],
  ['Ă', '\xc3'], ['\u0300', '\xcc'], ['Đ', '\xd0'], ['\u0309', '\xd2'], ['Ơ', '\xd5'], ['Ư', '\xdd'],
  ['\u0303', '\xde'], ['ă', '\xe3'], ['\u0301', '\xec'], ['đ', '\xf0'], ['\u0323', '\xf2'], ['ơ', '\xf5'],
  ['ư', '\xfd'], ['₫', '\xfe'],
]

// ---------------------------------------------------------------------------------------------------------
// Legacy decoders
// ---------------------------------------------------------------------------------------------------------

/** Legacy bytes, or Windows-1252 mojibake turned back into bytes: code units ≤ 0xFF are bytes, others pass through. */
type Units = Uint8Array | Uint16Array

/**
 * Every table maps one byte, or two (VNI: base + modifier), to one BMP character, so a decoder is two
 * lookup arrays and decoding is one linear pass.
 */
interface Codec {
  /** Byte → character code; legacy mappings override the Windows-1252 reading. */
  single: Uint16Array
  /** (first byte × 256 + second byte) → character code, 0 when the pair means nothing. */
  pairs: Uint16Array
}

function compile(table: readonly LegacyMapping[]): Codec {
  const single = Uint16Array.from({ length: 256 }, (_, byte) =>
    byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH_CONTROLS.charCodeAt(byte - 0x80) : byte,
  )
  const pairs = new Uint16Array(256 * 256)
  for (const [unicode, legacy] of table) {
    const code = unicode.charCodeAt(0)
    if (legacy.length === 1) single[legacy.charCodeAt(0)] = code
    else pairs[legacy.charCodeAt(0) * 256 + legacy.charCodeAt(1)] = code
  }
  return { single, pairs }
}

const CODECS: Record<LegacyEncoding, Codec> = {
  tcvn3: compile(TCVN3_TABLE),
  vni: compile(VNI_TABLE),
  'windows-1258': compile(CP1258_TABLE),
}

/** Decode units with a codec, the longest match (a pair) first. */
function decodeUnits(units: Units, codec: Codec): Uint16Array {
  const out = new Uint16Array(units.length)
  let n = 0
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] ?? 0
    const next = units[i + 1] ?? 0x100
    const pair = unit <= 0xff && next <= 0xff ? (codec.pairs[unit * 256 + next] ?? 0) : 0
    if (pair !== 0) i++
    out[n++] = pair !== 0 ? pair : unit <= 0xff ? (codec.single[unit] ?? unit) : unit
  }
  return out.subarray(0, n)
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** UTF-16 code units → string, natively where the platform byte order allows. */
function codesToString(codes: Uint16Array): string {
  if (LITTLE_ENDIAN) return new TextDecoder('utf-16le').decode(codes)
  let out = ''
  for (let i = 0; i < codes.length; i += 0x2000) out += String.fromCharCode(...codes.subarray(i, i + 0x2000))
  return out
}

const CP1252_BYTE_OF = new Map([...CP1252_HIGH_CONTROLS].map((char, i) => [char.charCodeAt(0), 0x80 + i]))

/** Text that was legacy bytes read as Windows-1252, back to units; other chars pass through. */
function mojibakeToUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    units[i] = code < 0x100 ? code : (CP1252_BYTE_OF.get(code) ?? code)
  }
  return units
}

/**
 * .VnTimeH headings store capitals with tones as the lowercase codes, so "KẾ HOẠCH" arrives as
 * "Kế HOạCH". A word with a capital after its first letter, a decoded lowercase letter and no ASCII
 * lowercase is such a heading word; a line without ASCII lowercase that holds one is a heading line and is
 * capitalized as a whole, otherwise only its heading words are. Works on the codes in place, in linear time.
 */
function restoreCapitals(codes: Uint16Array): void {
  let start = 0
  for (let i = 0; i <= codes.length; i++) {
    if (i < codes.length && codes[i] !== 0x0a) continue
    restoreLineCapitals(codes, start, i)
    start = i + 1
  }
}

/**
 * Letter kinds for the heading scan. DECODED_SMALL is a lowercase letter from the TCVN3 table: the only
 * letters a .VnTimeH heading can hold.
 */
const OTHER = 0
const ASCII_SMALL = 1
const CAPITAL = 2
const DECODED_SMALL = 3
const MARK = 4

const KIND = new Uint8Array(0x10000)
const CAPITAL_OF = new Uint16Array(0x10000)
for (let code = 0x41; code <= 0x5a; code++) KIND[code] = CAPITAL
for (let code = 0x61; code <= 0x7a; code++) KIND[code] = ASCII_SMALL
for (let code = 0x300; code < 0x370; code++) KIND[code] = MARK
for (const [char] of TCVN3_TABLE) {
  const code = char.charCodeAt(0)
  const capital = char.toUpperCase()
  if (char !== char.toLowerCase()) KIND[code] = CAPITAL
  else if (char !== capital) {
    KIND[code] = DECODED_SMALL
    CAPITAL_OF[code] = capital.charCodeAt(0)
  }
}

function restoreLineCapitals(codes: Uint16Array, start: number, end: number): void {
  let asciiSmall = false
  let heading = false
  forEachWord(codes, start, end, (from, to) => {
    heading ||= isHeadingWord(codes, from, to)
  })
  for (let i = start; i < end && !asciiSmall; i++) asciiSmall = KIND[codes[i] ?? 0] === ASCII_SMALL
  if (!heading) return
  if (!asciiSmall) {
    capitalize(codes, start, end)
    return
  }
  forEachWord(codes, start, end, (from, to) => {
    if (isHeadingWord(codes, from, to)) capitalize(codes, from, to)
  })
}

function forEachWord(
  codes: Uint16Array,
  start: number,
  end: number,
  visit: (from: number, to: number) => void,
): void {
  let from = -1
  for (let i = start; i <= end; i++) {
    const letter = i < end && KIND[codes[i] ?? 0] !== OTHER
    if (letter && from < 0) from = i
    if (!letter && from >= 0) {
      visit(from, i)
      from = -1
    }
  }
}

function isHeadingWord(codes: Uint16Array, from: number, to: number): boolean {
  let small = false
  let laterCapital = false
  for (let i = from; i < to; i++) {
    const kind = KIND[codes[i] ?? 0]
    if (kind === ASCII_SMALL) return false
    small ||= kind === DECODED_SMALL
    laterCapital ||= kind === CAPITAL && i > from
  }
  return small && laterCapital
}

function capitalize(codes: Uint16Array, from: number, to: number): void {
  for (let i = from; i < to; i++) codes[i] = CAPITAL_OF[codes[i] ?? 0] || (codes[i] ?? 0)
}

/** Decode units with a legacy encoding, capitals restored, in NFC. */
function decodeLegacy(units: Units, encoding: LegacyEncoding): string {
  const codes = decodeUnits(units, CODECS[encoding])
  if (encoding === 'tcvn3') restoreCapitals(codes)
  return codesToString(codes).normalize('NFC')
}

// ---------------------------------------------------------------------------------------------------------
// Scoring: how Vietnamese does a reading look?
// ---------------------------------------------------------------------------------------------------------

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'])
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', ...'bcdđghklmnprstvx', '']
const RHYME = /^([aăâeêioôơuưy]+)(ch|ng|nh|[cmnpt])?$/
const FRONT_VOWEL = /^[eêiy]/

/** Vowel groups: 'o' takes no final consonant, 'c' needs one, 'b' allows both. */
const NUCLEI: ReadonlyMap<string, 'o' | 'c' | 'b'> = new Map<string, 'o' | 'c' | 'b'>([
  ...[...'aeêioôơuưy'].map((v) => [v, 'b'] as const),
  ...['ă', 'â', 'oă', 'uâ', 'oo', 'iê', 'yê', 'uô', 'ươ', 'uyê'].map((v) => [v, 'c'] as const),
  ...['oa', 'oe', 'uê', 'uy'].map((v) => [v, 'b'] as const),
  ...['ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'uơ', 'ui', 'ưa']
    .concat(['ưi', 'ưu', 'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu'])
    .map((v) => [v, 'o'] as const),
])

/** Frequent words of administrative Vietnamese that need diacritics (ASCII words do not discriminate). */
const COMMON_WORDS = new Set(
  (
    'và của các những được trong thực hiện ủy uỷ nhân dân tỉnh huyện xã sở kế hoạch có cho với về để là ' +
    'một năm người không đã này việc công tác quản lý phát triển chủ trì phối hợp đồng nội vụ giáo dục đào ' +
    'tạo hội học tập xây dựng chức đơn vị ngày tháng số cấp đề án chương trình đảm bảo tổ nước nhà đến'
  ).split(' '),
)

/** True when the word spells one well-formed Vietnamese syllable (onset, vowels, final, tone rules). */
function isSyllable(word: string): boolean {
  let tone = ''
  let bare = ''
  for (const char of word.normalize('NFD')) {
    if (!TONE_MARKS.has(char)) bare += char
    else if (tone === '') tone = char
    else return false
  }
  bare = bare.normalize('NFC')
  return ONSETS.some((onset) => bare.startsWith(onset) && rhymeFits(onset, bare.slice(onset.length), tone))
}

function rhymeFits(onset: string, rest: string, tone: string): boolean {
  const match = RHYME.exec(rest)
  const nucleus = match?.[1]
  const kind = nucleus === undefined ? undefined : NUCLEI.get(nucleus)
  if (match === null || nucleus === undefined || kind === undefined) return false
  const final = match[2]
  if ((kind === 'o' && final !== undefined) || (kind === 'c' && final === undefined)) return false
  // Spelling: k/gh/ngh only before front vowels, c never before them.
  const front = FRONT_VOWEL.test(nucleus)
  if (onset === 'c' && front) return false
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !front) return false
  // Stop finals take only the rising or the heavy tone.
  if (final !== undefined && /^(c|ch|p|t)$/.test(final)) return tone === '\u0301' || tone === '\u0323'
  return true
}

/** Words split at spaces, ASCII punctuation and digits, and Unicode punctuation; Latin-1 symbols stay in. */
const TOKEN = /[^\s!-@[-`{-~\u2010-\u206f\u00ab\u00bb]+/g
const NON_ASCII = /\P{ASCII}/u

/** Per distinct word: +1 a valid syllable, +1 more a common word, −1 not Vietnamese. */
const wordScores = new Map<string, number>()

function wordScore(token: string): number {
  const cached = wordScores.get(token)
  if (cached !== undefined) return cached
  const word = token.toLowerCase().normalize('NFC')
  const score = isSyllable(word) ? 1 + (COMMON_WORDS.has(word) ? 1 : 0) : -1
  if (wordScores.size < 50_000) wordScores.set(token, score)
  return score
}

/** Mean word score over words with non-ASCII letters: ASCII words read the same in every encoding. */
function vietnameseScore(text: string): number {
  let total = 0
  let count = 0
  for (const [token] of text.matchAll(TOKEN)) {
    if (!NON_ASCII.test(token)) continue
    total += wordScore(token)
    count++
  }
  return count === 0 ? 0 : total / count
}

/** A window from the first non-ASCII char: enough words to judge, bounded so detection stays cheap. */
const SAMPLE_LENGTH = 32_768

function sampleWindow(units: Units): [start: number, end: number] {
  const start = Math.max(0, units.findIndex((unit) => unit >= 0x80) - 200)
  return [start, start + SAMPLE_LENGTH]
}

function sampleText(text: string): string {
  const start = Math.max(0, text.search(NON_ASCII) - 200)
  return text.slice(start, start + SAMPLE_LENGTH)
}

/** The legacy encoding whose reading of the sample looks most Vietnamese, with its score. */
function bestLegacy(units: Units): { encoding: LegacyEncoding; score: number } {
  const window = units.subarray(...sampleWindow(units))
  let best: { encoding: LegacyEncoding; score: number } = { encoding: 'windows-1258', score: 0 }
  for (const encoding of ['tcvn3', 'vni', 'windows-1258'] as const) {
    const score = vietnameseScore(codesToString(decodeUnits(window, CODECS[encoding])))
    if (score > best.score) best = { encoding, score }
  }
  return best
}

// ---------------------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------------------

/** Legacy readings must look clearly Vietnamese… */
const MIN_LEGACY_SCORE = 0.5
/** …and clearly more so than the Unicode reading, so genuine Unicode text is never reinterpreted. */
const MIN_LEGACY_MARGIN = 0.5
/** Genuine Vietnamese Unicode is full of letters beyond Windows-1252 (ạ, ư, ơ, đ); mojibake has almost none. */
const MAX_FOREIGN_RATIO = 0.02

const UTF8_BOM = [0xef, 0xbb, 0xbf]
const UTF16LE_BOM = [0xff, 0xfe]
const UTF16BE_BOM = [0xfe, 0xff]

/** Decode a file's bytes to NFC text, detecting UTF-8 (with/without BOM), UTF-16 with BOM, and the legacy 8-bit Vietnamese encodings TCVN3 (ABC) and VNI-Windows. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (hasPrefix(bytes, UTF8_BOM)) return fromUnicode(decodeUtf8(bytes.subarray(3), false), 'utf-8-bom')
  if (hasPrefix(bytes, UTF16LE_BOM)) return fromUnicode(decodeUtf16(bytes.subarray(2), 'le'), 'utf-16le')
  if (hasPrefix(bytes, UTF16BE_BOM)) return fromUnicode(decodeUtf16(bytes.subarray(2), 'be'), 'utf-16be')
  const utf8 = decodeUtf8(bytes, true)
  if (utf8 !== null) return fromUnicode(utf8, 'utf-8')
  return fromLegacyBytes(bytes)
}

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

function decodeUtf8(bytes: Uint8Array, fatal: true): string | null
function decodeUtf8(bytes: Uint8Array, fatal: false): string
function decodeUtf8(bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/** UTF-16; big-endian is byte-swapped to little-endian so no ICU-only decoder is needed. */
function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  let data = bytes
  if (order === 'be') {
    data = bytes.slice()
    for (let i = 0; i + 1 < data.length; i += 2) {
      const high = data[i] ?? 0
      data[i] = data[i + 1] ?? 0
      data[i + 1] = high
    }
  }
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(data)
}

/** Unicode text, unless it is legacy text that was read as Windows-1252 (e.g. a .VnTime Word file saved as text). */
function fromUnicode(text: string, encoding: DetectedEncoding): DecodedText {
  const unicode = { text: text.normalize('NFC'), encoding, legacy: false }
  if (!looksLikeMojibake(text)) return unicode
  const units = mojibakeToUnits(text)
  const best = bestLegacy(units)
  const unicodeScore = vietnameseScore(sampleText(text))
  if (best.score < MIN_LEGACY_SCORE || best.score < unicodeScore + MIN_LEGACY_MARGIN) return unicode
  return { text: decodeLegacy(units, best.encoding), encoding: best.encoding, legacy: true }
}

/** Non-ASCII text made (almost) only of Windows-1252 characters, the only ones legacy bytes become. */
function looksLikeMojibake(text: string): boolean {
  let nonAscii = 0
  let foreign = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) continue
    nonAscii++
    if (code <= 0xff || CP1252_BYTE_OF.has(code)) continue
    foreign++
    // Already too many even if every character left were non-ASCII and none foreign: Unicode text
    // (Vietnamese has foreign characters throughout) is told after its first eighth or so.
    if (foreign > (nonAscii + text.length - 1 - i) * MAX_FOREIGN_RATIO) return false
  }
  return nonAscii > 0 && foreign <= nonAscii * MAX_FOREIGN_RATIO
}

/**
 * Not UTF-8: the most Vietnamese-looking legacy reading, Windows-1258 (every byte defined) when none
 * looks Vietnamese, unless lossy UTF-8 reads better (a UTF-8 file with a few damaged bytes).
 */
function fromLegacyBytes(bytes: Uint8Array): DecodedText {
  const best = bestLegacy(bytes)
  if (vietnameseScore(decodeUtf8(bytes.subarray(...sampleWindow(bytes)), false)) > best.score) {
    return { text: decodeUtf8(bytes, false).normalize('NFC'), encoding: 'utf-8', legacy: false }
  }
  return { text: decodeLegacy(bytes, best.encoding), encoding: best.encoding, legacy: true }
}
