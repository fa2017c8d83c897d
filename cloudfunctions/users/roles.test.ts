import { COLLECTIONS } from '../core/collections'
import { createTestEnv, type TestEnv } from '../core/testing'

describe('角色管理 (users.findPeople, roleHolders, assignRole, revokeRole)', () => {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv({ seed: 'base' })
  })
  afterEach(() => env.close())

  // Loosely typed on purpose: the harness already checks every answer against the contract.
  const users = (openid: string | null, event: Record<string, unknown>): Promise<any> =>
    env.call(openid, 'users', event)
  const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error!.code)
  const refOf = async (query: string): Promise<string> => {
    const res = await users('demo-admin', { action: 'findPeople', query })
    return res.data.items[0].ref
  }
  const messagesTo = (openid: string) => env.docs<{ title: string; body: string }>(COLLECTIONS.outbox, { openid })

  describe('findPeople', () => {
    it('should find a person by part of their name or phone, name in full, phone masked, no openid', async () => {
      for (const query of ['建国', '0002', '139 9123 0002']) {
        const res = await users('demo-admin', { action: 'findPeople', query })
        expect(res.ok).toBe(true)
        expect(res.data.items).toEqual([
          {
            ref: expect.stringMatching(/^[0-9a-f]{32}$/),
            name: '李建国',
            phone: '139****0002',
            communityName: '东县门社区',
            roles: [],
          },
        ])
        expect(JSON.stringify(res)).not.toContain('demo-')
      }
    })
    it('should show the roles a person holds within the admin’s units', async () => {
      const res = await users('demo-admin', { action: 'findPeople', query: '陈静' })
      expect(res.data.items[0].roles).toContainEqual(
        expect.objectContaining({ role: 'community_secretary', unitName: '东县门社区' }),
      )
    })
    it('should not find people living outside the admin’s district', async () => {
      await users('wx-far-1', { action: 'bindCommunity', communityId: 'c-huaqing' })
      await users('wx-far-1', { action: 'updateProfile', name: '李建远', phone: '13700009999' })
      const res = await users('demo-admin', { action: 'findPeople', query: '李建' })
      expect(res.data.items.map((p: { name: string }) => p.name)).toEqual(['李建国'])
    })
    it('should refuse an empty query and fewer than 4 digits', async () => {
      expect(codeOf(await users('demo-admin', { action: 'findPeople', query: '  ' }))).toBe('BAD_REQUEST')
      expect(codeOf(await users('demo-admin', { action: 'findPeople', query: '139' }))).toBe('BAD_REQUEST')
    })
    it('should refuse staff who do not manage roles', async () => {
      expect(codeOf(await users('demo-secretary-1', { action: 'findPeople', query: '李建国' }))).toBe('FORBIDDEN')
    })
  })

  describe('roleHolders', () => {
    it('should list who holds which role at exactly this unit, masked, without openids', async () => {
      const res = await users('demo-admin', { action: 'roleHolders', unitId: 'c-dongxianmen' })
      expect(res.ok).toBe(true)
      expect(res.data.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: '陈静', role: 'community_secretary', phone: expect.stringMatching(/\*{4}/) }),
          expect.objectContaining({ name: '张志强', role: 'volunteer' }),
        ]),
      )
      expect(JSON.stringify(res)).not.toContain('demo-')
    })
    it('should refuse a missing unit and an unknown one', async () => {
      expect(codeOf(await users('demo-admin', { action: 'roleHolders', unitId: '' }))).toBe('BAD_REQUEST')
      expect(codeOf(await users('demo-admin', { action: 'roleHolders', unitId: 'c-nowhere' }))).toBe('NOT_FOUND')
    })
    it('should refuse a unit outside the admin’s district and staff who do not manage roles', async () => {
      expect(codeOf(await users('demo-admin', { action: 'roleHolders', unitId: 'c-huaqing' }))).toBe('FORBIDDEN')
      expect(codeOf(await users('demo-secretary-1', { action: 'roleHolders', unitId: 'c-dongxianmen' }))).toBe(
        'FORBIDDEN',
      )
    })
  })

  describe('assignRole and revokeRole', () => {
    it('should grant a role to a person found by name, and revoke it from the unit’s list, telling them both times', async () => {
      const ref = await refOf('李建国')
      const grant = { ref, role: 'grid_worker', unitId: 'g-dongxianmen-2' }
      expect(await users('demo-admin', { action: 'assignRole', ...grant })).toEqual({
        ok: true,
        data: { created: true },
      })
      expect(await users('demo-admin', { action: 'assignRole', ...grant })).toEqual({
        ok: true,
        data: { created: false },
      })
      const me = await users('demo-resident-2', { action: 'me' })
      expect(me.data.roles).toContainEqual(expect.objectContaining({ role: 'grid_worker', unitId: 'g-dongxianmen-2' }))

      const holders = await users('demo-admin', { action: 'roleHolders', unitId: 'g-dongxianmen-2' })
      const held = holders.data.items.find((h: { name: string; role: string }) => h.name === '李建国')
      expect(held).toMatchObject({ ref, role: 'grid_worker' })
      const revoke = await users('demo-admin', {
        action: 'revokeRole',
        ref: held.ref,
        role: 'grid_worker',
        unitId: 'g-dongxianmen-2',
      })
      expect(revoke).toEqual({ ok: true, data: { removed: 1 } })
      const after = await users('demo-resident-2', { action: 'me' })
      expect(after.data.roles.map((r: { role: string }) => r.role)).toEqual(['resident'])
      expect((await messagesTo('demo-resident-2')).map((m) => m.title).sort()).toEqual([
        '您有了新的角色',
        '您的角色已撤销',
      ])
    })
    it('should refuse a malformed ref, an unknown person, a role at the wrong kind of unit and an unknown role, changing nothing', async () => {
      const ref = await refOf('李建国')
      const before = JSON.stringify(await env.docs(COLLECTIONS.roleAssignments))
      const tries: [Record<string, unknown>, string][] = [
        [{ ref: 'demo-resident-2', role: 'volunteer', unitId: 'c-dongxianmen' }, 'BAD_REQUEST'],
        [{ ref: '0'.repeat(32), role: 'volunteer', unitId: 'c-dongxianmen' }, 'NOT_FOUND'],
        [{ ref, role: 'department_handler', unitId: 'c-dongxianmen' }, 'BAD_REQUEST'],
        [{ ref, role: 'mayor', unitId: 'c-dongxianmen' }, 'BAD_REQUEST'],
      ]
      for (const [input, code] of tries) {
        expect([input, codeOf(await users('demo-admin', { action: 'assignRole', ...input }))]).toEqual([input, code])
      }
      expect(JSON.stringify(await env.docs(COLLECTIONS.roleAssignments))).toBe(before)
      expect(await messagesTo('demo-resident-2')).toEqual([])
    })
    it('should refuse role changes to non-admins, outside the admin’s district, and of the admin’s own admin role', async () => {
      const ref = await refOf('张志强')
      const volunteer = { ref, role: 'volunteer', unitId: 'c-dongxianmen' }
      expect(codeOf(await users('demo-secretary-1', { action: 'revokeRole', ...volunteer }))).toBe('FORBIDDEN')
      expect(codeOf(await users('demo-street-1', { action: 'revokeRole', ...volunteer }))).toBe('FORBIDDEN')
      expect(codeOf(await users('demo-admin', { action: 'assignRole', ...volunteer, unitId: 'c-huaqing' }))).toBe(
        'FORBIDDEN',
      )
      const self = { ref: await refOf('周敏'), role: 'admin', unitId: 'd-beilin' }
      expect(codeOf(await users('demo-admin', { action: 'revokeRole', ...self }))).toBe('CONFLICT')
      expect(await env.docs(COLLECTIONS.roleAssignments, { openid: 'demo-volunteer-1' })).toHaveLength(1)
      expect(await env.docs(COLLECTIONS.roleAssignments, { openid: 'demo-admin' })).toHaveLength(1)
    })
  })
})
