/**
 * Example queries over the SQLite export, as data: the README prints them and
 * tests/export.test.ts runs them, so the documented text is the tested text.
 */

export interface ExampleQuery {
  /** Stable kebab-case name. */
  name: string
  /** What the query answers, in one sentence. */
  description: string
  /** The SQL, ready to paste into `sqlite3`. */
  sql: string
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    name: 'deadlines-in-december',
    description: 'Every deadline in December across all plans.',
    sql: `SELECT d.source_path, d.line, d.due_kind, d.due_day, d.relation, d.text
FROM deadlines AS d
WHERE d.due_month = 12
ORDER BY d.source_path, d.line`,
  },
  {
    name: 'plans-where-education-leads',
    description:
      'Plans in which Sở Giáo dục và Đào tạo (or its district counterpart, Phòng Giáo dục và Đào tạo: same key) leads a task.',
    sql: `SELECT DISTINCT p.source_path, p.title
FROM tasks AS t
JOIN agencies AS a ON a.assignment_id = t.assignment_id AND a.role = 'assignee'
JOIN plans AS p ON p.id = t.plan_id
WHERE t.role = 'lead' AND a.key = 'giao-duc-va-dao-tao'
ORDER BY p.source_path`,
  },
  {
    name: 'items-mentioning-dao-tao',
    description:
      'Items that mention “đào tạo” however it is typed: search the folded column in lower-case ASCII.',
    sql: `SELECT i.source_path, i.line, i.kind, i.text
FROM items AS i
WHERE i.search LIKE '%dao tao%'
ORDER BY i.source_path, i.line`,
  },
  {
    name: 'agencies-leading-most-tasks',
    description:
      'Which agencies lead the most tasks, and in how many plans: by key, so a Sở and its district Phòng count as one.',
    sql: `SELECT a.key, count(DISTINCT t.id) AS lead_tasks, count(DISTINCT t.plan_id) AS plans
FROM tasks AS t
JOIN agencies AS a ON a.assignment_id = t.assignment_id AND a.role = 'assignee'
WHERE t.role = 'lead'
GROUP BY a.key
ORDER BY lead_tasks DESC, plans DESC, a.key`,
  },
  {
    name: 'documents-cited-by-several-plans',
    description: 'Documents more than one plan cites: the parents the plans have in common.',
    sql: `SELECT r.citation, min(r.kind) AS kind, count(DISTINCT r.plan_id) AS plans
FROM "references" AS r
GROUP BY r.citation
HAVING count(DISTINCT r.plan_id) > 1
ORDER BY plans DESC, r.citation`,
  },
]

/** The example query called `name`. */
export function exampleQuery(name: string): ExampleQuery {
  const query = EXAMPLE_QUERIES.find((q) => q.name === name)
  if (!query)
    throw new Error(`No example query \`${name}\`; known: ${EXAMPLE_QUERIES.map((q) => q.name).join(', ')}`)
  return query
}
