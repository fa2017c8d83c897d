import { asyncPhase, nullAsLoading, type AsyncLike } from './phase'

const state = (patch: Partial<AsyncLike<string[]>>): AsyncLike<string[]> => ({
  data: undefined,
  loading: false,
  error: null,
  ...patch,
})
const isEmpty = (rows: string[]) => rows.length === 0

describe('asyncPhase', () => {
  it.each([
    ['the first load', state({ loading: true }), 'loading'],
    ['a failed first load', state({ error: '网络不太好，请稍后再试' }), 'error'],
    ['a failed reload over loaded rows', state({ data: ['a'], error: '网络不太好，请稍后再试' }), 'error'],
    ['a reload over loaded rows', state({ data: ['a'], loading: true }), 'content'],
    ['loaded rows', state({ data: ['a'] }), 'content'],
    ['a loaded empty list', state({ data: [] }), 'empty'],
  ] as const)('should show %s as %s', (_name, s, phase) => {
    expect(asyncPhase(s, isEmpty)).toBe(phase)
  })

  it('should show loading over old rows when the page says they would be stale', () => {
    expect(asyncPhase(state({ data: ['a'], loading: true }), isEmpty, false)).toBe('loading')
  })

  it('should never call an empty list empty when the page gave no test for it', () => {
    expect(asyncPhase(state({ data: [] }))).toBe('content')
  })
})

describe('nullAsLoading', () => {
  it('should show a call that answered null (it could not run yet) as loading', () => {
    expect(asyncPhase(nullAsLoading<string[]>({ data: null, loading: false, error: null }))).toBe('loading')
  })

  it('should keep an error and real data as they are', () => {
    expect(asyncPhase(nullAsLoading<string[]>({ data: null, loading: false, error: '没有权限进行这项操作' }))).toBe(
      'error',
    )
    expect(asyncPhase(nullAsLoading<string[]>({ data: ['a'], loading: false, error: null }))).toBe('content')
  })
})
