import { createRateLimiter, LIMITS } from './rate-limit'

describe('createRateLimiter', () => {
  let t = 0
  const limiter = () => createRateLimiter(() => t)
  beforeEach(() => {
    t = 1_000_000
  })

  it('should allow a burst, then refuse with the seconds to wait', () => {
    const rl = limiter()
    const { burst, perHour } = LIMITS.submission.account
    for (let i = 0; i < burst; i++) expect(rl.take('submission', { account: 'u1', address: '10.0.0.1' })).toBeNull()
    expect(rl.take('submission', { account: 'u1', address: '10.0.0.1' })).toBe(Math.ceil(3600 / perHour))
  })

  it('should refill over time', () => {
    const rl = limiter()
    for (let i = 0; i < LIMITS.submission.account.burst; i++) rl.take('submission', { account: 'u1', address: 'a' })
    t += (3_600_000 / LIMITS.submission.account.perHour) * 2
    expect(rl.take('submission', { account: 'u1', address: 'a' })).toBeNull()
    expect(rl.take('submission', { account: 'u1', address: 'a' })).toBeNull()
    expect(rl.take('submission', { account: 'u1', address: 'a' })).not.toBeNull()
  })

  it('should keep accounts apart but hold everyone at one address to the address limit', () => {
    const rl = limiter()
    for (let i = 0; i < LIMITS.submission.account.burst; i++) rl.take('submission', { account: 'u1', address: 'a' })
    expect(rl.take('submission', { account: 'u2', address: 'a' })).toBeNull()
    let refusedAt = -1
    for (let i = 0; i < LIMITS.submission.address.burst && refusedAt < 0; i++) {
      if (rl.take('submission', { account: `many-${i}`, address: 'b' }) !== null) refusedAt = i
    }
    expect(refusedAt).toBe(-1)
    expect(rl.take('submission', { account: 'one-more', address: 'b' })).not.toBeNull()
  })

  it('should take nothing from the account when the address refuses', () => {
    const rl = limiter()
    for (let i = 0; i < LIMITS.upload.address.burst; i++) rl.take('upload', { address: 'c' })
    expect(rl.take('upload', { account: 'fresh', address: 'c' })).not.toBeNull()
    for (let i = 0; i < LIMITS.upload.account.burst; i++)
      expect(rl.take('upload', { account: 'fresh', address: 'd' })).toBeNull()
  })

  it('should forget idle buckets', () => {
    const rl = limiter()
    rl.take('call', { account: 'u1', address: 'a' })
    expect(rl.size()).toBe(2)
    t += 2 * 3_600_000
    rl.take('call', { address: 'z' })
    expect(rl.size()).toBe(1)
  })
})
