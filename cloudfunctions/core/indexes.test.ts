import { openEmbeddedDb } from '../../embedded-db'
import { INDEXES } from './indexes'

describe('INDEXES', () => {
  it('should declare the shared collections with well-formed, uniquely named indexes', () => {
    const names = INDEXES.map((s) => `${s.collection}/${s.name}`)
    expect(new Set(names).size).toBe(names.length)
    for (const c of ['units', 'role_assignments', 'outbox', 'inbox'])
      expect(INDEXES.some((s) => s.collection === c)).toBe(true)
    expect(() => openEmbeddedDb({ file: ':memory:', indexes: INDEXES }).close()).not.toThrow()
  })
})
