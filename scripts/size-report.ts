/**
 * WeChat package limits for the weapp build in dist/: the main package and each
 * subpackage ≤ 2 MB, everything together ≤ 30 MB. Prints every package's size and exits 1
 * when a limit is passed (so `npm run test:weapp` fails before a release would be refused).
 *
 *   npx tsx scripts/size-report.ts [distDir]
 */
import fs from 'node:fs'
import path from 'node:path'

export const PACKAGE_LIMIT = 2 * 1024 * 1024
export const TOTAL_LIMIT = 30 * 1024 * 1024
/** Our own aim for the main package (a goal to report, not a WeChat limit to fail on). */
export const MAIN_GOAL = 450 * 1024

export interface PackageSize {
  name: string
  bytes: number
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(full) : [full]
  })
}

/** Files WeChat DevTools does not upload (project settings, licence notes, source maps). */
function uploaded(file: string): boolean {
  return !/(project\.config\.json|project\.private\.config\.json|\.LICENSE\.txt|\.map)$/.test(file)
}

/** Sizes per package, from app.json's subPackages roots; everything else is the main package. */
export function measure(distDir: string): PackageSize[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r): [string, number] => [r, 0])])
  for (const file of filesUnder(distDir).filter(uploaded)) {
    const rel = path.relative(distDir, file).split(path.sep).join('/')
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
    const key = root ?? 'main'
    sizes.set(key, (sizes.get(key) ?? 0) + fs.statSync(file).size)
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }))
}

export function violations(sizes: PackageSize[]): string[] {
  const problems = sizes.filter((s) => s.bytes > PACKAGE_LIMIT).map((s) => `${s.name} 超过 2 MB (${kb(s.bytes)})`)
  const total = sizes.reduce((n, s) => n + s.bytes, 0)
  if (total > TOTAL_LIMIT) problems.push(`总大小超过 30 MB (${kb(total)})`)
  return problems
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

function main(): void {
  const distDir = path.resolve(process.argv[2] ?? 'dist')
  if (!fs.existsSync(path.join(distDir, 'app.json'))) {
    console.error(`size-report: ${distDir}/app.json not found — run npm run build:weapp first`)
    process.exit(2)
  }
  const sizes = measure(distDir)
  const total = sizes.reduce((n, s) => n + s.bytes, 0)
  console.log('weapp package sizes (limit 2048.0 KB each, 30720.0 KB total):')
  for (const s of sizes)
    console.log(`  ${s.name.padEnd(12)} ${kb(s.bytes).padStart(12)}  ${((s.bytes / PACKAGE_LIMIT) * 100).toFixed(1)}%`)
  console.log(`  ${'total'.padEnd(12)} ${kb(total).padStart(12)}`)
  // The main package is what every start downloads before the first screen (issue 18's goal).
  const main = sizes.find((s) => s.name === 'main')?.bytes ?? 0
  console.log(`  main package ${kb(main)}: ${main <= MAIN_GOAL ? 'within' : 'over'} the ${kb(MAIN_GOAL)} goal`)
  const problems = violations(sizes)
  if (problems.length > 0) {
    for (const p of problems) console.error(`  ✗ ${p}`)
    process.exit(1)
  }
  console.log('  ✓ within WeChat limits')
}

if (require.main === module) main()
