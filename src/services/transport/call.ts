import { CallError } from './call-error'

/**
 * The transport seam. Taro resolves `./call` to `call.weapp.ts` or `call.h5.ts` at build
 * time; this file is what TypeScript and jest see, and only says what both must provide.
 */
export async function call<T>(fn: string, action: string, input?: object): Promise<T> {
  void fn
  void action
  void input
  throw new CallError('INTERNAL', '当前平台不支持')
}
