/**
 * `npm start`: the whole product on one machine. Builds the H5 app when `dist-h5/` is
 * missing or older than its sources, opens `.data/dev.sqlite` (seeding the demo data when
 * it is empty), and serves the app and the functions in development mode on PORT (8080).
 *
 * Environment: PORT, HOST (default 127.0.0.1; 0.0.0.0 to try it from a phone on the LAN),
 * MINHU_SECRET (token secret; otherwise one is generated once and kept in .data/secret),
 * NODE_ENV=production (turns off the demo login and the dev inbox), OPEN311_API_KEYS
 * ("key:openid,…", who may POST Open311 requests) and PUBLIC_BASE_URL (where clients reach
 * the host, for the links Open311 gives out; docs/open311.md).
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { DEMO_ACCOUNTS, seedDemo } from '../demo'
import { createHost } from '../host'
import { apiKeysFromEnv } from '../host/open311'

const ROOT = path.resolve(__dirname, '..')
const DATA_DIR = path.join(ROOT, '.data')
const H5_DIR = path.join(ROOT, 'dist-h5')
/** What the H5 build is made from: a change in any of these makes dist-h5 stale. */
const H5_SOURCES = ['src', 'types', 'config', 'babel.config.js', 'package.json']

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const s = statSync(target)
  if (!s.isDirectory()) return s.mtimeMs
  let newest = s.mtimeMs
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

function ensureH5Build(): void {
  const index = path.join(H5_DIR, 'index.html')
  const built = existsSync(index) ? statSync(index).mtimeMs : 0
  const sources = Math.max(...H5_SOURCES.map((p) => newestMtime(path.join(ROOT, p))))
  if (built > sources) return
  console.log(built ? 'dist-h5 is older than src: rebuilding the H5 app…' : 'building the H5 app (first run)…')
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build:h5 failed')
}

/** One secret per checkout, kept so that logins survive a restart. */
function tokenSecret(): string {
  if (process.env.MINHU_SECRET) return process.env.MINHU_SECRET
  const file = path.join(DATA_DIR, 'secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

async function main(): Promise<void> {
  const devMode = process.env.NODE_ENV !== 'production'
  mkdirSync(DATA_DIR, { recursive: true })
  ensureH5Build()

  const host = createHost({
    dbFile: path.join(DATA_DIR, 'dev.sqlite'),
    devMode,
    secret: tokenSecret(),
    h5Dir: H5_DIR,
    dataDir: DATA_DIR,
    open311ApiKeys: apiKeysFromEnv(process.env.OPEN311_API_KEYS),
    publicBaseUrl: process.env.PUBLIC_BASE_URL || undefined,
    trustProxy: process.env.TRUST_PROXY === '1',
  })
  const { seeded } = await seedDemo(host.runtime)
  if (seeded) console.log('empty database: seeded the demo data')

  const url = await host.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1')
  console.log(`\n民呼我行 is running at ${url}/  (${devMode ? 'development' : 'production'} mode)`)
  if (devMode) {
    console.log('demo accounts (pick one on the login page):')
    for (const account of DEMO_ACCOUNTS) {
      const roles = account.roles.map((r) => r.role).join(', ') || 'resident'
      console.log(`  ${account.openid.padEnd(18)} ${account.name}  ${roles}`)
    }
    console.log(`dev inbox (subscribe messages that would have been sent): ${url}/api/dev/messages\n`)
  }

  let closing = false
  const shutdown = (signal: string): void => {
    if (closing) {
      console.log('second signal: exiting now')
      process.exit(1)
    }
    closing = true
    console.log(`${signal}: finishing in-flight requests and closing the database…`)
    host.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('shutdown failed', err)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
