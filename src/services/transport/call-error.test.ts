import { CallError, ERROR_MESSAGES, messageOf, unwrapEnvelope } from './call-error'

describe('unwrapEnvelope', () => {
  it('should return data of an ok envelope', () => {
    expect(unwrapEnvelope({ ok: true, data: { n: 1 } })).toEqual({ n: 1 })
  })
  it('should say 请先登录 for UNAUTHORIZED whatever the server wrote', () => {
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'UNAUTHORIZED', message: 'missing token' } })).toThrow(
      new CallError('UNAUTHORIZED', '请先登录'),
    )
  })
  it('should show the first zod issue for BAD_REQUEST', () => {
    try {
      unwrapEnvelope({
        ok: false,
        error: { code: 'BAD_REQUEST', message: '输入有误', issues: [{ path: ['name'], message: '姓名不能为空' }] },
      })
      throw new Error('unreachable')
    } catch (error) {
      expect(error).toBeInstanceOf(CallError)
      expect((error as CallError).message).toBe('内容有误：姓名不能为空')
      expect((error as CallError).issues).toHaveLength(1)
    }
  })
  it('should keep the server message for FORBIDDEN', () => {
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'FORBIDDEN', message: '只有社区书记可以审核' } })).toThrow(
      '只有社区书记可以审核',
    )
  })
  it('should hide an INTERNAL message behind the app wording', () => {
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'INTERNAL', message: 'TypeError at x.js:1' } })).toThrow(
      ERROR_MESSAGES.INTERNAL,
    )
  })
  it('should treat a body that is not an envelope as a network failure', () => {
    expect(() => unwrapEnvelope('<html>502</html>')).toThrow(ERROR_MESSAGES.NETWORK)
  })
  it('should treat an unknown code as INTERNAL', () => {
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'TEAPOT', message: 'x' } })).toThrow(
      ERROR_MESSAGES.INTERNAL,
    )
  })
})

describe('messageOf', () => {
  it('should fall back to a generic Chinese message for foreign errors', () => {
    expect(messageOf(new Error('boom'))).toBe(ERROR_MESSAGES.INTERNAL)
  })
})
