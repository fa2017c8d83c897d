import Taro from '@tarojs/taro'

/** Storage key of the H5 bearer token (weapp needs none: CloudBase knows the caller). */
export const TOKEN_KEY = 'mhwx.token'

export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' && token ? token : null
}

export function setToken(token: string | null): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token)
  else Taro.removeStorageSync(TOKEN_KEY)
}
