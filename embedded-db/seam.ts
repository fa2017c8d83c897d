import { Db } from '@cloudbase/database'
import { EJSON } from 'bson'
import { canonicalEjson } from './canonical-ejson'
import { mayHoldEjsonType, ParsedDoc, toStoredText } from './codec'
import { DbError } from './errors'
import type { Engine } from './engine'
import { noteRequest } from './request-count'

/**
 * The seam between the real SDK and the embedded engine (verified against
 * @cloudbase/node-sdk 3.18.3 / @cloudbase/database 1.4.3; seam.test.ts fails if it moves):
 * every database call does `new Db.reqClass(db.config).send(action, data)`, and
 * `app.database()` assigns `Db.reqClass` each time it is called.
 *
 * `Db.reqClass` is a static global, so it is made an accessor once: reading it always gives
 * the routing requester below; assigning it (what `app.database()` does) only records the
 * class used for non-embedded apps. The router picks the engine by `config.env`, a unique
 * env id per embedded database, so several can be open in one process and a cloud app in
 * the same process still reaches CloudBase.
 */
const engines = new Map<string, Engine>()
let cloudRequester: (new (config: unknown) => Requester) | undefined

interface Requester {
  send(action: string, data?: unknown, opts?: unknown): Promise<unknown>
}

type TcbErrorFactory = (err: { code: string; message: string; requestId: string }) => Error
// The SDK's own error class and throw-or-return switch, so errors match the cloud exactly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdkUtils = require('@cloudbase/node-sdk/dist/utils/utils') as {
  processReturn: (r: unknown) => unknown
  E: TcbErrorFactory
}

class RoutingRequester implements Requester {
  constructor(private readonly config: { env?: unknown; envName?: unknown }) {}

  async send(action: string, data?: unknown, opts?: unknown): Promise<unknown> {
    const env = this.config.env ?? this.config.envName
    const engine = typeof env === 'string' ? engines.get(env) : undefined
    if (!engine) {
      if (typeof env === 'string' && env.startsWith(EMBEDDED_ENV_PREFIX)) {
        return sdkUtils.processReturn({
          code: 'DATABASE_REQUEST_FAILED',
          message: `embedded database ${env} is closed`,
          requestId: '',
        })
      }
      if (!cloudRequester) throw new Error('no CloudBase requester: call app.database() on a cloud app first')
      return new cloudRequester(this.config).send(action, data, opts)
    }
    noteRequest(action)
    // A microtask boundary, as a network call would have: callers interleave exactly as in the cloud.
    await Promise.resolve()
    let answer: { ok: unknown } | { code: string; message: string }
    try {
      answer = { ok: engine.execute(action, data as Record<string, unknown> | undefined) }
    } catch (e) {
      // Anything but a DbError is a bug in the engine or a SQLite failure: report it, never crash the process.
      answer =
        e instanceof DbError
          ? e
          : {
              code: 'DATABASE_REQUEST_FAILED',
              message: `embedded database error: ${e instanceof Error ? e.message : String(e)}`,
            }
    }
    // Nothing is answered — success or failure, write or read — before the writes it could reflect are on disk.
    try {
      await engine.settled(action, data as Record<string, unknown> | undefined)
    } catch (e) {
      answer = { code: 'DATABASE_REQUEST_FAILED', message: `embedded database error: ${(e as Error).message}` }
    }
    if ('ok' in answer) return answer.ok
    return sdkUtils.processReturn({ code: answer.code, message: answer.message, requestId: '' })
  }
}

export const EMBEDDED_ENV_PREFIX = 'embedded-'

let installed = false

/**
 * The SDK reads every document of an answer with bson's `EJSON.parse` (`bson_1.EJSON.parse`,
 * looked up at each call), whose reviver visits every value: a quarter of an SDK request's
 * cost for a user document. For text holding no EJSON type it returns exactly what
 * `JSON.parse` does (`codec.ts`'s `mayHoldEjsonType`, checked against bson in codec.test.ts),
 * so that text skips the reviver. Only the SDK's own calls take the shortcut: no options, or
 * the item's index that `list.map(EJSON.parse)` passes (both mean relaxed); anything else,
 * and any text with a type, goes to bson unchanged. A list item the engine answered with
 * already parsed (`ParsedDoc`, only ever for a document its text would give back unchanged)
 * is handed over as it is. The same `bson` serves the SDK and the
 * engine (seam.test.ts), so this changes no value anywhere, only the time taken.
 */
function skipReviverWhenNothingToRevive(): void {
  const ejson = EJSON as { parse(text: string | ParsedDoc, options?: unknown): unknown }
  const bsonParse = ejson.parse.bind(ejson)
  ejson.parse = (text, options) => {
    const sdkCall = options === undefined || typeof options === 'number'
    // A list item the engine handed over parsed (codec.ts toListItem): what parsing its text gives.
    if (text instanceof ParsedDoc) return sdkCall ? text.doc : bsonParse(toStoredText(text.doc), options)
    return typeof text === 'string' && sdkCall && !mayHoldEjsonType(text) ? JSON.parse(text) : bsonParse(text, options)
  }
}

/**
 * The SDK writes every request's documents, queries and updates with
 * `EJSON.stringify(value, { relaxed: false })` (`bson_1.EJSON.stringify`, looked up at each
 * call). For plain values `canonicalEjson` makes the same text without bson's bookkeeping
 * (canonical-ejson.ts); other calls, and values it leaves to bson, go to bson unchanged. The
 * text is the same either way, so a cloud app in the same process sends exactly what it did.
 */
function stringifyPlainValuesDirectly(): void {
  const ejson = EJSON as { stringify(...args: unknown[]): string }
  const bsonStringify = ejson.stringify.bind(ejson)
  ejson.stringify = (...args) => {
    const options = args[1] as { relaxed?: unknown } | undefined
    const onlyCanonical =
      args.length === 2 && typeof options === 'object' && options !== null && Object.keys(options).length === 1
    return (onlyCanonical && options.relaxed === false && canonicalEjson(args[0])) || bsonStringify(...args)
  }
}

export function installSeam(): void {
  if (installed) return
  skipReviverWhenNothingToRevive()
  stringifyPlainValuesDirectly()
  const holder = Db as unknown as { reqClass?: new (config: unknown) => Requester }
  const current = holder.reqClass
  if (current && current !== RoutingRequester) cloudRequester = current
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => RoutingRequester,
    set: (v: new (config: unknown) => Requester) => {
      if (v !== RoutingRequester) cloudRequester = v
    },
  })
  installed = true
}

export function registerEngine(env: string, engine: Engine): void {
  engines.set(env, engine)
}

export function unregisterEngine(env: string): void {
  engines.delete(env)
}

export { RoutingRequester }
