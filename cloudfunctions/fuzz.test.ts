import fc from 'fast-check'
import type { z } from 'zod'
import { ErrorCodeSchema } from '../types/envelope'
import { countRequests } from '../embedded-db'
import { DEMO_ACCOUNTS } from '../demo'
import { seedDemoCases } from '../demo/cases'
import { createTestEnv, type TestEnv } from './core/testing'
import { registry } from './registry'

/*
 * Every action of every function, called by anyone with arbitrary input: the answer is
 * always the envelope, never INTERNAL, and a refused call writes nothing. Inputs mix the
 * action's own field names and the demo data's real ids with junk, so calls get past the
 * first checks as well as failing them. Bounded: a fixed number of runs per action and a
 * time limit for the whole property.
 */

/** A commit alone changes nothing: a transaction that read and then refused commits empty. */
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument'])
const CALLERS = [null, ...DEMO_ACCOUNTS.map((a) => a.openid)]
const REAL_IDS = [
  'c-dongxianmen',
  'g-dongxianmen-1',
  's-baishulin',
  'd-beilin',
  'dept-beilin-zhujian',
  'c-huaqing',
  'st-dongxianmen',
]

/** The field names an action's input schema declares (empty for a union or a non-object). */
function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

/** Strings that have broken services before, or would: tried in every declared field. */
const POISON = [
  '',
  ' ',
  'a\u0000b',
  'x\uD800',
  '../../etc/passwd',
  '$where',
  '.*',
  '{"$gt":""}',
  '2026-02-30',
  '9'.repeat(400),
  '测试'.repeat(300),
]
const junkText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...POISON),
)

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    junkText,
    fc.constantFrom(...REAL_IDS),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('lng', 'lat', 'name', 'phone', 'openid', 'id', '$gt', '__proto__', 'constructor'),
      tie('any'),
      { maxKeys: 3 },
    ),
  ),
})).any

function eventFor(action: string, fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  const keys = fc.constantFrom(...fields, 'openid', 'unitId', 'id', 'extra')
  return fc.dictionary(keys, value, { maxKeys: fields.length + 2 }).map((input) => ({ ...input, action }))
}

describe('every action under fuzzed input', () => {
  let env: TestEnv
  beforeAll(async () => {
    env = await createTestEnv({ now: '2026-11-23T02:00:00.000Z' })
    await seedDemoCases(env.rt)
  })
  afterAll(() => env.close())

  const actions = Object.entries(registry).flatMap(([fn, f]) =>
    Object.keys(f.contract).map((action) => [fn, action] as const),
  )

  it.each(actions)(
    '%s.%s should answer an envelope, never INTERNAL, and write nothing when it refuses',
    async (fn, action) => {
      const f = registry[fn as keyof typeof registry]
      const fields = fieldsOf(f.contract[action]!.input)
      // Every poison string in every declared field, as a resident: deterministic, before the random runs.
      const examples = fields.flatMap((field) =>
        POISON.map((text): [string | null, Record<string, unknown>] => ['demo-resident-1', { action, [field]: text }]),
      )
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CALLERS), eventFor(action, fields), async (caller, event) => {
          // Through invoke, as the host calls it: the harness's own contract check is not what is fuzzed here.
          const { result, requests } = await countRequests(() =>
            f.invoke(event, caller ? { openid: caller } : null, env.rt),
          )
          expect(typeof result.ok).toBe('boolean')
          if (result.ok) return
          expect(ErrorCodeSchema.options).toContain(result.error.code)
          expect(result.error.code).not.toBe('INTERNAL')
          expect(typeof result.error.message).toBe('string')
          const writes = Object.entries(requests.byAction).filter(([a]) => WRITES.has(a))
          expect(writes).toEqual([])
        }),
        {
          // fast-check counts the examples among the runs.
          numRuns: examples.length + 40,
          seed: 20261130,
          interruptAfterTimeLimit: 6_000,
          examples,
        },
      )
    },
  )
})
