/**
 * The terminal report: who is compared with whom, a summary table, then each
 * category with removed items first (what a reviewer looks for), then added,
 * changed and same, every item with its path and source line.
 */
import {
  CATEGORIES,
  type Category,
  type DiffSide,
  type Pair,
  type PlanDiff,
  type PlanRef,
  type Status,
} from '../../schemas/diff.js'

/** Options of the text report. */
export interface TextOptions {
  /** ANSI colours; the command turns them on only when stdout is a terminal. */
  color?: boolean
  /** Longest item text shown, in characters; longer texts end with "…". */
  width?: number
}

/** Category names as the report prints them. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  sections: 'Sections',
  purposes: 'Purposes',
  requirements: 'Requirements',
  objectives: 'Objectives',
  targets: 'Targets',
  contents: 'Contents',
  criteria: 'Criteria',
  standards: 'Standards',
  awardForms: 'Award forms',
  awardQuotas: 'Award quotas',
  solutions: 'Solutions',
  phases: 'Phases',
  deadlines: 'Deadlines',
  assignments: 'Assignments',
  references: 'References',
}

/** Statuses in the order a reviewer reads them. */
export const STATUS_ORDER: readonly Status[] = ['removed', 'added', 'changed', 'same']

const MARKS: Readonly<Record<Status, string>> = { removed: '-', added: '+', changed: '~', same: '=' }

// SGR codes: red, green, yellow, dim; bold for headings.
const COLORS: Readonly<Record<Status | 'bold', [number, number]>> = {
  removed: [31, 39],
  added: [32, 39],
  changed: [33, 39],
  same: [2, 22],
  bold: [1, 22],
}

type Paint = (style: Status | 'bold', text: string) => string

/** The whole report as text, ending with a newline. */
export function renderText(diff: PlanDiff, options: TextOptions = {}): string {
  const paint: Paint = options.color
    ? (style, text) => `\x1b[${COLORS[style][0]}m${text}\x1b[${COLORS[style][1]}m`
    : (_, t) => t
  const width = options.width ?? 140
  const blocks = [
    header(diff, paint),
    summaryTable(diff, paint),
    ...CATEGORIES.filter((c) => diff[c].length > 0).map((c) => categoryBlock(c, diff[c], paint, width)),
  ]
  return `${blocks.join('\n\n')}\n`
}

function header(diff: PlanDiff, paint: Paint): string {
  const { citation: cite } = diff
  const bases = cite.legalBases.length > 0 ? cite.legalBases.join(', ') : 'none'
  const how =
    cite.by === 'number'
      ? `by the parent's number ${diff.parent.id}`
      : "by the parent's issuer and title, as its number is blank"
  const basis = cite.cited
    ? `the child cites the parent as ${cite.reference} (line ${cite.line}), matched ${how}`
    : `the child does not cite the parent among its legal bases (${bases}); compared ${how}`
  return [
    paint('bold', 'kh diff'),
    `  child   ${describePlan(diff.child)}`,
    `  parent  ${describePlan(diff.parent)}`,
    `  levels  ${diff.levels.text}`,
    `  basis   ${basis}`,
    `  paired  by content, at similarity ≥ ${diff.threshold}; parent:N and child:N are source lines`,
  ].join('\n')
}

function describePlan(plan: PlanRef): string {
  const who = [plan.issuer ?? 'unknown issuer', plan.level].filter(Boolean).join(', ')
  return `${plan.path ?? '(no file)'}  ${plan.id ?? 'Số: /…'}  ${who}`
}

function summaryTable(diff: PlanDiff, paint: Paint): string {
  const head = `${'category'.padEnd(14)}${STATUS_ORDER.map((s) => s.padStart(9)).join('')}`
  const rows = CATEGORIES.map((c) => {
    const counts = diff.summary[c]
    const cells = STATUS_ORDER.map((s) => {
      const cell = String(counts[s]).padStart(9)
      return counts[s] > 0 && s !== 'same' ? paint(s, cell) : cell
    })
    return `${CATEGORY_LABELS[c].padEnd(14)}${cells.join('')}`
  })
  return [paint('bold', head), ...rows].join('\n')
}

function categoryBlock(category: Category, pairs: readonly Pair[], paint: Paint, width: number): string {
  const sorted = STATUS_ORDER.flatMap((s) => pairs.filter((p) => p.status === s))
  const counts = STATUS_ORDER.map((s) => `${pairs.filter((p) => p.status === s).length} ${s}`).join(' · ')
  return [
    paint('bold', `${CATEGORY_LABELS[category].toUpperCase()}  ${counts}`),
    ...sorted.map((p) => pairLines(p, paint, width)),
  ].join('\n')
}

/** One pair: a status line with paths and source lines, then its texts and what differs. */
export function pairLines(pair: Pair, paint: Paint, width: number): string {
  const mark = paint(pair.status, `${MARKS[pair.status]} ${pair.status.padEnd(8)}`)
  const present: [string, DiffSide][] = []
  if (pair.parent) present.push(['parent', pair.parent])
  if (pair.child) present.push(['child', pair.child])
  const paths = present.map(([, s]) => s.path ?? '·').join(' → ')
  const where = present.map(([label, s]) => `${label}:${s.line ?? '?'}`).join('  ')
  const head = `  ${mark} ${paths.padEnd(18)} ${where}`
  const text = pair.parent?.text ?? pair.child?.text ?? ''
  // Same items take one line: they matter only as the context of the others.
  if (pair.status === 'same') return `${head}  ${paint('same', clip(text, Math.max(20, width - 60)))}`
  if (pair.status !== 'changed') return `${head}\n      ${clip(text, width)}`
  return [
    head,
    `      parent  ${clip(pair.parent?.text ?? '', width)}`,
    `      child   ${clip(pair.child?.text ?? '', width)}`,
    ...(pair.changes ?? []).map((change) => `      ${paint('changed', '•')} ${change}`),
  ].join('\n')
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text
}
