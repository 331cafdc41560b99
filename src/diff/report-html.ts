/**
 * The HTML report: one self-contained file (inline style and script, no
 * network: a Content-Security-Policy forbids every fetch), parent and child
 * side by side, counts per category, status filters and a hide-unchanged
 * toggle. Every document string is escaped.
 */
import {
  CATEGORIES,
  type Category,
  type Pair,
  type PlanDiff,
  type PlanRef,
  type Status,
} from '../../schemas/diff.js'
import { CATEGORY_LABELS, STATUS_ORDER } from './report-text.js'
import { sideRuns, wordSegments } from './words.js'

const STATUS_LABELS: Readonly<Record<Status, string>> = {
  removed: 'removed',
  added: 'added',
  changed: 'changed',
  same: 'same',
}

/** The whole report as one HTML document. */
export function renderHtml(diff: PlanDiff): string {
  const title = `kh diff: ${diff.child.issuer ?? 'child'} ↔ ${diff.parent.issuer ?? 'parent'}`
  const total = CATEGORIES.reduce((n, c) => n + diff[c].length, 0)
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
${plansTable(diff)}
</header>
<nav id="controls" aria-label="filters">
${STATUS_ORDER.map((s) => `<label class="filter ${s}"><input type="checkbox" name="status" value="${s}" checked> ${STATUS_LABELS[s]}</label>`).join('\n')}
<label class="toggle"><input type="checkbox" id="hide-unchanged"> hide unchanged</label>
<span id="shown-count" aria-live="polite">${total} of ${total} items shown</span>
</nav>
${summaryTable(diff)}
<main>
${CATEGORIES.map((c) => categorySection(c, diff)).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`
}

function plansTable(diff: PlanDiff): string {
  const cite = diff.citation
  const basis = cite.cited
    ? `cites the parent as <b>${esc(cite.reference ?? '')}</b> (line ${cite.line ?? '?'})`
    : `does <b>not</b> cite the parent among its legal bases (${esc(cite.legalBases.join(', ') || 'none')})`
  const how =
    cite.by === 'number'
      ? 'matched by number/symbol'
      : 'matched by issuer and title: the parent’s number is blank'
  return `<table class="plans">
<tr><th>child</th>${planCells(diff.child)}</tr>
<tr><th>parent</th>${planCells(diff.parent)}</tr>
<tr><th>levels</th><td colspan="3">${esc(diff.levels.text)}</td></tr>
<tr><th>legal basis</th><td colspan="3" id="citation">The child ${basis}; ${esc(how)}.</td></tr>
<tr><th>pairing</th><td colspan="3">by content, at similarity ≥ ${diff.threshold}</td></tr>
</table>`
}

function planCells(plan: PlanRef): string {
  return `<td>${esc(plan.issuer ?? '—')} <span class="muted">(${esc(plan.level ?? 'level unknown')})</span></td><td>${esc(plan.id ?? 'Số: /…')}</td><td class="muted">${esc(plan.path ?? '')}</td>`
}

function summaryTable(diff: PlanDiff): string {
  const rows = CATEGORIES.map((c) => {
    const counts = diff.summary[c]
    const cells = STATUS_ORDER.map(
      (s) => `<td class="${counts[s] > 0 ? s : 'zero'}" data-count="${s}">${counts[s]}</td>`,
    )
    return `<tr data-category="${c}"><th><a href="#cat-${c}">${CATEGORY_LABELS[c]}</a></th>${cells.join('')}</tr>`
  })
  return `<table id="summary"><thead><tr><th>category</th>${STATUS_ORDER.map((s) => `<th>${s}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`
}

function categorySection(category: Category, diff: PlanDiff): string {
  const pairs = diff[category]
  const counts = diff.summary[category]
  const badges = STATUS_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `<span class="badge ${s}">${counts[s]} ${s}</span>`)
    .join(' ')
  const differs = counts.added + counts.removed + counts.changed > 0
  const body =
    pairs.length === 0
      ? '<p class="muted">Neither plan has any.</p>'
      : `<div class="grid"><div class="head">status</div><div class="head">parent</div><div class="head">child</div>
${pairs.map(pairRow).join('\n')}</div>`
  return `<section id="cat-${category}" class="category" data-differs="${differs}">
<h2>${CATEGORY_LABELS[category]} ${badges}</h2>
${body}
</section>`
}

/** One pair as a row of the side-by-side grid: status, parent, child, then what differs. */
export function pairRow(pair: Pair): string {
  const runs =
    pair.status === 'changed' && pair.parent && pair.child
      ? wordSegments(pair.parent.text, pair.child.text)
      : null
  const side = (which: 'parent' | 'child'): string => {
    const s = pair[which]
    if (!s) return `<div class="side ${which} empty">—</div>`
    const text = runs
      ? sideRuns(runs, which)
          .map((r) =>
            r.kind === 'same'
              ? esc(r.text)
              : `<${r.kind === 'added' ? 'ins' : 'del'}>${esc(r.text)}</${r.kind === 'added' ? 'ins' : 'del'}>`,
          )
          .join('')
      : esc(s.text)
    return `<div class="side ${which}"><div class="where">${esc(s.path ?? '—')} · line ${s.line ?? '?'}</div><div class="text">${text}</div></div>`
  }
  const changes = pair.changes?.length
    ? `<ul class="changes">${pair.changes.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`
    : ''
  return `<div class="pair ${pair.status}" data-status="${pair.status}">
<div class="status"><span class="badge ${pair.status}">${pair.status}</span>${similarityLabel(pair)}</div>
${side('parent')}
${side('child')}
${changes}</div>`
}

// A pair shows its own score; an unpaired item the best it reached, which was below the threshold.
function similarityLabel(pair: Pair): string {
  const paired = pair.parent !== null && pair.child !== null
  const title = paired ? 'similarity of the pair' : 'best similarity to any item of the other plan'
  return `<span class="sim" title="${title}">${paired ? '' : 'best '}${pair.similarity.toFixed(2)}</span>`
}

/** Escape text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

const STYLE = `
:root { --removed: #b42318; --removed-bg: #fdecea; --added: #067647; --added-bg: #e7f6ec; --changed: #a15c07;
  --changed-bg: #fff4e0; --same: #667085; --line: #d0d5dd; }
* { box-sizing: border-box; }
body { font: 15px/1.5 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; margin: 0 auto; max-width: 1400px;
  padding: 1rem 1.5rem 4rem; color: #101828; }
h1 { font-size: 1.35rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
table { border-collapse: collapse; }
.plans th { text-align: left; padding: .15rem 1rem .15rem 0; vertical-align: top; font-weight: 600; }
.plans td { padding: .15rem 1rem .15rem 0; vertical-align: top; }
.muted { color: var(--same); }
#controls { position: sticky; top: 0; background: #fff; padding: .6rem 0; border-bottom: 1px solid var(--line);
  display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; z-index: 1; margin-top: 1rem; }
#controls label { cursor: pointer; user-select: none; }
#shown-count { margin-left: auto; color: var(--same); }
#summary { margin-top: 1rem; }
#summary th, #summary td { border: 1px solid var(--line); padding: .2rem .7rem; text-align: right; }
#summary th:first-child { text-align: left; }
#summary td.zero { color: #98a2b3; }
td.removed, .filter.removed { color: var(--removed); font-weight: 600; }
td.added, .filter.added { color: var(--added); font-weight: 600; }
td.changed, .filter.changed { color: var(--changed); font-weight: 600; }
.badge { display: inline-block; font-size: .78rem; font-weight: 600; border-radius: 4px; padding: 0 .4rem; }
.badge.removed { background: var(--removed-bg); color: var(--removed); }
.badge.added { background: var(--added-bg); color: var(--added); }
.badge.changed { background: var(--changed-bg); color: var(--changed); }
.badge.same { background: #f2f4f7; color: var(--same); }
.grid { display: grid; grid-template-columns: 7.5rem 1fr 1fr; border-top: 1px solid var(--line); }
.grid .head { font-weight: 600; padding: .3rem .5rem; border-bottom: 1px solid var(--line); color: var(--same); }
.pair { display: contents; }
.pair > div, .pair > ul { padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
.pair.removed > div { background: var(--removed-bg); }
.pair.added > div { background: var(--added-bg); }
.pair.same .text { color: #475467; }
.status .sim { display: block; color: var(--same); font-size: .8rem; }
.where { font-size: .8rem; color: var(--same); font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.side.empty { color: #98a2b3; }
.changes { grid-column: 2 / 4; margin: 0; padding-left: 2rem !important; font-size: .88rem; background: var(--changed-bg); }
del { background: #fbd5d0; color: var(--removed); text-decoration: line-through; }
ins { background: #c8ecd4; color: var(--added); text-decoration: none; }
.hidden { display: none !important; }
`

// Filters: a pair is shown when its status box is ticked, and, with "hide unchanged",
// when it is not "same"; categories without differences then disappear too.
const SCRIPT = `
(function () {
  var boxes = document.querySelectorAll('input[name=status]');
  var hideSame = document.getElementById('hide-unchanged');
  var shown = document.getElementById('shown-count');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var pairs = document.querySelectorAll('.pair'), visible = 0;
    pairs.forEach(function (p) {
      var s = p.getAttribute('data-status');
      var show = on[s] && !(hideSame.checked && s === 'same');
      p.classList.toggle('hidden', !show);
      if (show) visible++;
    });
    document.querySelectorAll('section.category').forEach(function (c) {
      c.classList.toggle('hidden', hideSame.checked && c.getAttribute('data-differs') !== 'true');
    });
    shown.textContent = visible + ' of ' + pairs.length + ' items shown';
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  hideSame.addEventListener('change', apply);
  apply();
})();
`
