/**
 * `npm test`: every check in order — typecheck, unit+function+HTTP tests, the weapp build
 * with its size report and smoke suite, the H5 build with the E2E suite — and a last line
 * `N passed, N failed, N skipped` summed over the jest runs, which CI reads.
 *
 * Every step runs even when an earlier one failed, so one broken test does not hide the
 * state of the rest. A step that fails without reporting tests (tsc, a build, a suite
 * that does not compile) counts as one failure, so the last line can never say
 * "0 failed" for a red run. The exit code is non-zero on any failure.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

interface Step {
  title: string
  script: string
  /** The script ends with a jest run that accepts --json --outputFile. */
  jest: boolean
}

const STEPS: Step[] = [
  { title: 'typecheck', script: 'typecheck', jest: false },
  { title: 'lint (eslint, prettier --check)', script: 'lint', jest: false },
  { title: 'unit, function and HTTP tests', script: 'test:unit', jest: true },
  { title: 'weapp build, size report and smoke tests', script: 'test:weapp', jest: true },
  { title: 'H5 build and E2E tests', script: 'test:e2e', jest: true },
]

interface JestReport {
  numPassedTests: number
  numFailedTests: number
  numRuntimeErrorTestSuites: number
  /** Skipped tests, e.g. the DevTools suite where WECHAT_DEVTOOLS_CLI is not set. */
  numPendingTests: number
}

function readReport(file: string): JestReport | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JestReport
  } catch {
    return null
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'minhu-test-'))
let passed = 0
let failed = 0
let skipped = 0
const lines: string[] = []

for (const [i, step] of STEPS.entries()) {
  const report = path.join(work, `step-${i}.json`)
  const args = ['run', step.script]
  if (step.jest) args.push('--', '--json', `--outputFile=${report}`)
  process.stdout.write(`\n=== ${step.title} (npm ${args.join(' ')}) ===\n`)
  const started = Date.now()
  const result = spawnSync('npm', args, { stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  const ok = result.status === 0

  const counts = step.jest ? readReport(report) : null
  const stepPassed = counts?.numPassedTests ?? 0
  let stepFailed = counts ? counts.numFailedTests + counts.numRuntimeErrorTestSuites : 0
  // A red step with no failing test behind it (tsc, a build, a crash) is still a failure.
  if (!ok && stepFailed === 0) stepFailed = 1
  const stepSkipped = counts?.numPendingTests ?? 0
  passed += stepPassed
  failed += stepFailed
  skipped += stepSkipped
  lines.push(
    `${ok ? 'ok  ' : 'FAIL'} ${step.title}: ${stepPassed} passed, ${stepFailed} failed, ${stepSkipped} skipped (${seconds}s)`,
  )
}

rmSync(work, { recursive: true, force: true })
process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`)
process.exitCode = failed > 0 ? 1 : 0
