import Taro from '@tarojs/taro'
import { createHttpCall } from './http-call'
import { getToken } from './session'

const LOGIN_PAGE = '/pages/login/index'

/** H5: the local host (same origin unless TARO_APP_API_BASE_URL was set at build time). */
export const call = createHttpCall({
  baseUrl: API_BASE_URL,
  getToken,
  fetch: (url, init) => fetch(url, init),
  onUnauthorized() {
    const current = Taro.getCurrentPages().at(-1)?.route ?? ''
    if (!current.endsWith(LOGIN_PAGE.slice(1))) void Taro.reLaunch({ url: LOGIN_PAGE })
  },
})
