import Taro from '@tarojs/taro'
import { callErrorFrom, unwrapEnvelope } from './call-error'

let initialised = false

/** `wx.cloud.init` must run once before the first call; the env id comes from the build. */
function ensureCloud(): void {
  if (initialised) return
  Taro.cloud.init(CLOUD_ENV_ID ? { env: CLOUD_ENV_ID, traceUser: true } : { traceUser: true })
  initialised = true
}

/** weapp: CloudBase invokes the function and tells it the caller's OPENID itself. */
export async function call<T>(fn: string, action: string, input: object = {}): Promise<T> {
  ensureCloud()
  let result: unknown
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { ...input, action } })
    result = res.result
  } catch {
    throw callErrorFrom('NETWORK')
  }
  return unwrapEnvelope<T>(result)
}
