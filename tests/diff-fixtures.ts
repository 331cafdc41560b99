/** Small hand-made plans for the diff tests: a valid minimal plan and builders for its facts. */
import type {
  Agency,
  Assignment,
  AwardQuota,
  Deadline,
  Group,
  Item,
  Level,
  Phase,
  Plan,
  Reference,
  Section,
} from '../schemas/plan.js'
import { PlanSchema } from '../schemas/plan.js'

/** A valid plan with nothing in it but an issuer; `overrides` fill the rest. */
export function plan(level: Level, overrides: Partial<Plan> = {}): Plan {
  const issuer = level === 'province' ? 'Ủy ban nhân dân tỉnh Hà Nam' : 'Ủy ban nhân dân thành phố Vũng Tàu'
  return PlanSchema.parse({
    schemaVersion: '1',
    source: { path: `${level}.txt`, format: 'text', sha256: '0'.repeat(64), bytes: 0, pages: null },
    meta: {
      kind: 'KH',
      number: null,
      symbol: 'KH-UBND',
      issuer: { name: issuer, level, locality: level === 'province' ? 'Hà Nam' : 'Vũng Tàu' },
      place: null,
      date: { iso: null, year: 2024, month: null, day: null },
      title: 'Triển khai Phong trào thi đua xây dựng xã hội học tập',
      campaign: null,
      signer: null,
      recipients: [],
    },
    references: [],
    sections: [],
    purposes: [],
    requirements: [],
    objectives: [],
    targets: [],
    contents: [],
    criteria: [],
    standards: [],
    awards: { forms: [], quotas: [] },
    solutions: [],
    phases: [],
    deadlines: [],
    funding: { sources: [], text: '', path: null },
    assignments: [],
    articles: [],
    appendices: [],
    warnings: [],
    ...overrides,
  })
}

/** An item at a path; its line defaults to a number derived from its position in a list. */
export function item(text: string, path: string, line = 10): Item {
  return { text, path, line, endLine: line }
}

/** Items numbered from 1 under a path: `items('IV', 'a', 'b')` is IV.1 and IV.2. */
export function items(under: string, ...texts: string[]): Item[] {
  return texts.map((t, i) => item(t, `${under}.${i + 1}`, 10 + 2 * i))
}

/** An agency with a key and a level. */
export function agency(name: string, key: string, level: Level): Agency {
  return { name, canonical: name, key, level }
}

/** An assignment of some agencies to one task. */
export function assignment(path: string, agencies: Agency[], task: string, requested = false): Assignment {
  return {
    agencies,
    requested,
    tasks: [{ text: task, role: /^Chủ trì/.test(task) ? 'lead' : 'other', partners: [], line: 100 }],
    path,
    line: 100,
  }
}

/** A criteria or standards group. */
export function group(path: string, target: string, ...texts: string[]): Group {
  return {
    path,
    label: path.split('.').at(-1) ?? path,
    target,
    items: texts.map((t) => item(t, path)),
    crossRefs: [],
  }
}

/** A yearly deadline on a day of a month, sent to some recipients. */
export function yearlyDeadline(
  text: string,
  day: number,
  month: number,
  recipients: Agency[],
  path = 'VII.10',
): Deadline {
  return {
    text,
    action: 'báo cáo',
    due: { kind: 'yearly', year: null, month, day, quarter: null },
    relation: 'before',
    actors: [],
    recipients,
    path,
    line: 120,
  }
}

/** A quota of an award. */
export function quota(award: string, fields: Partial<AwardQuota>): AwardQuota {
  return {
    award,
    occasion: null,
    year: null,
    collectives: null,
    individuals: null,
    households: null,
    per: null,
    max: false,
    percent: null,
    text: '',
    path: 'III.3.a',
    line: 50,
    ...fields,
  }
}

/** A phase with its years. */
export function phase(label: string, startYear: number, endYear: number, text: string, path: string): Phase {
  return { label, startYear, endYear, text, path, line: 60 }
}

/** A reference, cited in the preamble when `isLegalBasis`. */
export function reference(id: string, fields: Partial<Reference> = {}): Reference {
  const [number = null, symbol = null] = id.split(/\/(.*)/)
  return {
    id,
    kind: 'Kế hoạch',
    number,
    symbol,
    date: null,
    issuer: null,
    title: null,
    isLegalBasis: true,
    occurrences: [{ path: null, line: 5 }],
    ...fields,
  }
}

/** A section with a heading and optional children. */
export function section(
  path: string,
  heading: string,
  children: Section[] = [],
  role: Section['role'] = null,
): Section {
  return {
    path,
    label: path.split('.').at(-1) ?? path,
    depth: path.split('.').length,
    heading,
    role,
    line: 1,
    endLine: 1,
    items: [],
    children,
  }
}
