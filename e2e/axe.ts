import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

/**
 * axe-core in the page under test: its source is injected as a script (no CDN, no extra
 * playwright package) and `axe.run` checks the page as it is shown.
 *
 * Only the page being shown is scanned, and only once it is the page asked for. Taro's H5
 * router mounts a page after the hash changes (playwright's goto has long returned by then),
 * keeps the pages of its stack in the document, and hides (`taro_page_shade`) or destroys
 * the one left behind on timers. Scanning as soon as nothing was loading met the page before
 * in 12 of 15 staff stops, or one being torn down mid-scan: 发布活动's unlabelled field
 * turned up as 住户's. So a scan waits until exactly one page is displayed, in place, and is
 * the one expected, and excludes every other `.taro_page` from axe's context anyway; what is
 * outside the pages (the tab bar, NutUI's portals) is still scanned.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** How long Taro may take to show a page and hide the one left behind (its animation is 300 ms). */
const SETTLE_MS = 10_000

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical'

export interface Finding {
  page: string
  rule: string
  impact: Impact
  /** How many elements fail the rule on this page. */
  nodes: number
  /** The first failing element's selector and axe's summary, to find it again. */
  example: string
}

interface AxeViolation {
  id: string
  impact: Impact | null
  nodes: { target: unknown[]; html: string; failureSummary?: string }[]
}

/**
 * The id of the one `.taro_page` shown and in place (Taro names a page's container by its
 * path and a stamp), once there is exactly one and, when `path` is given, it is that page's.
 * Throws when the router does not settle there in time: a scan must never meet another page.
 */
export async function shownPage(page: Page, path?: string): Promise<string> {
  const handle = await page.waitForFunction(
    (want) => {
      const displayed = Array.from(document.querySelectorAll('.taro_page')).filter(
        (p) => getComputedStyle(p).display !== 'none',
      )
      const top = displayed[0]
      if (displayed.length !== 1 || !top) return false
      // Tab pages are shown without the slide; other pages are in place once stationed.
      const still = top.classList.contains('taro_tabbar_page') || top.classList.contains('taro_page_stationed')
      const there = want === null || top.id.split('?')[0] === want
      return still && there ? top.id : false
    },
    path?.split('?')[0] ?? null,
    { timeout: SETTLE_MS, polling: 50 },
  )
  return (await handle.jsonValue()) as string
}

/** Runs axe on the page shown now (and what is outside every page) and returns its violations, one finding per rule. */
export async function scanPage(page: Page, name: string, path?: string): Promise<Finding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE })
  const shown = await shownPage(page, path)
  const violations = await page.evaluate(async (current) => {
    // The app gives NutUI's parts their roles on the frame after they render (nutui-a11y.ts):
    // scan after that frame, as a screen reader would meet the page.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } })
      .axe
    const others = Array.from(document.querySelectorAll('.taro_page'))
      .filter((p) => p.id !== current)
      .map((p) => [`.taro_page#${CSS.escape(p.id)}`])
    const result = await axe.run({ exclude: others }, { resultTypes: ['violations'] })
    // axe's own landmark-one-main and page-has-heading-one pass whenever a dialog is in the
    // document (NutUI keeps its closed ones there), so the page's outline is counted here.
    const inShown = (selector: string) =>
      Array.from(document.querySelectorAll(selector)).filter((el) => {
        const owner = el.closest('.taro_page')
        return !owner || owner.id === current
      }).length
    const outline: AxeViolation[] = [
      { id: 'one-main-landmark', count: inShown('main, [role="main"]') },
      { id: 'one-level-1-heading', count: inShown('h1, [role="heading"][aria-level="1"]') },
    ]
      .filter((o) => o.count !== 1)
      .map((o) => ({ id: o.id, impact: 'moderate', nodes: [{ target: ['html'], html: `${o.count} found` }] }))
    return [...(result.violations as AxeViolation[]), ...outline]
  }, shown)
  return violations.map((v) => ({
    page: name,
    rule: v.id,
    impact: v.impact ?? 'minor',
    nodes: v.nodes.length,
    example: `${JSON.stringify(v.nodes[0]?.target)} ${(v.nodes[0]?.html ?? '').slice(0, 160)} ${(v.nodes[0]?.failureSummary ?? '').split('\n').slice(0, 2).join(' ')}`,
  }))
}
/** Failing elements per impact, summed over every page scanned. */
export function countByImpact(findings: readonly Finding[]): Record<Impact, number> {
  const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 }
  for (const f of findings) counts[f.impact] += f.nodes
  return counts
}

/** Serious and critical findings: the ones that fail the gate. */
export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')
}

/** Pages without exactly one main landmark and one level-1 heading (every page has both, from PageShell). */
export function missingOutline(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'one-main-landmark' || f.rule === 'one-level-1-heading')
}
