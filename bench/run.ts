/**
 * `npm run bench`: runs every benchmark in bench/ (each `*.ts` file but this one), one
 * after the other so they do not compete for the two cores, and prints what each prints.
 * Benchmarks print figures; nothing here passes or fails on speed.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'

const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .sort()

let failures = 0
for (const file of files) {
  process.stdout.write(`\n=== bench/${file} ===\n`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, file)], { stdio: 'inherit' })
  if (result.status !== 0) {
    failures++
    process.stdout.write(`bench/${file} exited with ${result.status ?? result.signal}\n`)
  }
}
process.exitCode = failures > 0 ? 1 : 0
