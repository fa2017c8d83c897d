import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { registry } from '../cloudfunctions/registry'
import { buildFunctions, cloudbaseConfig, type BuiltFunction } from './build-functions'

describe('build-functions', () => {
  let out: string
  let built: BuiltFunction[]
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'minhu-functions-'))
    built = await buildFunctions(out)
  }, 120_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('should bundle every registered function into a folder that exports main', () => {
    expect(built.map((b) => b.name).sort()).toEqual(Object.keys(registry).sort())
    for (const { name } of built) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is built by this test
      const mod = require(path.join(out, name, 'index.js')) as { main?: unknown }
      expect(typeof mod.main).toBe('function')
      const pkg = JSON.parse(readFileSync(path.join(out, name, 'package.json'), 'utf8'))
      expect(Object.keys(pkg.dependencies)).toEqual(['@cloudbase/node-sdk'])
    }
  })

  it('should keep the local-only code out of every bundle', () => {
    for (const { name } of built) {
      const code = readFileSync(path.join(out, name, 'index.js'), 'utf8')
      expect(code).not.toContain('better-sqlite3')
      expect(code).not.toContain('not supported by the embedded database')
    }
  })

  it('should match the committed cloudbaserc.json, so a new function is never left undeployed', () => {
    const committed = JSON.parse(readFileSync(path.join(__dirname, '..', 'cloudbaserc.json'), 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(cloudbaseConfig(built))))
  })

  it('should give the scheduler its 7-field cron timer trigger', () => {
    const scheduler = cloudbaseConfig(built).functions.find((f) => f.name === 'scheduler')
    const trigger = scheduler?.triggers?.[0]
    expect(trigger?.type).toBe('timer')
    expect(trigger?.config.split(' ')).toHaveLength(7)
  })
})
