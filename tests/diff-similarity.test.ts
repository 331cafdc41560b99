import { describe, expect, it } from 'vitest'
import {
  Interner,
  keysOf,
  profile,
  similarity,
  textSimilarity,
  tokenize,
  wordKey,
} from '../src/diff/similarity.js'
import { wordChanges, wordSegments } from '../src/diff/words.js'
import { cpuMs } from './cpu.js'

describe('wordKey', () => {
  it('ignores case and tone-mark placement', () => {
    expect(wordKey('Hoá')).toBe(wordKey('hóa'))
    expect(wordKey('Uỷ')).toBe(wordKey('ủy'))
    expect(wordKey('THUỶ')).toBe(wordKey('thủy'))
  })

  it('reads decomposed (NFD) text like composed text', () => {
    expect(wordKey('Đào'.normalize('NFD'))).toBe(wordKey('đào'))
  })

  it('keeps the letters that make different words: tỉnh is not tính, đ is not d', () => {
    expect(wordKey('tỉnh')).not.toBe(wordKey('tính'))
    expect(wordKey('đào')).not.toBe(wordKey('dao'))
  })
})

describe('tokenize', () => {
  it('splits on punctuation and re-joins to the exact text', () => {
    const text = '“Cả nước thi đua”; giai đoạn 2023-2030 (Sở GD&ĐT).'
    const tokens = tokenize(text)
    expect(tokens.map((t) => t.surface).join('')).toBe(text)
    expect(tokens.map((t) => t.key)).toEqual([
      'cả',
      'nước',
      'thi',
      'đua',
      'giai',
      'đoạn',
      '2023',
      '2030',
      'sở',
      'gd',
      'đt',
    ])
  })

  it('finds no words in punctuation only', () => {
    expect(keysOf(' – ; . ')).toEqual([])
  })
})

describe('similarity', () => {
  const sim = textSimilarity

  it('is 1 for the same words, whatever the case, tone placement and punctuation', () => {
    expect(sim('Văn hoá, Thể thao.', 'văn hóa - thể thao')).toBe(1)
  })

  it('is 0 for texts with no word in common, and symmetric in between', () => {
    expect(sim('khen thưởng', 'ngân sách')).toBe(0)
    const a = 'Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Nội vụ'
    const b = 'Phòng Giáo dục và Đào tạo chủ trì, phối hợp với Phòng Nội vụ'
    expect(sim(a, b)).toBeGreaterThan(0.5)
    expect(sim(a, b)).toBeLessThan(1)
    expect(sim(a, b)).toBe(sim(b, a))
  })

  it('counts word order through syllable pairs: the same syllables shuffled are less similar', () => {
    const text = 'xây dựng xã hội học tập'
    expect(sim(text, 'học tập xã hội xây dựng')).toBeLessThan(1)
    expect(sim(text, 'học tập xã hội xây dựng')).toBeGreaterThan(sim(text, 'tập học hội xã dựng xây'))
  })

  it('scores a longer version of a sentence above the threshold and an unrelated one below', () => {
    const parent = 'Thường xuyên kiểm tra, giám sát việc thực hiện Phong trào thi đua.'
    expect(
      sim(parent, 'Thường xuyên kiểm tra, giám sát việc thực hiện phong trào thi đua trên địa bàn.'),
    ).toBeGreaterThan(0.8)
    expect(sim(parent, 'Kinh phí từ nguồn ngân sách nhà nước phân cấp theo quy định.')).toBeLessThan(0.2)
  })

  it('treats two empty texts as identical and an empty one as unlike anything', () => {
    expect(sim('', '')).toBe(1)
    expect(sim('', 'Giấy khen')).toBe(0)
  })

  it('compares 300 × 300 paragraphs without runaway work', async () => {
    const words =
      'xây dựng xã hội học tập suốt đời phong trào thi đua khuyến học khuyến tài cộng đồng gia đình dòng họ đơn vị công dân tỉnh huyện xã phường sở phòng ban ngành tuyên truyền nâng cao nhận thức'.split(
        ' ',
      )
    let seed = 7
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed
    }
    const paragraph = () => Array.from({ length: 80 }, () => words[next() % words.length]).join(' ')
    const a = Array.from({ length: 300 }, paragraph)
    const b = Array.from({ length: 300 }, paragraph)
    let sum = 0
    const ms = await cpuMs(() => {
      const interner = new Interner()
      const pa = a.map((t) => profile(t, interner))
      const pb = b.map((t) => profile(t, interner))
      for (const x of pa) for (const y of pb) sum += similarity(x, y)
    })
    expect(sum).toBeGreaterThan(0)
    expect(ms).toBeLessThan(1000)
  })
})

describe('word changes (jsdiff)', () => {
  it('lists replaced, removed and added words, parent → child', () => {
    const parent = 'Đạt danh hiệu “Gia đình học tập” và “Dòng họ học tập”, xây dựng thôn, tổ dân phố'
    const child = 'Đạt danh hiệu “Gia đình học tập” hoặc “Dòng họ học tập”, xây dựng ấp, khu phố, tổ dân phố'
    expect(wordChanges(parent, child)).toEqual(['"và" → "hoặc"', '"thôn" → "ấp, khu phố"'])
    expect(
      wordChanges('đặc biệt vai trò của người đứng đầu cấp ủy', 'đặc biệt là vai trò của người đứng đầu'),
    ).toEqual(['added "là"', 'removed "cấp ủy"'])
  })

  it('finds nothing to say about case or tone placement', () => {
    expect(wordChanges('tầng lớp Nhân dân, văn hoá', 'tầng lớp nhân dân, văn hóa')).toEqual([])
  })

  it('keeps each side as written in the merged runs', () => {
    const segments = wordSegments('Uỷ ban tỉnh', 'Ủy ban thành phố')
    expect(segments.map((s) => [s.kind, s.parent, s.child])).toEqual([
      ['same', 'Uỷ ban ', 'Ủy ban '],
      ['removed', 'tỉnh', ''],
      ['added', '', 'thành phố'],
    ])
  })

  it('reads a rewritten passage as one replacement, not as the few common words it keeps', () => {
    // Real wording of the seeds (VII.2): a plain word diff keeps "thành" and leaves three edits around it.
    const parent = 'phối hợp với Sở Nội vụ: Tham mưu Ủy ban nhân dân tỉnh thành lập Ban Chỉ đạo'
    const child =
      'phối hợp với các cơ quan liên quan đề xuất UBND thành phố Vũng Tàu xem xét việc thành lập Ban Chỉ đạo'
    expect(wordChanges(parent, child)).toEqual([
      '"Sở Nội vụ: Tham mưu Ủy ban nhân dân tỉnh thành" → "các cơ quan liên quan đề xuất UBND thành phố Vũng Tàu xem xét việc thành"',
    ])
    // A kept word between edits no longer than it stays: each edit is its own.
    expect(wordChanges('Đối với cấp xã Thực hiện', 'Đối với phường, xã Triển khai thực hiện')).toEqual([
      '"cấp" → "phường"',
      'added "Triển khai"',
    ])
  })

  it('says "moved" for words removed in one place and added in another', () => {
    const parent = 'các chương trình của địa phương và dự án trọng điểm'
    const child = 'các chương trình và dự án trọng điểm của địa phương'
    expect(wordChanges(parent, child)).toEqual(['moved "của địa phương"'])
    expect(wordChanges('a b c d', 'a c d b')).toEqual(['moved "b"'])
    // Different words in the two places are no move.
    expect(wordChanges('a b c d', 'a c d e')).toEqual(['removed "b"', 'added "e"'])
  })

  it('counts what it leaves out past the limit', () => {
    const changes = wordChanges('a1 b c2 d e3 f g4 h', 'a9 b c8 d e7 f g6 h', 3)
    expect(changes).toEqual(['"a1" → "a9"', '"c2" → "c8"', '… and 2 more'])
  })
})
