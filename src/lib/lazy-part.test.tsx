/**
 * @jest-environment jsdom
 */
import { act, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { lazyPart } from './lazy-part'

const reactAct = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }

describe('lazyPart', () => {
  beforeAll(() => (reactAct.IS_REACT_ACT_ENVIRONMENT = true))
  afterAll(() => delete reactAct.IS_REACT_ACT_ENVIRONMENT)

  async function rendered(failures: number): Promise<{ text: string | null; loads: number }> {
    let loads = 0
    const Part = lazyPart(
      async () => {
        loads++
        if (loads <= failures) throw new Error('Loading chunk failed')
        return { default: ({ name }: { name: string }) => <span>loaded {name}</span> }
      },
      ({ name }) => <span>fallback {name}</span>,
    )
    const container = document.createElement('div')
    const root = createRoot(container)
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await act(async () =>
        root.render(
          <Suspense fallback={null}>
            <Part name="x" />
          </Suspense>,
        ),
      )
      await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
      return { text: container.textContent, loads }
    } finally {
      error.mockRestore()
      await act(async () => root.unmount())
    }
  }

  it('should render the part once its chunk loads', async () => {
    expect(await rendered(0)).toEqual({ text: 'loaded x', loads: 1 })
  })

  it('should fetch a chunk that failed once more', async () => {
    expect(await rendered(1)).toEqual({ text: 'loaded x', loads: 2 })
  })

  it('should render the fallback, with the same props, when the chunk fails twice', async () => {
    expect(await rendered(2)).toEqual({ text: 'fallback x', loads: 2 })
  })
})
