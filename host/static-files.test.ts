import path from 'node:path'
import { contentTypeOf, resolveInside } from './static-files'

describe('static-files', () => {
  const root = path.resolve('/srv/h5')

  it('should resolve a path inside the root', () => {
    expect(resolveInside(root, '/js/app.1234abcd.js')).toBe(path.join(root, 'js/app.1234abcd.js'))
    expect(resolveInside(root, '/')).toBe(root)
  })

  it('should keep .. and encoded tricks inside the root', () => {
    expect(resolveInside(root, '/../../etc/passwd')).toBe(path.join(root, 'etc/passwd'))
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc/passwd'))
    expect(resolveInside(root, '/a%00b')).toBeNull()
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull()
  })

  it('should name the content type of what the H5 build contains', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('js/app.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('css/app.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeOf('a.WEBP')).toBe('image/webp')
    expect(contentTypeOf('unknown.bin')).toBe('application/octet-stream')
  })
})
