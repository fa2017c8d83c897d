/**
 * `npm run build:h5`, after `taro build`: gives dist-h5/index.html a first paint of 首页, so a
 * signed-in resident on a slow phone sees 首页's first screen as soon as the page arrives
 * instead of after every script (docs/design.md, "H5 first load").
 *
 * The copy is made from the real 首页, not written by hand: Debian's Chromium opens this build
 * (served from disk, the functions never answering, so 首页 shows what it shows everyone
 * before its data: no name, no community, no workers), and scripts/first-paint/capture-in-page.ts
 * copies the tab bar and the page as static markup plus the style rules that apply to it.
 * index.html then carries:
 * - app.css inline instead of linked (a linked sheet holds back any paint until it arrives: one
 *   more round trip on a slow network);
 * - a <template> with the copy and its rules, and an inline script that shows it when 首页 is
 *   what the app will open and removes it once Taro has put a page on screen
 *   (scripts/first-paint/show-in-page.ts).
 * e2e/first-paint.e2e.ts checks the copy against the real 首页 (same parts, texts and places).
 *
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) it says so and leaves index.html
 * as Taro wrote it: the app works the same, without the first paint.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { contentTypeOf, resolveInside } from '../host/static-files'
import { CAPTURE_IN_PAGE } from './first-paint/capture-in-page'
import { SHOW_IN_PAGE } from './first-paint/show-in-page'

const H5_DIR = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist-h5'))
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** A name that never resolves: every request is answered from H5_DIR by the route below. */
const ORIGIN = 'http://first-paint.invalid'
/** The part of the page that is copied: Taro's tab bar container holds the page and the bar. */
const ROOT = '.taro-tabbar__container'
const WAIT_FOR = '[data-testid="home-entry-stations"]'
/** Parts whose text depends on the hour or the person: their place is kept, their text hidden. */
const BLANK = ['home-greeting']
const MARKER = 'data-first-paint-template'

async function capture(indexHtml: string, appCssHref: string): Promise<{ markup: string; css: string }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] })
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    // Any token: the page only needs one to stay on 首页; the functions never answer.
    await context.addInitScript(() => localStorage.setItem('mhwx.token', JSON.stringify({ data: 'first-paint' })))
    await context.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url())
      if (url.pathname.startsWith('/api/')) return // left pending: 首页 stays as it is before its data
      const file = url.pathname === '/' ? path.join(H5_DIR, 'index.html') : resolveInside(H5_DIR, url.pathname)
      if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: '' })
      const body = file.endsWith('index.html') ? indexHtml : readFileSync(file)
      await route.fulfill({ status: 200, contentType: contentTypeOf(file), body })
    })
    const page = await context.newPage()
    const errors: Error[] = []
    page.on('pageerror', (e) => errors.push(e))
    await page.goto(`${ORIGIN}/`)
    await page.waitForSelector(WAIT_FOR, { state: 'visible', timeout: 60_000 })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    if (errors.length > 0) throw new Error(`first paint: 首页 failed in the browser: ${errors[0]?.message}`)
    return await page.evaluate(
      `${CAPTURE_IN_PAGE}(${JSON.stringify(ROOT)}, ${JSON.stringify(BLANK)}, ${JSON.stringify(appCssHref)})`,
    )
  } finally {
    await browser.close()
  }
}

/** The copy's own frame: laid over the page until the real one replaces it. */
const FRAME_CSS =
  '.first-paint{position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;overflow:hidden;pointer-events:none}'

/** index.html with app.css inline and the first paint before the app's mount point. */
export function withFirstPaint(
  indexHtml: string,
  appCss: { href: string; text: string },
  shot: { markup: string; css: string },
): string {
  for (const text of [appCss.text, shot.css, shot.markup])
    if (/<\/(style|template|script)/i.test(text)) throw new Error('first paint: markup would close its container')
  const link = `<link href="${appCss.href}" rel="stylesheet">`
  if (!indexHtml.includes(link)) throw new Error(`first paint: ${appCss.href} is not linked in index.html`)
  const mount = '<div id="app"></div>'
  if (!indexHtml.includes(mount)) throw new Error('first paint: index.html has no <div id="app">')
  const template =
    `<template hidden ${MARKER}><div class="first-paint" aria-hidden="true" inert>` +
    `<style>${FRAME_CSS}\n${shot.css}</style>${shot.markup}</div></template><script>${SHOW_IN_PAGE}</script>`
  // Functions, not strings, as replacements: CSS may hold `$'` or `$&` (attribute selectors).
  return indexHtml.replace(link, () => `<style>${appCss.text}</style>`).replace(mount, () => template + mount)
}

async function main(): Promise<void> {
  const file = path.join(H5_DIR, 'index.html')
  const indexHtml = readFileSync(file, 'utf8')
  if (indexHtml.includes(MARKER)) throw new Error(`${file} has a first paint already: build again (npm run build:h5)`)
  if (!existsSync(CHROMIUM)) {
    console.warn(`first paint: ${CHROMIUM} is missing (apt-get install -y chromium): index.html left without one`)
    return
  }
  const href = /<link href="([^"]+\.css)" rel="stylesheet">/.exec(indexHtml)?.[1]
  if (!href) throw new Error('first paint: index.html links no style sheet')
  // url() in app.css is relative to css/; inline it is relative to the page.
  const text = readFileSync(resolveInside(H5_DIR, href) ?? '', 'utf8').replace(/url\((['"]?)\.\.\//g, 'url($1/')
  const shot = await capture(indexHtml, href)
  const html = withFirstPaint(indexHtml, { href, text }, shot)
  writeFileSync(file, html)
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
  console.log(
    `first paint: index.html ${kib(indexHtml.length)} → ${kib(Buffer.byteLength(html))} ` +
      `(${kib(brotliCompressSync(html).length)} brotli; copy ${kib(shot.markup.length)}, its rules ${kib(shot.css.length)})`,
  )
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
