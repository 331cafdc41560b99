/**
 * Where the time went, from a V8 .cpuprofile (node --cpu-prof): top functions by self time,
 * self time by package or source file, and inclusive time of the pipeline's stages.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile | folder (newest profile in it)>
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

// Sync stages of the pipeline (async ones are split across microtasks in a CPU profile).
const STAGES = [
  'markdownBlocks',
  'textBlocks',
  'looksLikeMarkdown',
  'rejoinBlocks',
  'splitDocument',
  'buildSections',
  'flatten',
  'extractFacts',
  'extractMeta',
  'extractReferences',
  'extractItems',
  'extractGroups',
  'extractTargets',
  'extractAwardForms',
  'extractAwardQuotas',
  'extractPhases',
  'extractDeadlines',
  'extractFunding',
  'extractAssignments',
  'extractArticles',
  'extractAppendices',
  'validatePlan',
]

/** Where a function lives: a package for node_modules, a path for our sources, else the frame kind. */
function area(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
  if (pkg) return pkg
  if (url.startsWith('node:')) return 'node internals'
  const ours = /\/(src|schemas|bench)\/(.+)$/.exec(url)
  return ours ? `${ours[1]}/${ours[2]}` : url
}

function newestProfile(path: string): string {
  if (!statSync(path).isDirectory()) return path
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(path, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  if (!files[0]) throw new Error(`No .cpuprofile in \`${path}\``)
  return files[0]
}

function summarize(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  // The time after a sample, until the next one, belongs to the sampled frame.
  for (const [i, id] of profile.samples.entries()) {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const pct = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`
  const line = (ms: number, label: string) => `  ${ms.toFixed(0).padStart(7)} ms ${pct(ms)}  ${label}`

  const fns = new Map<string, number>()
  const areas = new Map<string, number>()
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)?.callFrame ?? {
      functionName: '?',
      url: '',
      lineNumber: 0,
    }
    const where = area(url, functionName)
    const key = `${functionName || '(anonymous)'}  ${where}${url ? `:${lineNumber + 1}` : ''}`
    fns.set(key, (fns.get(key) ?? 0) + ms)
    areas.set(where, (areas.get(where) ?? 0) + ms)
  }

  // Inclusive time of each stage, counted once where it recurses.
  const inclusive = new Map<number, number>()
  const totalOf = (node: ProfileNode): number => {
    const known = inclusive.get(node.id)
    if (known !== undefined) return known
    const sum =
      (self.get(node.id) ?? 0) +
      (node.children ?? []).reduce((s, c) => s + totalOf(byId.get(c) as ProfileNode), 0)
    inclusive.set(node.id, sum)
    return sum
  }
  const stages = new Map<string, number>()
  const walk = (node: ProfileNode, open: Set<string>) => {
    const name = node.callFrame.functionName
    const counts = STAGES.includes(name) && !open.has(name)
    if (counts) stages.set(name, (stages.get(name) ?? 0) + totalOf(node))
    const next = counts ? new Set([...open, name]) : open
    for (const c of node.children ?? []) walk(byId.get(c) as ProfileNode, next)
  }
  const root = profile.nodes[0]
  if (root) walk(root, new Set())
  // Every function of ours, inclusive, counted once where it recurses: what a stage's time is made of.
  const ours = new Map<string, number>()
  const walkAll = (node: ProfileNode, open: Set<string>) => {
    const { functionName, url } = node.callFrame
    const key = `${functionName || '(anonymous)'}  ${area(url, functionName)}`
    const counts = url.includes('/src/') && !open.has(key)
    if (counts) ours.set(key, (ours.get(key) ?? 0) + totalOf(node))
    const next = counts ? new Set([...open, key]) : open
    for (const c of node.children ?? []) walkAll(byId.get(c) as ProfileNode, next)
  }
  if (root) walkAll(root, new Set())

  const sorted = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
  return [
    `sampled ${total.toFixed(0)} ms`,
    '',
    `top ${top} functions by self time:`,
    ...sorted(fns, top).map(([k, ms]) => line(ms, k)),
    '',
    'self time by package or file:',
    ...sorted(areas, 20).map(([k, ms]) => line(ms, k)),
    '',
    'pipeline stages, inclusive:',
    ...sorted(stages, STAGES.length).map(([k, ms]) => line(ms, k)),
    '',
    `top ${top * 2} functions of src/ by inclusive time:`,
    ...sorted(ours, top * 2).map(([k, ms]) => line(ms, k)),
  ].join('\n')
}

const target = process.argv[2] ?? join('bench', 'results', 'profile')
const file = newestProfile(target)
process.stdout.write(`${file}\n${summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile)}\n`)
