/**
 * Bundles every function of cloudfunctions/registry.ts into build/functions/<name>/:
 * `index.js` (exports `main`), `package.json` (only @cloudbase/node-sdk left external,
 * installed by CloudBase on deploy) and `config.json` (timeout, triggers, openapi
 * permissions). Then writes cloudbaserc.json so `tcb fn deploy <name>` deploys them.
 *
 * The local-only code (embedded-db/, local-runtime, better-sqlite3) must never reach a
 * cloud bundle: the build fails if it does.
 *
 *   npx tsx scripts/build-functions.ts
 */
import { build } from 'esbuild'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { registry } from '../cloudfunctions/registry'

const root = path.resolve(__dirname, '..')
const SDK_VERSION = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
).dependencies['@cloudbase/node-sdk']!
const RUNTIME = 'Nodejs18.15'
const FORBIDDEN = [
  /(^|\/)embedded-db\//,
  /core\/local-runtime\.ts$/,
  /core\/testing\.ts$/,
  /better-sqlite3/,
  /(^|\/)demo\//,
  /(^|\/)host\//,
]

interface FunctionConfig {
  timeout?: number
  triggers?: { name: string; type: string; config: string }[]
  permissions?: { openapi?: string[] }
}

export interface BuiltFunction {
  name: string
  bytes: number
  config: FunctionConfig
}

async function bundle(name: string, outRoot: string): Promise<BuiltFunction> {
  const dir = path.join(outRoot, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const result = await build({
    stdin: {
      contents: `import * as mod from './cloudfunctions/${name}/index.ts'\nexport const main = (event, context) => mod.${name}.main(event, context)\n`,
      resolveDir: root,
      sourcefile: `${name}-entry.ts`,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile: path.join(dir, 'index.js'),
    external: ['@cloudbase/node-sdk'],
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  })
  const leaked = Object.keys(result.metafile.inputs).filter((input) => FORBIDDEN.some((re) => re.test(input)))
  if (leaked.length) throw new Error(`${name}: local-only code in the cloud bundle: ${leaked.join(', ')}`)

  const configFile = path.join(root, 'cloudfunctions', name, 'config.json')
  const config: FunctionConfig = existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : { timeout: 10 }
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n')
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { '@cloudbase/node-sdk': SDK_VERSION } },
      null,
      2,
    ) + '\n',
  )
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
  return { name, bytes, config }
}

/** Bundles every registered function into `outRoot/<name>/`. */
export async function buildFunctions(outRoot: string): Promise<BuiltFunction[]> {
  const built: BuiltFunction[] = []
  for (const name of Object.keys(registry)) built.push(await bundle(name, outRoot))
  return built
}

/** The CloudBase CLI config deploying the built functions. */
export function cloudbaseConfig(built: BuiltFunction[]) {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    $schema: 'https://framework-1258016615.tcloudbaseapp.com/schema/latest.json',
    functionRoot: './build/functions',
    functions: built.map(({ name, config }) => ({
      name,
      runtime: RUNTIME,
      handler: 'index.main',
      installDependency: true,
      timeout: config.timeout ?? 10,
      ...(config.triggers ? { triggers: config.triggers } : {}),
    })),
  }
}

async function main(): Promise<void> {
  const built = await buildFunctions(path.join(root, 'build', 'functions'))
  writeFileSync(path.join(root, 'cloudbaserc.json'), JSON.stringify(cloudbaseConfig(built), null, 2) + '\n')

  for (const { name, bytes } of built)
    console.log(`${name.padEnd(12)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB  build/functions/${name}/index.js`)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
