import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

/**
 * axe-core in the page under test: its source is injected as a script (no CDN, no extra
 * playwright package) and `axe.run` checks the page as it is shown. Only what a person can
 * perceive counts: hidden pages of Taro's page stack are display:none, which axe skips.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

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
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/** Runs axe on what the page shows now and returns its violations, one finding per rule. */
export async function scanPage(page: Page, name: string): Promise<Finding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async () => {
    // The app gives NutUI's parts their roles on the frame after they render (nutui-a11y.ts):
    // scan after that frame, as a screen reader would meet the page.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } })
      .axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations as AxeViolation[]
  })
  return violations.map((v) => ({
    page: name,
    rule: v.id,
    impact: v.impact ?? 'minor',
    nodes: v.nodes.length,
    example: `${JSON.stringify(v.nodes[0]?.target)} ${(v.nodes[0]?.failureSummary ?? '').split('\n').slice(0, 2).join(' ')}`,
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
