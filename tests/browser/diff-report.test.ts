/**
 * The HTML diff report in a real browser (Debian's chromium driven by
 * playwright-core): what a reader sees, not what the markup says. Skipped
 * when /usr/bin/chromium is missing on a developer machine; CI installs it
 * (`apt-get install -y chromium`) and fails here if it did not.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES, type PlanDiff } from '../../schemas/diff.js'
import { CHROMIUM, launchChromium } from '../../scripts/chromium.js'
import { diffPlans, renderHtml } from '../../src/diff/index.js'
import { extractFile } from '../../src/index.js'

const ARTIFACTS = resolve('tests/artifacts')
const README_SHOT = resolve('docs/diff-report.png')
const hasChromium = existsSync(CHROMIUM)
const SKIP_NOTE = `skipped: ${CHROMIUM} not found (install it with \`apt-get install -y chromium\`)`

if (!hasChromium && !process.env.CI) console.warn(`tests/browser/diff-report.test.ts ${SKIP_NOTE}`)

describe.runIf(process.env.CI && !hasChromium)('HTML diff report in Chromium', () => {
  it('needs Chromium, which CI installs', () => {
    throw new Error(`${CHROMIUM} is missing on CI: add \`chromium\` to the apt packages of .ci/run`)
  })
})

describe.skipIf(!hasChromium)(`HTML diff report in Chromium${hasChromium ? '' : ` (${SKIP_NOTE})`}`, () => {
  let browser: Browser
  let page: Page
  let diff: PlanDiff
  const requests: string[] = []

  beforeAll(async () => {
    const [child, parent] = await Promise.all([
      extractFile('corpus/003_e34268d9a63c9a71.txt'),
      extractFile('corpus/000_9dd6dbdf273703a0.txt'),
    ])
    diff = diffPlans(child, parent)
    mkdirSync(ARTIFACTS, { recursive: true })
    const file = join(ARTIFACTS, 'diff-report.html')
    writeFileSync(file, renderHtml(diff))
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(pathToFileURL(file).href)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('shows the Vietnamese names as written, from a UTF-8 page', async () => {
    expect(await page.evaluate('document.characterSet')).toBe('UTF-8')
    await expect.poll(() => page.locator('h1').innerText()).toContain('Ủy ban nhân dân thành phố Vũng Tàu')
    expect(await page.locator('h1').innerText()).toContain('Ủy ban nhân dân tỉnh Hà Nam')
  })

  it('loads nothing but the file itself', () => {
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
  })

  it('shows the count of every status in every category', async () => {
    for (const category of CATEGORIES) {
      const row = page.locator(`#summary tr[data-category="${category}"]`)
      for (const status of ['same', 'changed', 'added', 'removed'] as const) {
        const cell = row.locator(`td[data-count="${status}"]`)
        expect(await cell.innerText(), `${category} ${status}`).toBe(String(diff.summary[category][status]))
      }
    }
  })

  it('shows a removed criterion (the province’s “cấp huyện”) with its source line', async () => {
    const removed = page.locator('#cat-criteria .pair.removed .side.parent')
    await expect.poll(() => removed.first().isVisible()).toBe(true)
    expect(await removed.first().innerText()).toMatch(/III\.1\.c · line \d+\s+Đối với cấp huyện/)
  })

  it('hides removed rows when the removed filter is off, and counts what is shown', async () => {
    const total = CATEGORIES.reduce((n, c) => n + diff[c].length, 0)
    const removed = CATEGORIES.reduce((n, c) => n + diff.summary[c].removed, 0)
    const row = page.locator('#cat-criteria .pair.removed .side.parent').first()
    await page.locator('input[name=status][value=removed]').uncheck()
    expect(await row.isVisible()).toBe(false)
    expect(await page.locator('#shown-count').innerText()).toBe(`${total - removed} of ${total} items shown`)
    await page.locator('input[name=status][value=removed]').check()
    expect(await row.isVisible()).toBe(true)
    expect(await page.locator('#shown-count').innerText()).toBe(`${total} of ${total} items shown`)
  })

  it('hides unchanged rows, and categories without differences, with one toggle', async () => {
    const same = page.locator('.pair.same .side.parent').first()
    expect(await same.isVisible()).toBe(true)
    await page.locator('#hide-unchanged').check()
    expect(await same.isVisible()).toBe(false)
    expect(await page.locator('#cat-objectives').isVisible()).toBe(false)
    expect(await page.locator('#cat-awardQuotas .pair.added .side.child').first().isVisible()).toBe(true)
  })

  it('saves screenshots: the whole report, its top, and the assignments for the README', async () => {
    // "Hide unchanged" is on (previous test): the pages hold the counts and the real differences.
    await page.evaluate('window.scrollTo(0, 0)')
    const top = await page.screenshot({ path: join(ARTIFACTS, 'diff-report-top.png') })
    expect(top.byteLength).toBeGreaterThan(10_000)
    await page.screenshot({ path: join(ARTIFACTS, 'diff-report.png'), fullPage: true })
    // Below the sticky filter bar: the category heading with its counts, the all-agencies clause VII.1, then
    // Sở ↔ Phòng side by side (VII.2), in a taller window so that both fit
    // (a string, evaluated in the page: this project's TypeScript has no DOM types).
    await page.setViewportSize({ width: 1280, height: 1500 })
    await page.evaluate(`{
      const heading = document.querySelector('#cat-assignments')
      const bar = document.querySelector('#controls').getBoundingClientRect().height
      window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - bar - 8)
    }`)
    const shot = await page.screenshot()
    mkdirSync(resolve('docs'), { recursive: true })
    writeFileSync(README_SHOT, shot)
  })
})
