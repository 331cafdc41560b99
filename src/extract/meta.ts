/** Meta: the plan's own number, date, place, issuer, title, campaign, signer and recipients. */
import type { Level, Meta, Warning } from '../../schemas/plan.js'
import { CENTRAL_CITIES, OFFICE_TITLES, SIGN_PREFIXES, UNIT_LEVELS } from '../lexicon/documents.js'
import { alternation, canonicalTones, collapse, fold, isUpper, sentenceCase } from '../normalize/text.js'
import type { Block, Doc } from '../types.js'
import { findDate, makeDate } from './dates.js'

const NUMBER_LINE = /^Số\s*:?\s*(?<number>[\w.]*)\s*\/\s*(?<symbol>[\p{Lu}Đ][\p{L}\d&-]*)/u
const PLACE_LINE = /^(?<place>[\p{Lu}][\p{L} .'-]{1,40}?),\s*ngày(?![\p{L}\d])/u
const KIND_LINE = /^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|CHỈ THỊ|HƯỚNG DẪN)$/u
const UNIT_RE = alternation(UNIT_LEVELS.map(([w]) => w))
const ISSUER_RE = new RegExp(
  `(?<head>Ủy ban nhân dân|Uỷ ban nhân dân|UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\\s+(?<unit>${UNIT_RE}|${UNIT_RE.toLocaleUpperCase('vi')})(?<name>(?:\\s+(?:[\\p{Lu}][\\p{L}-]*))*)`,
  'u',
)
const ISSUER_ALL_RE = new RegExp(ISSUER_RE.source, 'gu')
// The committee acts in the sentence that issues the plan.
const ACTS_RE = /^\s*(ban hành|xây dựng|triển khai|thực hiện|tổ chức|lập|đề ra)(?![\p{L}\d])/u
const QUOTED = /[“"](?<name>[^”"]{8,300})[”"]/u
const CAMPAIGN_WORDS =
  /(Phong trào|phong trào|Cuộc vận động|cuộc vận động|Chương trình|Đề án)(?:\s+thi đua)?\s*$/u
const PERIOD = /(?<start>\d{4})\s*[-–]\s*(?<end>\d{4})|đến năm\s+(?<until>\d{4})/u
const TITLES_UPPER = alternation(OFFICE_TITLES.map((t) => t.toLocaleUpperCase('vi')))
const TITLE_RE = new RegExp(`(?:^|\\s)(?<title>${TITLES_UPPER})(?=\\s|$)`, 'u')
const AUTHORITY_RE = new RegExp(
  `TM\\.\\s*(?<body>.+?)(?=\\s+(?:KT|TL|TUQ|Q)\\.|\\s+(?:${TITLES_UPPER})(?:\\s|$)|$)`,
  'u',
)
const BEHALF_RE = new RegExp(`(?<prefix>KT|TL|TUQ|Q)\\.\\s*(?<title>${TITLES_UPPER})(?=\\s|$)`, 'u')
// A person's name: two to six capitalized syllables at the end of the signature.
const PERSON_RE = /(?<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5})\s*$/u

export interface MetaResult {
  meta: Meta
  issuerLevel: Level
  locality: string | null
}

/** Read the header, title and preamble before part I, and the signature and recipients after the body. */
export function extractMeta(doc: Doc, warn: (w: Warning) => void): MetaResult {
  const preamble = doc.preamble
  const numberBlock = preamble.find((b) => NUMBER_LINE.test(b.text))
  const numberMatch = numberBlock ? NUMBER_LINE.exec(numberBlock.text)?.groups : undefined
  const number = numberMatch?.number ? numberMatch.number : null
  const symbol = numberMatch?.symbol ?? null
  if (numberBlock && number === null) {
    warn({
      code: 'blank-number',
      message: 'the plan number is blank ("Số: /...")',
      path: null,
      line: numberBlock.line,
    })
  }
  const placeBlock = preamble.find((b) => PLACE_LINE.test(b.text.replace(/^\*+/, '')))
  const place = placeBlock ? (PLACE_LINE.exec(placeBlock.text)?.groups?.place?.trim() ?? null) : null
  const date = (placeBlock && findDate(placeBlock.text)?.date) || makeDate(null, null, null)
  if (placeBlock && date.iso === null) {
    warn({ code: 'blank-date', message: 'the plan date is incomplete', path: null, line: placeBlock.line })
  }
  const kinds = preamble.filter((b) => KIND_LINE.test(b.text))
  const title = readTitle(preamble, kinds[0])
  // A decision "ban hành Kế hoạch" carries the plan after its own signature.
  const attached = kinds[0]?.text === 'QUYẾT ĐỊNH' && kinds[1] ? readTitle(preamble, kinds[1]) : null
  const issuer = readIssuer(preamble, place)
  return {
    meta: {
      kind: kindOf(symbol, preamble),
      number,
      symbol,
      issuer,
      place,
      date,
      title,
      ...(attached ? { attachedTitle: attached } : {}),
      campaign: readCampaign(attached ?? title),
      signer: readSigner(doc.tail) ?? (attached ? readSigner(preamble) : null),
      recipients: attached ? readRecipients(preamble) : readRecipients(doc.tail),
    },
    issuerLevel: issuer.level,
    locality: issuer.locality,
  }
}

function kindOf(symbol: string | null, preamble: Block[]): string {
  const fromSymbol = symbol?.split('-')[0]
  if (fromSymbol) return fromSymbol
  const kindLine = preamble.find((b) => KIND_LINE.test(b.text))
  return kindLine?.text === 'QUYẾT ĐỊNH' ? 'QĐ' : 'KH'
}

/** The block(s) after "KẾ HOẠCH" (or "QUYẾT ĐỊNH") up to the first sentence of the preamble. */
function readTitle(preamble: Block[], kindLine: Block | undefined): string {
  const at = kindLine ? preamble.indexOf(kindLine) : -1
  if (at < 0) return ''

  const parts: string[] = []
  for (let i = at + 1; i < preamble.length; i++) {
    const text = (preamble[i] as Block).text
    // The title is one block, or several upper-case ones; the preamble proper starts with a sentence.
    if (parts.length > 0 && !(isUpper(text) && isUpper(parts[parts.length - 1] ?? ''))) break
    if (/^\(?(Kèm theo|Ban hành kèm)/.test(text)) break
    parts.push(text)
  }
  return collapse(parts.join(' '))
}

/** The issuing committee: from the header, else from the preamble sentence where it acts ("UBND thành phố Vũng Tàu xây dựng Kế hoạch"). */
function readIssuer(preamble: Block[], place: string | null): Meta['issuer'] {
  const kindAt = preamble.findIndex((b) => KIND_LINE.test(b.text))
  const header = kindAt >= 0 ? preamble.slice(0, kindAt) : []
  const matches = (blocks: Block[]) => blocks.flatMap((b) => [...b.text.matchAll(ISSUER_ALL_RE)])
  const acting = matches(preamble.slice(kindAt + 1)).filter((m) =>
    ACTS_RE.test(m.input.slice((m.index ?? 0) + m[0].length)),
  )
  const m = matches(header)[0] ?? acting[0]
  if (!m?.groups) return { name: null, level: null, locality: place }
  const unit = m.groups.unit?.toLocaleLowerCase('vi') ?? ''
  const words = (m.groups.name ?? '').trim()
  // A locality written in capitals ("TỈNH BẮC NINH") takes its casing from the place line.
  let locality: string | null = words === '' ? null : isUpper(words) ? titleCase(words) : words
  if (place && locality && fold(locality) === fold(place)) locality = place
  locality ??= place
  const name = canonicalTones(`Ủy ban nhân dân ${unit}${locality ? ` ${locality}` : ''}`)
  return { name, level: levelOf(unit, locality), locality }
}

function levelOf(unit: string, locality: string | null): Level {
  if (unit === 'thành phố' && locality && CENTRAL_CITIES.some((c) => fold(locality).includes(fold(c))))
    return 'province'
  return UNIT_LEVELS.find(([w]) => w === unit)?.[1] ?? null
}

function titleCase(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ')
}

/** The quoted movement name in the title and its period. */
function readCampaign(title: string): Meta['campaign'] {
  const m = QUOTED.exec(title)
  if (!m?.groups?.name || !CAMPAIGN_WORDS.test(title.slice(0, m.index))) return null
  const name = m.groups.name.trim()
  const period = PERIOD.exec(name) ?? PERIOD.exec(title.slice(m.index))
  const start = period?.groups?.start ? Number(period.groups.start) : null
  const end = period?.groups?.end ?? period?.groups?.until
  return { name, startYear: start, endYear: end ? Number(end) : null }
}

/** "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Xuân Dương" → its four parts. */
function readSigner(tail: Block[]): Meta['signer'] {
  const text = signatureText(tail)
  if (text === '') return null
  const name = PERSON_RE.exec(text)
  let rest = name ? text.slice(0, name.index) : text
  const take = (re: RegExp): Record<string, string> | null => {
    const m = re.exec(rest)
    if (!m?.groups) return null
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`
    return m.groups
  }
  const tm = take(AUTHORITY_RE)
  const behalf = take(BEHALF_RE)
  const title = TITLE_RE.exec(` ${rest}`)?.groups?.title
  return {
    name: name?.groups?.name ?? null,
    title: title ? officeCase(title) : null,
    authority: tm?.body ? `TM. ${officeCase(tm.body.trim())}` : null,
    onBehalfOf: behalf?.prefix && behalf.title ? `${behalf.prefix}. ${officeCase(behalf.title)}` : null,
  }
}

/** The signature blocks joined: from the first TM./KT. or office title to the signer's name. */
function signatureText(tail: Block[]): string {
  const opener = new RegExp(`^(${SIGN_PREFIXES.join('|')})\\.`)
  const start = tail.findIndex((b) => opener.test(b.text) || TITLE_RE.test(` ${b.text}`))
  if (start < 0) return ''
  const parts: string[] = []
  for (const block of tail.slice(start)) {
    if (/^PHỤ LỤC(?![\p{L}\d])/iu.test(block.text)) break
    parts.push(block.text)
    if (PERSON_RE.test(block.text)) break
  }
  return collapse(parts.join(' '))
}

/** "ỦY BAN NHÂN DÂN" → "Ủy ban nhân dân", "PHÓ CHỦ TỊCH" → "Phó Chủ tịch". */
function officeCase(text: string): string {
  const known = OFFICE_TITLES.find((t) => t.toLocaleUpperCase('vi') === text)
  return known ?? canonicalTones(sentenceCase(text))
}

/** The bullet lines after "Nơi nhận:". */
function readRecipients(tail: Block[]): string[] {
  const at = tail.findIndex((b) => /^Nơi nhận(?![\p{L}\d])/iu.test(b.text))
  if (at < 0) return []
  const out: string[] = []
  const inline = (tail[at] as Block).text.replace(/^Nơi nhận\s*:?\s*/iu, '')
  for (const piece of inline.split(/\s+-\s+|^-\s*/).filter(Boolean)) out.push(piece)
  for (const block of tail.slice(at + 1)) {
    if (block.marker === null) break
    out.push(block.text)
  }
  return out.map((r) => r.replace(/[;.,]\s*$/, '').trim()).filter((r) => r !== '')
}
