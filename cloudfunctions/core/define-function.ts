import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.cjs'
import type { FunctionContract } from '../../types/contract'
import type { Envelope, Issue } from '../../types/envelope'
import type { Capability } from '../../types/policy'
import { AppError } from './app-error'
import { canAnywhere, loadCaller, requireCapabilityAt } from './authz'
import { COLLECTIONS, type RoleAssignmentDoc, type UnitDoc, type UserDoc } from './collections'
import { transaction } from './data'
import type { Caller, Runtime } from './runtime'
import { findUnreadableText } from './text-guard'

// Validation messages reach the user, so they are Chinese.
z.config(zhCN())

export type { Caller } from './runtime'

/**
 * Who may call an action: anyone, anyone signed in, or whoever holds the capability at some
 * unit (types/policy.ts). Whether they hold it for *this* unit is the handler's
 * `requireCapabilityAt`, once it knows the unit.
 */
export type Access = 'public' | 'signed-in' | Capability

export interface ActionContext {
  caller: Caller | null
  /** The caller's user document; created on the first authorised signed-in call. */
  user: UserDoc | null
  assignments: RoleAssignmentDoc[]
  rt: Runtime
  now(): Date
  /** The caller, or UNAUTHORIZED. */
  requireCaller(): Caller
  /** The caller's user document, or UNAUTHORIZED. */
  requireUser(): UserDoc
  /** The capability at this unit or one above it (types/policy.ts), or NOT_FOUND / FORBIDDEN. */
  requireCapabilityAt(capability: Capability, unitId: string): Promise<UnitDoc>
}

export type ActionDef<I, O> = {
  access: Access
  /**
   * `submission`: the action creates something people must act on (a case, a wish, a
   * sign-up), so a host holds it to the tighter per-account and per-address limits.
   */
  limit?: 'submission'
  handler(input: I, ctx: ActionContext): Promise<O>
}

export type Handlers<C extends FunctionContract> = {
  [A in keyof C]: ActionDef<z.output<C[A]['input']>, z.input<C[A]['output']>>
}

export interface CloudFunction {
  name: string
  contract: FunctionContract
  /** Used by the local host and tests: caller already verified by the host. */
  invoke(event: unknown, caller: Caller | null, rt: Runtime): Promise<Envelope<unknown>>
  /** CloudBase entry: caller from the platform context, cloud runtime built once. */
  main(event: unknown, context: unknown): Promise<Envelope<unknown>>
  /** The action's rate-limit class, for the host (null: only the general limit applies). */
  limitOf(action: unknown): 'submission' | null
}

export interface DefineOptions {
  /** Run when a CloudBase timer trigger fires (event.Type === 'Timer' and no user in the context). */
  onTimer?: (rt: Runtime) => Promise<unknown>
}

const SAFE_INTERNAL_MESSAGE = '系统繁忙，请稍后再试'

/** Answers that did not match their contract since the process started, by `function.action`. */
const violations = new Map<string, number>()
export function contractViolations(): ReadonlyMap<string, number> {
  return violations
}

const EventSchema = z.object({ action: z.string({ error: '缺少操作名称' }).min(1, '缺少操作名称') }).passthrough()

/** zod issues as they travel: path and message only (never the received value). */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }))
}

function errorEnvelope(error: AppError): Envelope<never> {
  const body = { code: error.code, message: error.message }
  return { ok: false, error: error.options.issues ? { ...body, issues: error.options.issues } : body }
}

/** The caller's user document, created on their first signed-in call. */
async function createUser(rt: Runtime, openid: string): Promise<UserDoc> {
  const now = rt.clock.now().toISOString()
  const fresh: UserDoc = { _id: openid, name: null, phone: null, communityId: null, createdAt: now, updatedAt: now }
  // Two first calls may race; a transaction makes exactly one of them create the document.
  return transaction(rt.db, async (tx) => {
    const got = await tx.collection(COLLECTIONS.users).doc(openid).get()
    if (got) return got
    const { _id, ...rest } = fresh
    await tx.collection(COLLECTIONS.users).doc(_id).set(rest)
    return fresh
  })
}

/**
 * Builds a CloudBase function from a contract and one handler per action: parses the event
 * with the action's input schema, resolves and authorises the caller, dispatches, and
 * answers the envelope. Nothing below it sees the event, the context or the environment.
 */
export function defineFunction<C extends FunctionContract>(
  name: string,
  contract: C,
  handlers: Handlers<C>,
  options: DefineOptions = {},
): CloudFunction {
  type Action = Extract<keyof C, string>
  // The contract seen key by key (a mapped type): an action's entry is its schemas, never undefined.
  const specs: { [A in keyof C]: C[A] } = contract
  // The contract's own keys (not inherited ones): `handlers` has exactly these.
  const isAction = (action: unknown): action is Action =>
    typeof action === 'string' && Object.prototype.hasOwnProperty.call(contract, action)

  async function dispatch(event: unknown, caller: Caller | null, rt: Runtime): Promise<unknown> {
    // An object naming a known action is what nearly every call is: zod's copy of it would
    // give the same fields, and is needed only to word what is wrong with any other event.
    if (typeof event === 'object' && event !== null && !Array.isArray(event)) {
      const { action, ...rest } = event as Record<string, unknown>
      if (isAction(action)) return run(action, rest, caller, rt)
    }
    const head = EventSchema.safeParse(event)
    if (!head.success) throw new AppError('BAD_REQUEST', '请求格式不正确', { issues: toIssues(head.error) })
    const { action, ...rest } = head.data
    if (!isAction(action)) {
      throw new AppError('BAD_REQUEST', '不支持的操作', {
        issues: [{ path: ['action'], message: `未知的操作：${action}` }],
      })
    }
    return run(action, rest, caller, rt)
  }

  async function run<A extends Action>(
    action: A,
    rest: Record<string, unknown>,
    caller: Caller | null,
    rt: Runtime,
  ): Promise<unknown> {
    const def = handlers[action]

    // Authorise before parsing: a caller who may not use the action learns nothing of its
    // fields. The caller's user and role assignments come in one request.
    const loaded = caller ? await loadCaller(rt.db, caller.openid) : { user: null, assignments: [] }
    const assignments: RoleAssignmentDoc[] = loaded.assignments
    if (def.access !== 'public') {
      if (!caller) throw new AppError('UNAUTHORIZED', '请先登录')
      if (def.access !== 'signed-in' && !canAnywhere(assignments, def.access)) {
        throw new AppError('FORBIDDEN', '您没有办理此事的权限')
      }
    }

    const unreadable = findUnreadableText(rest)
    if (unreadable)
      throw new AppError('BAD_REQUEST', '填写的内容含有无法识别的字符', {
        issues: [{ path: unreadable, message: '含有无法识别的字符，请删除后重新填写' }],
      })
    const parsed = z.safeParse<C[A]['input']>(specs[action].input, rest)
    if (!parsed.success) throw new AppError('BAD_REQUEST', '填写的内容有误', { issues: toIssues(parsed.error) })

    let user: UserDoc | null = loaded.user
    if (caller && def.access !== 'public') {
      user ??= await createUser(rt, caller.openid)
    }

    // Methods, not arrow properties: tsx (the local host) names every arrow it binds with
    // Object.defineProperty, ~4k instructions each, and this object is made for every call.
    const ctx: ActionContext = {
      caller,
      user,
      assignments,
      rt,
      now() {
        return rt.clock.now()
      },
      requireCaller() {
        if (!caller) throw new AppError('UNAUTHORIZED', '请先登录')
        return caller
      },
      requireUser() {
        if (!user) throw new AppError('UNAUTHORIZED', '请先登录')
        return user
      },
      requireCapabilityAt(capability, unitId) {
        return requireCapabilityAt(rt.db, assignments, capability, unitId)
      },
    }
    return checkAnswer(action, await def.handler(parsed.data, ctx), rt)
  }

  /**
   * Answers leave through their contract: undeclared fields are dropped (nothing extra
   * leaks), and an answer outside it is logged and counted rather than failing the user —
   * the test harness fails on it instead. Costs one zod parse per call (bench/contract-check.ts).
   */
  function checkAnswer(action: Action, data: unknown, rt: Runtime): unknown {
    const checked = specs[action].output.safeParse(data)
    if (checked.success) return checked.data
    const key = `${name}.${action}`
    violations.set(key, (violations.get(key) ?? 0) + 1)
    rt.log.error(`${key}: answer outside its contract`, { issues: toIssues(checked.error) })
    return data
  }

  async function invoke(event: unknown, caller: Caller | null, rt: Runtime): Promise<Envelope<unknown>> {
    try {
      return { ok: true, data: await dispatch(event, caller, rt) }
    } catch (error) {
      if (error instanceof AppError) {
        if (error.options.cause !== undefined)
          rt.log.error(`${name}: ${error.message}`, { cause: describe(error.options.cause) })
        return errorEnvelope(error)
      }
      const action = fieldOf(event, 'action')
      rt.log.error(`${name}: unexpected error`, {
        action: typeof action === 'string' ? action : undefined,
        cause: describe(error),
      })
      return { ok: false, error: { code: 'INTERNAL', message: SAFE_INTERNAL_MESSAGE } }
    }
  }

  async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    // Loaded on first use so the local host never initialises the cloud SDK.
    const cloud = await import('./cloud-runtime')
    const rt = cloud.getCloudRuntime()
    const caller = cloud.callerFromContext(context)
    if (!caller && options.onTimer && fieldOf(event, 'Type') === 'Timer') {
      try {
        return { ok: true, data: await options.onTimer(rt) }
      } catch (error) {
        rt.log.error(`${name}: timer failed`, { cause: describe(error) })
        return { ok: false, error: { code: 'INTERNAL', message: SAFE_INTERNAL_MESSAGE } }
      }
    }
    return invoke(event, caller, rt)
  }

  function limitOf(action: unknown): 'submission' | null {
    return isAction(action) ? (handlers[action].limit ?? null) : null
  }

  return { name, contract, invoke, main, limitOf }
}

/** A field of an event that did not parse (for the log) or is not an action (a timer's). */
function fieldOf(event: unknown, key: string): unknown {
  return typeof event === 'object' && event !== null ? Reflect.get(event, key) : undefined
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}
