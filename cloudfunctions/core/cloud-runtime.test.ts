import { callerFromContext } from './cloud-runtime'

describe('callerFromContext', () => {
  it('should read the OPENID CloudBase puts in the invocation context', () => {
    const context = { request_id: 'r1', environ: 'WX_OPENID=oUser123;WX_APPID=wx1;WX_CONTEXT_KEYS=WX_OPENID,WX_APPID' }
    expect(callerFromContext(context)).toEqual({ openid: 'oUser123' })
  })
  it('should give no caller for a context without a user (a timer, the console)', () => {
    expect(callerFromContext({ request_id: 'r2', environ: 'SCF_NAMESPACE=prod' })).toBeNull()
    expect(callerFromContext(undefined)).toBeNull()
  })
})
