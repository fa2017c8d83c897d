import type { Page } from 'playwright-core'

/**
 * What a page shows, measured in the browser: the size of every visible piece of text, every
 * control's tap target, and anything that sticks out of the screen. Used to check 大字 and the
 * 360 px layout on the main pages.
 */
export interface PageMeasure {
  /** Font size in px of each visible element that holds text directly, keyed by its place in the DOM. */
  text: Record<string, number>
  /** Controls shorter than `minTap` px: their name and height. */
  smallTargets: string[]
  /** The smallest control height seen, in px. */
  minTarget: number
  /** Elements whose box reaches past the right edge of the screen, or whose text is cut. */
  clipped: string[]
}

/** Measures the current page: controls must be at least `minTap` px tall. */
export function measurePage(page: Page, minTap: number): Promise<PageMeasure> {
  return page.evaluate((min) => {
    const CONTROLS =
      'a[href], button, input, textarea, select, [role="button"], [role="link"], [role="switch"], [role="tab"], [tabindex="0"]'
    // A 1 px box is there for screen readers only (the visually hidden page heading).
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width <= 1 || r.height <= 1) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
    }
    const path = (el: Element): string => {
      const parts: string[] = []
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        const parent: Element | null = e.parentElement
        parts.unshift(
          `${e.tagName.toLowerCase()}${parent ? `:${Array.prototype.indexOf.call(parent.children, e)}` : ''}`,
        )
      }
      return parts.join('>')
    }
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/)[0] ?? ''} “${(el.textContent ?? '').trim().slice(0, 12)}”`
    // Sideways scrollers (tab strips, swipers) may hold more than the screen on purpose.
    const inScroller = (el: Element) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (s.overflowX === 'auto' || s.overflowX === 'scroll') return true
      }
      return false
    }
    // Taro keeps the pages under the current one in the document; only the top one (and the
    // tab bar, outside every page) is what the person sees.
    const pages = Array.from(document.querySelectorAll('.taro_page')).filter(
      (p) => getComputedStyle(p).display !== 'none',
    )
    const current = pages[pages.length - 1]
    const onScreen = (el: Element) => {
      const owner = el.closest('.taro_page')
      return !owner || owner === current
    }
    const width = document.documentElement.clientWidth
    const text: Record<string, number> = {}
    const clipped: string[] = []
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!onScreen(el) || !visible(el) || inScroller(el)) continue
      const ownText = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      )
      if (ownText) text[path(el)] = parseFloat(getComputedStyle(el).fontSize)
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      const cut =
        ownText && (s.overflowX === 'hidden' || s.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1
      if (r.right > width + 1 || cut) clipped.push(name(el))
    }
    const smallTargets: string[] = []
    let minTarget = Infinity
    for (const el of Array.from(document.body.querySelectorAll(CONTROLS))) {
      if (!onScreen(el) || !visible(el) || el.closest('.tappable--inline')) continue
      // NutUI draws an input inside a taller field; the field is what a finger hits.
      const box = (el.closest('.nut-input, .nut-textarea, .nut-cell, .nut-searchbar') ?? el).getBoundingClientRect()
      minTarget = Math.min(minTarget, box.height)
      if (box.height < min - 0.5) smallTargets.push(`${name(el)} ${Math.round(box.height)}px`)
    }
    return { text, smallTargets, minTarget: Math.round(minTarget * 10) / 10, clipped }
  }, minTap)
}

/** The text that did not grow at least `ratio` times between two measures of the same page. */
export function notScaled(normal: PageMeasure, large: PageMeasure, ratio: number): string[] {
  const out: string[] = []
  for (const [key, size] of Object.entries(normal.text)) {
    const bigger = large.text[key]
    if (bigger !== undefined && bigger < size * ratio - 0.5)
      out.push(`${key.split('>').slice(-2).join('>')} ${size}→${bigger}px`)
  }
  return out
}
