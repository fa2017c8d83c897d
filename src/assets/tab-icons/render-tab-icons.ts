/**
 * Draws the tab bar icons (WeChat wants PNG files, ≤ 40 KB, 81×81 recommended) from the
 * SVG paths below with Debian's Chromium, so the icons are reproducible from source.
 *
 *   npx tsx src/assets/tab-icons/render-tab-icons.ts
 */
import path from 'node:path'
import { chromium } from 'playwright-core'
import { COLORS } from '../../styles/colors'

const ICONS: Record<string, string> = {
  // a house with a door
  home: '<path d="M12 40 L40 16 L68 40" fill="none" stroke="C" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/><path d="M20 36 V66 H60 V36" fill="none" stroke="C" stroke-width="6" stroke-linejoin="round"/><rect x="34" y="48" width="12" height="18" fill="C"/>',
  // a speech bubble with three dots
  inbox:
    '<path d="M14 18 H66 A6 6 0 0 1 72 24 V52 A6 6 0 0 1 66 58 H36 L22 70 V58 H14 A6 6 0 0 1 8 52 V24 A6 6 0 0 1 14 18 Z" fill="none" stroke="C" stroke-width="6" stroke-linejoin="round"/><circle cx="26" cy="38" r="4" fill="C"/><circle cx="40" cy="38" r="4" fill="C"/><circle cx="54" cy="38" r="4" fill="C"/>',
  // a person
  me: '<circle cx="40" cy="26" r="13" fill="none" stroke="C" stroke-width="6"/><path d="M14 70 C14 52 26 46 40 46 C54 46 66 52 66 70" fill="none" stroke="C" stroke-width="6" stroke-linecap="round"/>',
}
const TAB_COLORS = { '': COLORS.iconIdle, '-active': COLORS.brand }

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, body] of Object.entries(ICONS)) {
    for (const [suffix, color] of Object.entries(TAB_COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80">${body.replace(/"C"/g, `"${color}"`)}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      await page.screenshot({
        path: path.join(__dirname, `${name}${suffix}.png`),
        omitBackground: true,
        clip: { x: 0, y: 0, width: 81, height: 81 },
      })
    }
  }
  await browser.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
