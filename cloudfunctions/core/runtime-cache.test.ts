import type { Db } from '@cloudbase/database'
import { runtimeCache } from './runtime-cache'

/** Two stand-in database handles: the cache only keys by identity. */
const dbA = {} as Db
const dbB = {} as Db

describe('runtimeCache', () => {
  const counting = () => {
    const reads: string[] = []
    const cache = runtimeCache(async (db, key) => {
      reads.push(`${db === dbA ? 'A' : 'B'}:${key}`)
      if (key === 'broken') throw new Error('读取失败')
      return `${key}@${reads.length}`
    }, 1000)
    return { cache, reads }
  }

  it('should read once per handle and key within the TTL, sharing one read between concurrent callers', async () => {
    const { cache, reads } = counting()
    const [a, b] = await Promise.all([cache.get(dbA, 'u1', 0), cache.get(dbA, 'u1', 10)])
    expect([a, b]).toEqual(['u1@1', 'u1@1'])
    await cache.get(dbA, 'u2', 20)
    await cache.get(dbB, 'u1', 30)
    expect(await cache.get(dbA, 'u1', 999)).toBe('u1@1')
    expect(reads).toEqual(['A:u1', 'A:u2', 'B:u1'])
  })

  it('should read again after the TTL', async () => {
    const { cache, reads } = counting()
    await cache.get(dbA, 'u1', 0)
    expect(await cache.get(dbA, 'u1', 1000)).toBe('u1@2')
    expect(reads).toEqual(['A:u1', 'A:u1'])
  })

  it('should read again after an invalidation of the key or of the whole handle, and only there', async () => {
    const { cache, reads } = counting()
    await Promise.all([cache.get(dbA, 'u1', 0), cache.get(dbA, 'u2', 0), cache.get(dbB, 'u1', 0)])
    cache.invalidate(dbA, 'u1')
    await Promise.all([cache.get(dbA, 'u1', 1), cache.get(dbA, 'u2', 1)])
    cache.invalidate(dbA)
    await Promise.all([cache.get(dbA, 'u2', 2), cache.get(dbB, 'u1', 2)])
    expect(reads).toEqual(['A:u1', 'A:u2', 'B:u1', 'A:u1', 'A:u2'])
  })

  it('should not keep a failed read', async () => {
    const { cache, reads } = counting()
    await expect(cache.get(dbA, 'broken', 0)).rejects.toThrow('读取失败')
    await expect(cache.get(dbA, 'broken', 1)).rejects.toThrow('读取失败')
    expect(reads).toEqual(['A:broken', 'A:broken'])
  })
})
