/**
 * @jest-environment jsdom
 */
import type { ReactNode } from 'react'
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { PopupFrame } from './frame'

// NutUI's Popup cannot be fetched when the first consent request opens the popup.
jest.mock('./nutui-frame', () => {
  throw new Error('Loading chunk nutui-frame failed')
})
jest.mock('@tarojs/components', () => ({
  View: ({ children, style, role }: { children?: ReactNode; style?: object; role?: string }) => (
    <div style={style} role={role}>
      {children}
    </div>
  ),
}))

const reactAct = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)))

describe('PopupFrame (H5)', () => {
  let container: HTMLDivElement
  let root: Root
  let error: jest.SpyInstance
  beforeAll(() => (reactAct.IS_REACT_ACT_ENVIRONMENT = true))
  afterAll(() => delete reactAct.IS_REACT_ACT_ENVIRONMENT)
  beforeEach(() => {
    container = document.createElement('div')
    root = createRoot(container)
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(async () => {
    await act(async () => root.unmount())
    error.mockRestore()
  })

  const show = (visible: boolean) =>
    act(async () => {
      root.render(
        <>
          <p>首页</p>
          <PopupFrame visible={visible}>
            <button>同意并继续</button>
          </PopupFrame>
        </>,
      )
    })

  it('should still ask for consent, in a plain sheet, when NutUI Popup cannot be loaded', async () => {
    await show(true)
    await settle()
    expect(container.textContent).toBe('首页同意并继续')
    expect(container.querySelector('[role="dialog"] button')?.textContent).toBe('同意并继续')
    await show(false)
    expect(container.textContent).toBe('首页')
  })
})
