import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Envelope } from '../../types/envelope'
import { openEmbeddedDb } from '../../embedded-db'
import { registry } from '../registry'
import { INDEXES } from './indexes'
import { seedTestData } from './test-seeds'
import type { CloudFunction } from './define-function'
import { createLocalRuntime, createSettableClock, type LocalRuntime, type SettableClock } from './local-runtime'

/**
 * The in-process harness for function tests (the tRPC `createCaller` idea): a fresh
 * `:memory:` embedded database behind the real SDK, the local ports, a settable clock, and
 * `call()` going through `fn.invoke` exactly as the local host does. Successful answers are
 * checked against the action's output schema, so a handler cannot drift from its contract
 * without a test failing.
 */
export interface TestEnv {
  rt: LocalRuntime
  clock: SettableClock
  call<T = any>(openid: string | null, fnName: string, event: unknown): Promise<Envelope<T>>
  /** A caller bound to a demo account (or any openid). */
  loginAs(openid: string): <T = any>(fnName: string, event: unknown) => Promise<Envelope<T>>
  /** Documents of a collection, for asserting state (unordered; up to 1000). */
  docs<T = Record<string, unknown>>(collection: string, where?: Record<string, unknown>): Promise<T[]>
  /** The bytes the local storage port saved for a file id (an export, an upload). */
  storedFile(fileId: string): Promise<Buffer>
  close(): Promise<void>
}

export interface TestEnvOptions {
  now?: Date | string
  /**
   * Seed the demo data (default true: everything, features included); 'base' seeds only the
   * org tree and accounts, for tests that count outbox or inbox records from zero.
   */
  seed?: boolean | 'base'
  functions?: Record<string, CloudFunction>
}

export class ContractViolation extends Error {}

export async function createTestEnv(options: TestEnvOptions = {}): Promise<TestEnv> {
  const opened = openEmbeddedDb({ file: ':memory:', indexes: INDEXES })
  const clock = createSettableClock(options.now ?? '2025-03-03T02:00:00.000Z')
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mhwx-test-'))
  const rt = createLocalRuntime({ db: opened.db, clock, dataDir, quiet: true })
  const functions: Record<string, CloudFunction> = options.functions ?? registry
  if (options.seed !== false) await seedTestData(rt, options.seed === 'base' ? 'base' : 'all')

  async function call<T>(openid: string | null, fnName: string, event: unknown): Promise<Envelope<T>> {
    const fn = functions[fnName]
    if (!fn) throw new Error(`no function named ${fnName}`)
    const envelope = await fn.invoke(event, openid ? { openid } : null, rt)
    if (envelope.ok) {
      const action = String(Reflect.get(Object(event), 'action'))
      const checked = fn.contract[action]!.output.safeParse(envelope.data)
      if (!checked.success) {
        throw new ContractViolation(
          `${fnName}.${action} answered outside its contract: ${JSON.stringify(checked.error.issues)}`,
        )
      }
    }
    return envelope as Envelope<T>
  }

  return {
    rt,
    clock,
    call,
    loginAs: (openid) => (fnName, event) => call(openid, fnName, event),
    async docs(collection, where = {}) {
      const res = await rt.db.collection(collection).where(where).limit(1000).get()
      return res.data as never[]
    },
    async storedFile(fileId) {
      const key = decodeURIComponent((await rt.storage.url(fileId)).replace(/^\/files\//, ''))
      return readFileSync(path.join(dataDir, 'uploads', key))
    },
    async close() {
      opened.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
