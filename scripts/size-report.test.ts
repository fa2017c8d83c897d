import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measure, PACKAGE_LIMIT, violations } from './size-report'

function fakeDist(files: Record<string, number>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'size-report-'))
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages: [], subPackages: [{ root: 'staff' }] }))
  for (const [rel, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), Buffer.alloc(bytes))
  }
  return dir
}

describe('size-report', () => {
  it('should count subpackage files apart from the main package', () => {
    const dir = fakeDist({ 'app.js': 1000, 'pages/home/index.js': 500, 'staff/roles/index.js': 300 })
    const sizes = Object.fromEntries(measure(dir).map((s) => [s.name, s.bytes]))
    expect(sizes.staff).toBe(300)
    expect(sizes.main).toBe(1500 + fs.statSync(path.join(dir, 'app.json')).size)
  })
  it('should not count files DevTools does not upload', () => {
    const dir = fakeDist({ 'vendors.js.LICENSE.txt': 5000, 'project.config.json': 100, 'app.js': 10 })
    const main = measure(dir).find((s) => s.name === 'main')
    expect(main?.bytes).toBe(10 + fs.statSync(path.join(dir, 'app.json')).size)
  })
  it('should report a subpackage over 2 MB', () => {
    const dir = fakeDist({ 'staff/big.js': PACKAGE_LIMIT + 1 })
    expect(violations(measure(dir))).toEqual([expect.stringContaining('staff 超过 2 MB')])
  })
  it('should report nothing for packages within the limits', () => {
    const dir = fakeDist({ 'app.js': 1024 })
    expect(violations(measure(dir))).toEqual([])
  })
})
