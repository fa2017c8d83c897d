import path from 'node:path'
import automator from 'miniprogram-automator'
import { HOME_ENTRIES } from '../src/pages/home/entries'

/**
 * The same flows as smoke.weapp.ts, in WeChat DevTools through miniprogram-automator.
 * DevTools has no Linux build, so this runs only where WECHAT_DEVTOOLS_CLI points at its
 * `cli` (e.g. /Applications/wechatwebdevtools.app/Contents/MacOS/cli) and is reported as
 * skipped everywhere else — never as a pass.
 */
const cliPath = process.env.WECHAT_DEVTOOLS_CLI
const PROJECT = path.resolve(__dirname, '..')

if (!cliPath) {
  // Straight to stderr: jest swallows console output of a suite whose tests are all skipped.
  process.stderr.write(
    '\nweapp/automator.weapp.ts SKIPPED: WECHAT_DEVTOOLS_CLI is not set (WeChat DevTools is not available on this machine)\n',
  )
}

const describeWithDevTools = cliPath ? describe : describe.skip

describeWithDevTools('weapp build in WeChat DevTools (miniprogram-automator)', () => {
  let miniProgram: Awaited<ReturnType<typeof automator.launch>>

  beforeAll(async () => {
    miniProgram = await automator.launch({ cliPath, projectPath: PROJECT })
  }, 120_000)
  afterAll(async () => {
    await miniProgram?.close()
  })

  it('should show the signed-in person on 我的', async () => {
    const page = await miniProgram.reLaunch('/pages/me/index')
    await page?.waitFor(1500)
    const name = await page?.$('.me__name')
    expect((await name?.text())?.length ?? 0).toBeGreaterThan(0)
  })

  it('should turn on 大字 when the switch is tapped', async () => {
    const page = await miniProgram.reLaunch('/pages/me/index')
    await page?.waitFor(1500)
    await miniProgram.callWxMethod('setStorageSync', 'mhwx.largeText', false)
    const sw = await page?.$('.nut-switch')
    await sw?.tap()
    await page?.waitFor(300)
    expect(await miniProgram.callWxMethod('getStorageSync', 'mhwx.largeText')).toBe(true)
  })

  it('should show the registered feature entries on 首页, or 更多服务即将上线 when there are none', async () => {
    const page = await miniProgram.reLaunch('/pages/home/index')
    await page?.waitFor(1500)
    const text = (await (await page?.$('.page'))?.text()) ?? ''
    if (HOME_ENTRIES.length === 0) expect(text).toContain('更多服务即将上线')
    for (const entry of HOME_ENTRIES) expect(text).toContain(entry.title)
  })
})
