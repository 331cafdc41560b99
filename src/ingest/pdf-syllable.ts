/** Is a string one written Vietnamese syllable? Used to tell a split syllable ("ĐIỀ U") from two words. */

// Longest first, so "ngh" is tried before "ng" and "n"; every prefix that fits is tried anyway.
const INITIALS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
]

// Every rime of the written language, without its tone mark.
const RIMES = new Set(
  `a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
  e eo ec em en eng ep et ê êch êm ên ênh êp êt êu
  i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
  o oi oc om on ong op ot oong ooc
  oa oai oay oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oe oen oet oeo oem
  ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
  u ua ui uc um un ung up ut uy uya uych uyn uynh uyp uyt uyu uyên uyêt
  uân uâng uât uây uê uênh uêch uơ uôc uôi uôm uôn uông uôt
  ư ưa ưi ưu ưc ưng ưt ưm ưn ươc ươi ươm ươn ương ươp ươt ươu
  y yêm yên yêng yêt yêu`.split(/\s+/),
)

// Grave, acute, tilde, hook above, dot below: the five tone marks (the other marks make letters).
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g

// Words repeat: a page of text has a few hundred distinct ones. Bounded so a huge file cannot grow it forever.
const seen = new Map<string, boolean>()
const SEEN_LIMIT = 50_000

function check(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD')
  if ((decomposed.match(TONES)?.length ?? 0) > 1) return false
  const bare = decomposed.replace(TONES, '').normalize('NFC')
  return INITIALS.some((initial) => bare.startsWith(initial) && RIMES.has(bare.slice(initial.length)))
}

/** True when `word` (any case, NFC) is one syllable: an initial, a known rime and at most one tone. */
export function isSyllable(word: string): boolean {
  let known = seen.get(word)
  if (known === undefined) {
    known = check(word)
    if (seen.size < SEEN_LIMIT) seen.set(word, known)
  }
  return known
}
