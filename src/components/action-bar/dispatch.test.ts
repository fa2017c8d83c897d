import { dispatchAction, visibleActions, type ActionSpec, type DispatchDeps } from './dispatch'

type A = 'claim' | 'withdraw' | 'thank'
const SPECS: Record<A, ActionSpec> = {
  claim: { label: '我来认领' },
  withdraw: { label: '撤回心愿', confirm: '撤回后心愿将从心愿墙上撤下。确定撤回吗？' },
  thank: { label: '写感谢的话', form: { title: '对志愿者说句话' } },
}

/** Records what was asked and run; the answer to the confirm is given per test. */
function deps(answer: boolean, patch: Partial<DispatchDeps<A>> = {}) {
  const log: string[] = []
  const d: DispatchDeps<A> = {
    pending: null,
    ask: async (q) => (log.push(`ask ${q.title}`), answer),
    run: async (a) => (log.push(`run ${a}`), `已${SPECS[a].label}`),
    ...patch,
  }
  return { d, log }
}

describe('visibleActions', () => {
  it('should keep the page order and drop what the server does not allow', () => {
    expect(visibleActions<A>(['claim', 'thank', 'withdraw'], ['withdraw', 'claim', 'hide'])).toEqual([
      'claim',
      'withdraw',
    ])
  })
})

describe('dispatchAction', () => {
  it('should run an action without a form or a confirm at once', async () => {
    const { d, log } = deps(true)
    expect(await dispatchAction('claim', SPECS.claim, d)).toEqual({ kind: 'done', message: '已我来认领' })
    expect(log).toEqual(['run claim'])
  })

  it('should not run a destructive action when the confirm is declined', async () => {
    const { d, log } = deps(false)
    expect(await dispatchAction('withdraw', SPECS.withdraw, d)).toEqual({ kind: 'cancel' })
    expect(log).toEqual(['ask 撤回心愿'])
  })

  it('should run a destructive action after the confirm', async () => {
    const { d, log } = deps(true)
    expect((await dispatchAction('withdraw', SPECS.withdraw, d)).kind).toBe('done')
    expect(log).toEqual(['ask 撤回心愿', 'run withdraw'])
  })

  it('should open the form on the first press and run on its submit', async () => {
    const first = deps(true)
    expect(await dispatchAction('thank', SPECS.thank, first.d)).toEqual({ kind: 'open' })
    expect(first.log).toEqual([])
    const second = deps(true, { pending: 'thank' })
    expect((await dispatchAction('thank', SPECS.thank, second.d)).kind).toBe('done')
  })

  it('should refuse a form that does not pass its check, before asking anything', async () => {
    const { d, log } = deps(true, { pending: 'withdraw', check: () => '请至少写 2 个字' })
    expect(await dispatchAction('withdraw', SPECS.withdraw, d)).toEqual({ kind: 'refuse', message: '请至少写 2 个字' })
    expect(log).toEqual([])
  })

  it('should hand back the error of a call that failed', async () => {
    const refused = new Error('没有权限进行这项操作')
    const { d } = deps(true, { run: async () => Promise.reject(refused) })
    expect(await dispatchAction('claim', SPECS.claim, d)).toEqual({ kind: 'fail', error: refused })
  })
})
