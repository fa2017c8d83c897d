/**
 * H5 first load on a slow phone: Debian's Chromium (playwright-core) against the local host
 * serving this worktree's `dist-h5/` (build it first: `npm run build:h5`), throttled through
 * the DevTools protocol like DevTools' "Fast 3G" (562.5 ms RTT, ~1.44 Mbit/s down, 675 kbit/s
 * up) with the CPU 4× slower. Each run is a signed-in resident on a phone with an empty
 * cache (fresh browser context carrying only the demo login's token: without one the app
 * sends a visitor to the login page) opening 首页; "time to content" is from navigation start
 * until the service entries are on screen. Two ways of serving, same build, same run:
 *   uncompressed — the browser says `Accept-Encoding: identity` (what the host sent before)
 *   compressed   — brotli as the browser asks for it
 *
 *   npx tsx bench/h5-first-load.ts            (BENCH_RUNS=3 per way)
 *   BENCH_H5_DIR=/tmp/before npx tsx bench/h5-first-load.ts   (another build, to compare two
 *   builds back to back under the same load)
 * Where the time goes, per run (medians printed): "scripts in" is when the last script of the
 * first screen had arrived, "main thread" the renderer's busy time until content from the
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
const CONTENT = '[data-testid="home-entry-stations"]'
const RESIDENT = 'demo-resident-1'

interface Load {
  ms: number
  scriptsInMs: number
  scriptMs: number
  styleLayoutMs: number
  taskMs: number
  transferred: number
  jsTransferred: number
  jsDecoded: number
  requests: number
}

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
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForSelector(CONTENT, { state: 'visible', timeout: 120_000 })
  const ms = await page.evaluate(() => performance.now())
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
  await context.close()
  return {
    ms,
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
    await page.waitForSelector(CONTENT, { timeout: 120_000 })
    const signedIn = await warm.storageState()
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
      const times = loads.map((l) => l.ms).sort((a, b) => a - b)
      const last = loads[loads.length - 1] as Load
      const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`
      const median = (pick: (l: Load) => number) =>
        `${(
          percentile(
            loads.map(pick).sort((a, b) => a - b),
            50,
          ) / 1000
        ).toFixed(2)} s`
      console.log(
        `${(compressed ? 'compressed (br)' : 'uncompressed').padEnd(16)} time to content median ${(percentile(times, 50) / 1000).toFixed(2)} s ` +
          `(runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')})   ${last.requests} requests, ${kib(last.transferred)} transferred, JS ${kib(last.jsTransferred)} on the wire / ${kib(last.jsDecoded)} decoded\n` +
          `${''.padEnd(16)} scripts in ${median((l) => l.scriptsInMs)}; main thread ${median((l) => l.taskMs)} busy: ` +
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
