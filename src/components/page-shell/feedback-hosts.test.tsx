/**
 * @jest-environment jsdom
 */
import Taro from '@tarojs/taro'
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { confirm, toast } from '../../lib/feedback'
import { FeedbackHosts } from './feedback-hosts'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { showModal: jest.fn(async () => ({ confirm: true })), showToast: jest.fn(async () => ({})) },
}))

// The hosts' chunk cannot be fetched (a phone network dropping while the first page settles).
jest.mock('./nutui-hosts', () => {
  throw new Error('Loading chunk nutui-hosts failed')
})

const reactAct = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }

describe('FeedbackHosts', () => {
  beforeAll(() => (reactAct.IS_REACT_ACT_ENVIRONMENT = true))
  afterAll(() => delete reactAct.IS_REACT_ACT_ENVIRONMENT)

  it('should leave the page on screen and ask through Taro when its chunk cannot be loaded', async () => {
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

      // Messages and questions go to Taro's own toast and modal instead of waiting for ever.
      toast('已提交', 'success')
      await expect(confirm({ title: '撤回诉求', content: '撤回后不再办理，确定撤回吗？' })).resolves.toBe(true)
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '撤回诉求', confirmText: '确定', cancelText: '取消' }),
      )
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交', icon: 'success' }))
    } finally {
      error.mockRestore()
      await act(async () => root.unmount())
    }
  })
})
