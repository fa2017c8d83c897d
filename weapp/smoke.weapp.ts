import fs from 'node:fs'
import path from 'node:path'
import simulate from 'miniprogram-simulate'
import { createTestEnv, type TestEnv } from '../cloudfunctions/core/testing'
import { createWx, type WxStub } from './wx-stub'
import { installPageHost, setRoute } from './page-host'
import { HOME_ENTRIES } from '../src/pages/home/entries'
import { LARGE_TEXT_SCALE } from '../src/lib/font-scale'

const DIST = path.resolve(__dirname, '..', 'dist')

type DataNode = Record<string, unknown> & { cn?: DataNode[] }

/** The first node of Taro's page data (`root.cn[…]`) that matches. */
function findNode(node: DataNode, match: (n: DataNode) => boolean): DataNode | undefined {
  if (match(node)) return node
  for (const child of node.cn ?? []) {
    const found = findNode(child, match)
    if (found) return found
  }
  return undefined
}

/** Waits until the page shows what it should (the function answers asynchronously). */
async function until(check: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`)
    await simulate.sleep(50)
  }
}

describe('weapp build (miniprogram-simulate + wcc)', () => {
  let env: TestEnv
  let stub: WxStub
  let pageUnderTest: ReturnType<typeof simulate.render>
  const rootStyle = (page: ReturnType<typeof simulate.render>) =>
    page.dom?.firstElementChild?.getAttribute('style') ?? ''

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'app.json')))
      throw new Error('dist/ is missing: run npm run build:weapp first (npm run test:weapp does)')
    env = await createTestEnv()
    const asResident = env.loginAs('demo-resident-1')
    stub = createWx((name, data) => asResident(name, data))
    ;(globalThis as Record<string, unknown>).wx = stub.wx
    installPageHost(DIST)
  })
  afterAll(() => env?.close())

  it('should render the 我的 page with the signed-in resident from the users function', async () => {
    const me = await env.loginAs('demo-resident-1')('users', { action: 'me' })
    if (!me.ok) throw new Error('users.me failed')
    setRoute('pages/me/index')
    const id = simulate.load(path.join(DIST, 'pages/me/index'), { compiler: 'official', rootPath: DIST })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
    await until(() => (page.dom?.textContent ?? '').includes(me.data.name), 'the name on 我的')
    expect(stub.calls.map((c) => c.data.action)).toContain('me')
    expect(page.dom?.textContent).toContain(me.data.name)
    expect(page.dom?.textContent).toContain(me.data.community.name)
    pageUnderTest = page
  })

  it('should turn on 大字 when the switch is tapped: stored, and the page scale grows', async () => {
    const page = pageUnderTest
    expect(rootStyle(page)).toContain('--fs: 1;')
    const sw = page.querySelector('.nut-switch')
    if (!sw) throw new Error('大字 switch not rendered')
    sw.dispatchEvent('tap')
    await until(
      () => stub.storage.has('mhwx.largeText') && !rootStyle(page).includes('--fs: 1;'),
      'the 大字 tap to take effect',
    )
    expect(stub.storage.get('mhwx.largeText')).toBe(true)
    expect(rootStyle(page)).toContain(`--fs: ${LARGE_TEXT_SCALE};`)
    expect(page.dom?.innerHTML).toContain('nut-switch-open')
  })

  it('should show the registered feature entries on 首页, or 更多服务即将上线 when there are none', async () => {
    setRoute('pages/home/index')
    const id = simulate.load(path.join(DIST, 'pages/home/index'), { compiler: 'official', rootPath: DIST })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
    await until(() => (page.dom?.textContent ?? '').includes('东县门社区'), 'the community on 首页')
    const text = page.dom?.textContent ?? ''
    expect(text).toContain('东县门社区')
    if (HOME_ENTRIES.length === 0) expect(text).toContain('更多服务即将上线')
    else expect(text).not.toContain('更多服务即将上线')
    for (const entry of HOME_ENTRIES) expect(text).toContain(entry.title)
    pageUnderTest = page
  })

  // Taro's own templates drop aria attributes; config/weapp-templates.ts puts them back. The page data
  // holds attributes under short names (p0, p1…) that base.wxml binds; miniprogram-simulate's
  // renderer keeps only the attributes it knows, so the binding is read from the built template.
  it('should give 首页 entries the aria-role WeChat reads out, bound in the built template', () => {
    const entry = findNode(pageUnderTest.data.root, (n) =>
      String(n.cl ?? '')
        .split(' ')
        .includes('home__entry'),
    )
    if (!entry) throw new Error('no 首页 entry in the page data')
    const baseWxml = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8')
    const template = baseWxml.split('<template name="tmpl_0_').find((t) => t.startsWith(`${String(entry.nn)}">`))
    const alias = /aria-role="\{\{i\.(p\d+)\}\}"/.exec(template ?? '')?.[1]
    if (!alias) throw new Error(`the template of node kind ${String(entry.nn)} binds no aria-role`)
    expect(entry[alias]).toBe('link')
    expect(entry.role).toBeUndefined()
  })
})
