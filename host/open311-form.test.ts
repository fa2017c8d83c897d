import { formOf } from './open311-form'

const JSON_TYPE = 'application/json; charset=utf-8'

describe('formOf', () => {
  it('should read a form-encoded body keeping repeated fields', () => {
    expect(
      formOf('service_code=a&media_url=x&media_url=y&attribute%5BW%5D=1', 'application/x-www-form-urlencoded'),
    ).toEqual({
      ok: true,
      form: { service_code: ['a'], media_url: ['x', 'y'], 'attribute[W]': ['1'] },
    })
  })

  it('should read a JSON object as text fields: numbers and booleans as their text, null as empty, lists as repeats', () => {
    expect(
      formOf(JSON.stringify({ lat: 34.25, anonymous: true, phone: null, media_url: ['x', 'y'] }), JSON_TYPE),
    ).toEqual({
      ok: true,
      form: { lat: ['34.25'], anonymous: ['true'], phone: [''], media_url: ['x', 'y'] },
    })
  })

  it('should name JSON attributes the way the form does', () => {
    expect(formOf(JSON.stringify({ attribute: { WHISPER: '是', TYPES: ['a', 'b'] } }), JSON_TYPE)).toEqual({
      ok: true,
      form: { 'attribute[WHISPER]': ['是'], 'attribute[TYPES][]': ['a', 'b'] },
    })
  })

  it.each([
    [{ description: { text: '楼道' } }, 'description must be text or a number (or a list of them), not an object'],
    [
      { media_url: [{ url: 'https://x/1.png' }] },
      'media_url must be text or a number (or a list of them), not an object',
    ],
    [{ attribute: { W: { deep: 1 } } }, 'attribute[W] must be text or a number (or a list of them)'],
    [['service_code'], 'the body must be form fields or a JSON object'],
  ])('should refuse %j with the field named', (body, error) => {
    expect(formOf(JSON.stringify(body), JSON_TYPE)).toEqual({ ok: false, error })
  })

  it('should refuse a body that is not JSON at all', () => {
    expect(formOf('{service_code:', JSON_TYPE)).toEqual({
      ok: false,
      error: 'the body must be form fields or a JSON object',
    })
  })
})
