/**
 * @jest-environment jsdom
 */
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { FeedbackHosts } from './feedback-hosts'

// The hosts' chunk cannot be fetched (a phone network dropping while the first page settles).
jest.mock('./nutui-hosts', () => {
  throw new Error('Loading chunk nutui-hosts failed')
})

const reactAct = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }

describe('FeedbackHosts', () => {
  beforeAll(() => (reactAct.IS_REACT_ACT_ENVIRONMENT = true))
  afterAll(() => delete reactAct.IS_REACT_ACT_ENVIRONMENT)

  it('should leave the page on screen when its chunk cannot be loaded', async () => {
    const container = document.createElement('div')
    const root = createRoot(container)
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await act(async () => {
        root.render(
          <>
            <p>首页</p>
            <FeedbackHosts />
          </>,
        )
      })
      await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
      expect(container.textContent).toBe('首页')
    } finally {
      error.mockRestore()
      await act(async () => root.unmount())
    }
  })
})
