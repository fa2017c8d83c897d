/**
 * The part of WeChat's `wx` API that the Taro runtime and our pages touch, for running the
 * built mini-program under miniprogram-simulate (which provides components, not `wx`).
 * Storage is a real in-memory store; `wx.cloud.callFunction` runs the real functions on
 * the embedded database through the function harness, so a page shows real answers.
 */
type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void }

export interface WxStub {
  wx: Record<string, unknown>
  storage: Map<string, unknown>
  calls: { name: string; data: Record<string, unknown> }[]
}

function settle<T>(options: Callbacks | undefined, run: () => T): Promise<T> {
  try {
    const res = run()
    options?.success?.(res)
    options?.complete?.(res)
    return Promise.resolve(res)
  } catch (err) {
    options?.fail?.(err)
    options?.complete?.(err)
    return Promise.reject(err)
  }
}

export function createWx(
  callFunction: (name: string, data: Record<string, unknown>) => Promise<unknown>,
  systemFontSize = 17,
): WxStub {
  const storage = new Map<string, unknown>()
  const calls: WxStub['calls'] = []
  const systemInfo = {
    platform: 'devtools',
    model: 'simulate',
    pixelRatio: 2,
    windowWidth: 375,
    windowHeight: 667,
    screenWidth: 375,
    screenHeight: 667,
    fontSizeSetting: systemFontSize,
    SDKVersion: '3.6.0',
    version: '8.0.50',
    language: 'zh_CN',
    theme: 'light',
  }
  const wx: Record<string, unknown> = {
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: (o: Callbacks) => settle(o, () => systemInfo),
    getWindowInfo: () => systemInfo,
    getAppBaseInfo: () => ({ SDKVersion: '3.6.0', fontSizeSetting: systemFontSize, language: 'zh_CN', theme: 'light' }),
    getDeviceInfo: () => systemInfo,
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorage: (o: Callbacks & { key: string }) => settle(o, () => ({ data: storage.get(o.key) })),
    setStorage: (o: Callbacks & { key: string; data: unknown }) => settle(o, () => void storage.set(o.key, o.data)),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    onNeedPrivacyAuthorization: () => undefined,
    stopPullDownRefresh: (o?: Callbacks) => settle(o, () => ({})),
    navigateTo: (o: Callbacks) => settle(o, () => ({})),
    createSelectorQuery: () => ({
      in: () => undefined,
      select: () => undefined,
      selectAll: () => undefined,
      exec: () => undefined,
    }),
    cloud: {
      init: () => undefined,
      callFunction: (o: Callbacks & { name: string; data: Record<string, unknown> }) => {
        calls.push({ name: o.name, data: o.data })
        const p = callFunction(o.name, o.data).then((result) => ({ result, errMsg: 'cloud.callFunction:ok' }))
        p.then(
          (r) => o.success?.(r),
          (e) => o.fail?.(e),
        )
        return p
      },
    },
  }
  return { wx, storage, calls }
}
