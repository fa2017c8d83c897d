import { z } from 'zod'
import { defineContract } from '../../types/contract'
import { AppError } from './app-error'
import { COLLECTIONS } from './collections'
import { contractViolations, defineFunction } from './define-function'
import { createTestEnv, type TestEnv } from './testing'

const ProbeContract = defineContract({
  whoami: {
    input: z.object({ note: z.string().max(5).optional() }),
    output: z.object({ openid: z.string().nullable() }),
  },
  boom: { input: z.object({}), output: z.object({}) },
  refuse: { input: z.object({}), output: z.object({}) },
  secretaryOnly: { input: z.object({ unitId: z.string() }), output: z.object({ unit: z.string() }) },
  write: { input: z.object({ count: z.number().int().min(1) }), output: z.object({ id: z.string() }) },
  leaky: { input: z.object({ broken: z.boolean() }), output: z.object({ name: z.string() }) },
})

const probe = defineFunction('probe', ProbeContract, {
  whoami: { access: 'public', handler: async (_input, ctx) => ({ openid: ctx.caller?.openid ?? null }) },
  boom: {
    access: 'public',
    handler: async () => {
      throw new Error('connection string mongodb://admin:hunter2@db')
    },
  },
  refuse: {
    access: 'signed-in',
    handler: async () => {
      throw new AppError('CONFLICT', '已经处理过了', { cause: new Error('internal detail') })
    },
  },
  secretaryOnly: {
    access: 'volunteers.review',
    handler: async (input, ctx) => ({ unit: (await ctx.requireCapabilityAt('volunteers.review', input.unitId)).name }),
  },
  leaky: {
    access: 'public',
    // Answers a field its contract does not declare, or (broken) a wrong type.
    handler: async (input) =>
      (input.broken ? { name: 42 } : { name: '王**', phone: '13991230001' }) as unknown as { name: string },
  },
  write: {
    access: 'signed-in',
    handler: async (input, ctx) => {
      const res = await ctx.rt.db.collection('probe').add({ count: input.count })
      return { id: String(res.id) }
    },
  },
})

describe('defineFunction', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ functions: { probe } })
  })
  afterEach(() => env.close())

  it('should answer BAD_REQUEST naming the unknown action', async () => {
    const res = await env.call('demo-resident-1', 'probe', { action: 'dropDatabase' })
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: '不支持的操作',
        issues: [{ path: ['action'], message: '未知的操作：dropDatabase' }],
      },
    })
  })

  it('should answer BAD_REQUEST when the event has no action or is not an object', async () => {
    for (const event of [{}, null, 'me', [1]]) {
      const res = await env.call('demo-resident-1', 'probe', event)
      expect(res.ok).toBe(false)
      if (!res.ok) expect(res.error.code).toBe('BAD_REQUEST')
    }
  })

  it('should answer BAD_REQUEST with path and message of each issue and write nothing', async () => {
    const res = await env.call('demo-resident-1', 'probe', { action: 'write', count: 0 })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('BAD_REQUEST')
    expect(res.error.issues).toEqual([{ path: ['count'], message: expect.any(String) }])
    expect(Object.keys(res.error.issues![0]!)).toEqual(['path', 'message'])
    expect(await env.docs('probe')).toHaveLength(0)
  })

  it('should take the caller from the host, never from an openid in the event', async () => {
    const res = await env.call('demo-resident-1', 'probe', {
      action: 'whoami',
      openid: 'demo-admin',
      userInfo: { openId: 'demo-admin' },
    })
    expect(res).toEqual({ ok: true, data: { openid: 'demo-resident-1' } })
    const anonymous = await env.call(null, 'probe', { action: 'whoami', openid: 'demo-admin' })
    expect(anonymous).toEqual({ ok: true, data: { openid: null } })
  })

  it('should not let an openid in the event pass a role check', async () => {
    const res = await env.call('demo-resident-1', 'probe', {
      action: 'secretaryOnly',
      unitId: 'c-dongxianmen',
      openid: 'demo-secretary-1',
    })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('FORBIDDEN')
  })

  it('should answer UNAUTHORIZED to a signed-in action without a caller', async () => {
    const res = await env.call(null, 'probe', { action: 'write', count: 1 })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('UNAUTHORIZED')
    expect(await env.docs('probe')).toHaveLength(0)
  })

  it('should check the role at the unit or above it', async () => {
    const ok = await env.call('demo-secretary-1', 'probe', { action: 'secretaryOnly', unitId: 'g-dongxianmen-1' })
    expect(ok).toEqual({ ok: true, data: { unit: '东县门社区第一网格' } })
    const elsewhere = await env.call('demo-secretary-1', 'probe', { action: 'secretaryOnly', unitId: 'c-xiamaling' })
    expect(elsewhere.ok || elsewhere.error.code).toBe('FORBIDDEN')
    const missing = await env.call('demo-secretary-1', 'probe', { action: 'secretaryOnly', unitId: 'c-nowhere' })
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND')
  })

  it('should let an admin act within the district but not in another district', async () => {
    const inside = await env.call('demo-admin', 'probe', { action: 'secretaryOnly', unitId: 'c-xiamaling' })
    expect(inside.ok).toBe(true)
    const outside = await env.call('demo-admin', 'probe', { action: 'secretaryOnly', unitId: 'c-huaqing' })
    expect(outside.ok || outside.error.code).toBe('FORBIDDEN')
  })

  it('should answer INTERNAL with a safe message and log the cause', async () => {
    const res = await env.call(null, 'probe', { action: 'boom' })
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    expect(JSON.stringify(res)).not.toContain('hunter2')
    const logged = env.rt.log.lines.filter((l) => l.level === 'error')
    expect(JSON.stringify(logged)).toContain('hunter2')
  })

  it('should return an AppError as its code and message, keeping its cause in the log only', async () => {
    const res = await env.call('demo-resident-1', 'probe', { action: 'refuse' })
    expect(res).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已经处理过了' } })
    expect(JSON.stringify(env.rt.log.lines)).toContain('internal detail')
  })

  it('should create the user document on the first authorised call only', async () => {
    await env.call('new-person', 'probe', { action: 'secretaryOnly', unitId: 'c-dongxianmen' })
    expect(await env.docs(COLLECTIONS.users, { _id: 'new-person' })).toHaveLength(0)
    await env.call('new-person', 'probe', { action: 'write', count: 1 })
    expect(await env.docs(COLLECTIONS.users, { _id: 'new-person' })).toHaveLength(1)
  })

  it('should refuse an unauthorised caller before reading the input, so the fields of the action stay unknown', async () => {
    const anonymous = await env.call(null, 'probe', { action: 'secretaryOnly', unitId: 42 })
    expect(anonymous).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: '请先登录' } })
    const resident = await env.call('demo-resident-1', 'probe', { action: 'secretaryOnly' })
    expect(resident).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有办理此事的权限' } })
  })

  it('should refuse a NUL byte or other control character in any text, naming the field, and write nothing', async () => {
    const res = await env.call('demo-resident-1', 'probe', { action: 'write', count: 1, note: 'a\u0000b' })
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: '填写的内容含有无法识别的字符',
        issues: [{ path: ['note'], message: '含有无法识别的字符，请删除后重新填写' }],
      },
    })
    expect(await env.docs('probe')).toHaveLength(0)
    const fine = await env.call('demo-resident-1', 'probe', { action: 'whoami', note: '好\n的' })
    expect(fine.ok).toBe(true)
  })

  it('should drop fields an answer does not declare', async () => {
    const res = await env.call(null, 'probe', { action: 'leaky', broken: false })
    expect(res).toEqual({ ok: true, data: { name: '王**' } })
  })

  it('should log and count an answer outside its contract without failing the caller', async () => {
    const before = contractViolations().get('probe.leaky') ?? 0
    const res = await probe.invoke({ action: 'leaky', broken: true }, null, env.rt)
    expect(res).toEqual({ ok: true, data: { name: 42 } })
    expect(contractViolations().get('probe.leaky')).toBe(before + 1)
    expect(JSON.stringify(env.rt.log.lines)).toContain('probe.leaky: answer outside its contract')
  })
})
