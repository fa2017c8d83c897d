import { createTokenVerifier, signToken, verifyToken } from './token'

const SECRET = 'test-secret'

describe('token', () => {
  it('should give back the openid it was signed for', () => {
    expect(verifyToken(signToken('demo-resident-1', SECRET), SECRET)).toBe('demo-resident-1')
  })

  it('should refuse a token signed with another secret', () => {
    expect(verifyToken(signToken('demo-resident-1', 'other'), SECRET)).toBeNull()
  })

  it('should refuse a token whose payload was changed', () => {
    const token = signToken('demo-resident-1', SECRET)
    const signature = token.split('.')[1]
    const forged = Buffer.from(JSON.stringify({ sub: 'demo-admin', exp: 4102444800 })).toString('base64url')
    expect(verifyToken(`${forged}.${signature}`, SECRET)).toBeNull()
  })

  it('should refuse a token whose signature was changed', () => {
    const token = signToken('demo-resident-1', SECRET)
    const [payload, signature] = token.split('.') as [string, string]
    for (const last of ['A', 'B']) {
      if (signature.endsWith(last)) continue
      expect(verifyToken(`${payload}.${signature.slice(0, -1)}${last}`, SECRET)).toBeNull()
    }
    const first = signature.startsWith('A') ? 'B' : 'A'
    expect(verifyToken(`${payload}.${first}${signature.slice(1)}`, SECRET)).toBeNull()
  })

  it('should refuse an expired token', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    const token = signToken('demo-resident-1', SECRET, { now, ttlSeconds: 60 })
    expect(verifyToken(token, SECRET, new Date('2026-01-01T00:00:59Z'))).toBe('demo-resident-1')
    expect(verifyToken(token, SECRET, new Date('2026-01-01T00:01:00Z'))).toBeNull()
  })

  it('should refuse garbage', () => {
    expect(verifyToken('', SECRET)).toBeNull()
    expect(verifyToken('a.b.c', SECRET)).toBeNull()
    expect(verifyToken('not-a-token', SECRET)).toBeNull()
  })
})

describe('createTokenVerifier', () => {
  const now = new Date('2026-11-22T02:00:00Z')

  it('should accept a remembered token until it expires, then refuse it', () => {
    const verify = createTokenVerifier(SECRET)
    const token = signToken('demo-resident-1', SECRET, { now, ttlSeconds: 60 })
    expect(verify(token, now)).toBe('demo-resident-1')
    expect(verify(token, new Date(now.getTime() + 30_000))).toBe('demo-resident-1')
    expect(verify(token, new Date(now.getTime() + 61_000))).toBeNull()
  })

  it('should refuse a changed token even after accepting the original', () => {
    const verify = createTokenVerifier(SECRET)
    const token = signToken('demo-resident-1', SECRET, { now })
    expect(verify(token, now)).toBe('demo-resident-1')
    const forged = Buffer.from(JSON.stringify({ sub: 'demo-admin', exp: 4102444800 })).toString('base64url')
    expect(verify(`${forged}.${token.split('.')[1]}`, now)).toBeNull()
    expect(verify(signToken('demo-resident-1', 'other', { now }), now)).toBeNull()
  })

  it('should keep verifying correctly after forgetting what it remembered', () => {
    const verify = createTokenVerifier(SECRET, 2)
    const tokens = ['a', 'b', 'c'].map((id) => signToken(`demo-${id}`, SECRET, { now }))
    expect(tokens.map((t) => verify(t, now))).toEqual(['demo-a', 'demo-b', 'demo-c'])
    expect(verify(tokens[0]!, now)).toBe('demo-a')
  })
})
