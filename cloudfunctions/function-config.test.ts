import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { registry } from './registry'

/*
 * A function calls a WeChat open API only with the permission in its config.json (CloudBase
 * refuses the call otherwise, in the cloud only, where no test runs). The source of each
 * function's own folder says which it needs: a content check needs security.msgSecCheck,
 * draining the outbox (subscribe messages) needs subscribeMessage.send.
 */

const NEEDS: Array<{ uses: RegExp; permission: string }> = [
  { uses: /contentCheck\.check\(/, permission: 'security.msgSecCheck' },
  { uses: /drainOutbox\(/, permission: 'subscribeMessage.send' },
]

function sourceOf(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n')
}

function openapiOf(dir: string): string[] {
  const file = path.join(dir, 'config.json')
  if (!existsSync(file)) return []
  const config = JSON.parse(readFileSync(file, 'utf8')) as { permissions?: { openapi?: string[] } }
  return config.permissions?.openapi ?? []
}

describe('function config.json', () => {
  it.each(Object.keys(registry))('should give %s the open-API permissions its code uses', (name) => {
    const dir = path.join(__dirname, name)
    const source = sourceOf(dir)
    const needed = NEEDS.filter((n) => n.uses.test(source)).map((n) => n.permission)
    expect(openapiOf(dir)).toEqual(expect.arrayContaining(needed))
  })
})
