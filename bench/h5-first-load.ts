/**
 * H5 first load on a slow phone: Debian's Chromium (playwright-core) against the local host
 * serving this worktree's `dist-h5/` (build it first: `npm run build:h5`), throttled through
 * the DevTools protocol like DevTools' "Fast 3G" (562.5 ms RTT, ~1.44 Mbit/s down, 675 kbit/s
 * up) with the CPU 4× slower. Each run is a signed-in resident on a phone with an empty
 * cache (fresh browser context carrying only the demo login's token: without one the app
 * sends a visitor to the login page) opening 首页. Two figures, each from navigation start:
 *   to content   — 首页's service entries are on screen: the first paint's copy of them
 *                  (index.html, scripts/h5-first-paint.ts) or the real ones, whichever is first
 *   interactive  — the real entries are on screen: React has mounted 首页 and their handlers
 *                  are attached (the warm-up taps one after a fresh load to check that they
 *                  work). It is the first frame that paints them, not a quiet main thread: 首页's
 *                  effects (its data requests, Taro's page show) run in the task right after,
 *                  ~0.15 s on the 4× slower CPU, and a tap in that moment waits for it
 * (a build without the first paint has one figure twice). Each is the first animation frame at
 * which the entries have a size, recorded in the page. Two ways of serving, same build, same run:
 *   uncompressed — the browser says `Accept-Encoding: identity` (what the host sent before)
 *   compressed   — brotli as the browser asks for it
 *
 *   npx tsx bench/h5-first-load.ts            (BENCH_RUNS=3 per way)
 *   BENCH_H5_DIR=/tmp/before npx tsx bench/h5-first-load.ts   (another build, to compare two
 *   builds back to back under the same load)
 * Where the time goes, per run (medians printed): "scripts in" is when the last script of the
 * first screen had arrived, "main thread" the renderer's busy time until interactive from the
 * DevTools Performance domain (4× throttled, so what a slow phone spends): script compile and
 * run, style recalculation and layout.
 * Figures are printed, never asserted.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { seedDemo } from '../demo'
import { createHost } from '../host'
import { percentile } from './lib/measure'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const H5_DIR = path.resolve(process.env.BENCH_H5_DIR ?? path.join(__dirname, '..', 'dist-h5'))
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** DevTools' "Fast 3G" preset (bytes per second, ms). */
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
}
const INTERACTIVE = '[data-testid="home-entry-stations"]'
const CONTENT = `${INTERACTIVE}, .first-paint [data-first-paint="home-entry-stations"]`
const RESIDENT = 'demo-resident-1'

interface Load {
  contentMs: number
  interactiveMs: number
  scriptsInMs: number
  scriptMs: number
  styleLayoutMs: number
  taskMs: number
  transferred: number
  jsTransferred: number
  jsDecoded: number
  requests: number
}

interface Marked {
  marks: { content?: number; interactive?: number }
}

/**
 * Runs in the page before anything else: on every animation frame until both are seen, the
 * first time each selector's element has a size (that frame is the one that paints it). Source
 * text, not a function: the TypeScript runner would wrap the inner function in a helper the
 * page does not have.
 */
const RECORD_MARKS = String.raw`(function (selectors) {
  var marks = (window.marks = {})
  function shown(selector) {
    var el = document.querySelector(selector)
    var box = el && el.getBoundingClientRect()
    return Boolean(box && box.width > 0 && box.height > 0)
  }
  function frame(now) {
    if (marks.content === undefined && shown(selectors.content)) marks.content = now
    if (marks.interactive === undefined && shown(selectors.interactive)) marks.interactive = now
    if (marks.interactive === undefined) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})`

type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>

async function firstLoad(browser: Browser, url: string, compressed: boolean, storageState: SignedIn): Promise<Load> {
  const context = await browser.newContext({
    storageState,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', FAST_3G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } })
  const types = new Map<string, string>()
  const decoded = new Map<string, number>()
  let transferred = 0
  let jsTransferred = 0
  let requests = 0
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => types.set(e.requestId, e.type))
  cdp.on('Network.dataReceived', (e: { requestId: string; dataLength: number }) =>
    decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength),
  )
  let jsDecoded = 0
  let navigationStart = 0
  let scriptsIn = 0
  cdp.on('Network.requestWillBeSent', (e: { type?: string; timestamp: number }) => {
    if (e.type === 'Document' && navigationStart === 0) navigationStart = e.timestamp
  })
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number; timestamp: number }) => {
    requests++
    transferred += e.encodedDataLength
    if (types.get(e.requestId) === 'Script') {
      jsTransferred += e.encodedDataLength
      jsDecoded += decoded.get(e.requestId) ?? 0
      scriptsIn = Math.max(scriptsIn, e.timestamp)
    }
  })
  await page.addInitScript({
    content: `${RECORD_MARKS}(${JSON.stringify({ content: CONTENT, interactive: INTERACTIVE })})`,
  })
  await page.goto(url, { waitUntil: 'commit' })
  const marks = await page.waitForFunction(() => (window as unknown as Marked).marks?.interactive, undefined, {
    timeout: 120_000,
  })
  await marks.dispose()
  const { content, interactive } = await page.evaluate(() => (window as unknown as Marked).marks)
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
  await context.close()
  return {
    contentMs: content ?? interactive ?? 0,
    interactiveMs: interactive ?? 0,
    scriptsInMs: (scriptsIn - navigationStart) * 1000,
    scriptMs: metric('ScriptDuration'),
    styleLayoutMs: metric('RecalcStyleDuration') + metric('LayoutDuration'),
    taskMs: metric('TaskDuration'),
    transferred,
    jsTransferred,
    jsDecoded,
    requests,
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(H5_DIR, 'index.html')))
    throw new Error(`${H5_DIR}/index.html is missing: run \`npm run build:h5\` first`)
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-bench-h5-'))
  const host = createHost({
    dbFile: path.join(work, 'h5.sqlite'),
    devMode: true,
    secret: 'bench',
    h5Dir: H5_DIR,
    dataDir: work,
    sweepIntervalMs: 0,
    log: () => undefined,
    quiet: true,
  })
  await seedDemo(host.runtime)
  const url = await host.listen(0)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    // The host compresses each file once, on first request: that is not a visitor's first load.
    // The warm-up also signs in as a resident (the demo login page) to get the token each run carries.
    const warm = await browser.newContext()
    const page = await warm.newPage()
    await page.goto(new URL('/#/pages/login/index', url).href)
    await page.getByTestId(`login-${RESIDENT}`).click()
    await page.waitForSelector(INTERACTIVE, { timeout: 120_000 })
    const signedIn = await warm.storageState()
    // "Interactive" means the entries respond: after a fresh load (the first paint's hand-over,
    // if the build has one), tapping one opens its page.
    await page.goto(url)
    await page.locator(INTERACTIVE).click()
    await page.waitForURL(/pages\/stations\/index/, { timeout: 120_000 })
    await warm.close()
    console.log(
      `H5 first load of 首页, Fast 3G + 4× CPU, ${RUNS} fresh signed-in residents each, Chromium ${browser.version()}, ` +
        `${H5_DIR}, load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    )
    for (const compressed of [false, true]) {
      const loads: Load[] = []
      for (let i = 0; i < RUNS; i++) loads.push(await firstLoad(browser, url, compressed, signedIn))
      const last = loads[loads.length - 1] as Load
      const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`
      const median = (pick: (l: Load) => number) =>
        `${(
          percentile(
            loads.map(pick).sort((a, b) => a - b),
            50,
          ) / 1000
        ).toFixed(2)} s`
      const runs = (pick: (l: Load) => number) => `(runs ${loads.map((l) => (pick(l) / 1000).toFixed(2)).join(', ')})`
      console.log(
        `${(compressed ? 'compressed (br)' : 'uncompressed').padEnd(16)} to content median ${median((l) => l.contentMs)} ${runs((l) => l.contentMs)}, ` +
          `interactive ${median((l) => l.interactiveMs)} ${runs((l) => l.interactiveMs)}\n` +
          `${''.padEnd(16)} ${last.requests} requests, ${kib(last.transferred)} transferred, JS ${kib(last.jsTransferred)} on the wire / ${kib(last.jsDecoded)} decoded; ` +
          `scripts in ${median((l) => l.scriptsInMs)}; main thread until interactive ${median((l) => l.taskMs)} busy: ` +
          `script ${median((l) => l.scriptMs)}, style and layout ${median((l) => l.styleLayoutMs)}`,
      )
    }
  } finally {
    await browser.close()
    await host.close()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
