import { parsePost } from './open311-post'

const form = (fields: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]))

describe('parsePost', () => {
  it('should read every field of a GeoReport POST', () => {
    const out = parsePost(
      form({
        service_code: 'environment.litter',
        lat: '34.252',
        long: '108.952',
        description: ' 垃圾没人清 ',
        first_name: '小明',
        last_name: '王',
        phone: '(029) 8888-1234',
        address_string: '东县门街12号',
        address_id: 'XA-77',
        media_url: 'https://fms.example.org/photo/1.jpeg',
      }),
    )
    expect(out).toEqual({
      ok: true,
      post: {
        serviceCode: 'environment.litter',
        description: '垃圾没人清',
        location: { lng: 108.952, lat: 34.252 },
        address: '东县门街12号',
        addressId: 'XA-77',
        mediaUrls: ['https://fms.example.org/photo/1.jpeg'],
        name: '王小明',
        phone: '029 8888-1234',
      },
    })
  })

  it('should accept a POST without a description, as the spec allows', () => {
    const out = parsePost(form({ service_code: 'a.b', address_string: '东县门街12号' }))
    expect(out.ok && out.post.description).toBe('')
  })

  it('should accept address_id alone as the location', () => {
    const out = parsePost(form({ service_code: 'a.b', address_id: 'XA-0012' }))
    expect(out.ok && [out.post.location, out.post.address, out.post.addressId]).toEqual([null, '', 'XA-0012'])
  })

  it('should accept a 4,000-character description and refuse 4,001 saying which field and how long', () => {
    expect(parsePost(form({ service_code: 'a.b', address_id: '1', description: '井'.repeat(4000) })).ok).toBe(true)
    expect(parsePost(form({ service_code: 'a.b', address_id: '1', description: '井'.repeat(4001) }))).toEqual({
      ok: false,
      errors: [{ code: 400, description: 'description is too long: 4001 characters, at most 4000' }],
    })
  })

  it.each([
    ['address_string', 101, 100],
    ['address_id', 65, 64],
    ['first_name', 11, 10],
  ])('should refuse a %s of %i characters', (field, n, max) => {
    const out = parsePost(form({ service_code: 'a.b', lat: '34.2', long: '108.9', [field]: '字'.repeat(n) }))
    expect(out).toEqual({
      ok: false,
      errors: [{ code: 400, description: `${field} is too long: ${n} characters, at most ${max}` }],
    })
  })

  it('should list every missing field as a 400 error', () => {
    expect(parsePost(form({ description: '没有位置' }))).toEqual({
      ok: false,
      errors: [
        { code: 400, description: 'service_code is required' },
        { code: 400, description: 'a location is required: lat and long, address_string or address_id' },
      ],
    })
  })

  it.each([
    [{ lat: '95', long: '108' }, 'lat/long out of range'],
    [{ lat: '34.2' }, 'lat and long must be sent together'],
    [{ lat: 'north', long: '108' }, 'lat and long must be decimal degrees (WGS84)'],
    [{ lat: '34.2', long: '108.9', phone: 'call me' }, 'phone may hold only digits, spaces and + - ( )'],
    [
      { address_id: '1', media_url: 'ftp://example.org/a.jpg' },
      'media_url must be an http or https URL: ftp://example.org/a.jpg',
    ],
    [
      {
        address_id: '1',
        media_url: [
          'http://a.example/1.jpg',
          'http://a.example/2.jpg',
          'http://a.example/3.jpg',
          'http://a.example/4.jpg',
        ],
      },
      'too many media_url: 4, at most 3',
    ],
  ])('should refuse %o', (fields, description) => {
    expect(parsePost(form({ service_code: 'a.b', ...fields }))).toEqual({
      ok: false,
      errors: [{ code: 400, description }],
    })
  })

  it('should take repeated media_url fields as several photos', () => {
    const out = parsePost(
      form({ service_code: 'a.b', address_id: '1', media_url: ['http://a.example/1.jpg', 'http://a.example/2.jpg'] }),
    )
    expect(out.ok && out.post.mediaUrls).toEqual(['http://a.example/1.jpg', 'http://a.example/2.jpg'])
  })
})
