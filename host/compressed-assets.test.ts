import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { compressedFor, pickEncoding } from './compressed-assets'

describe('pickEncoding', () => {
  it('should prefer brotli, then gzip, and honour q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br')
    expect(pickEncoding('gzip')).toBe('gzip')
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('identity')).toBeNull()
    expect(pickEncoding(undefined)).toBeNull()
  })
})

describe('compressedFor', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'compressed-assets-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const put = (name: string, text: string) => {
    const file = path.join(dir, name)
    writeFileSync(file, text)
    return { file, size: Buffer.byteLength(text) }
  }

  it('should leave small files and images alone', async () => {
    expect(await compressedFor(put('a.js', 'x'), 'gzip')).toBeUndefined()
    expect(await compressedFor(put('a.png', 'p'.repeat(5000)), 'gzip')).toBeUndefined()
  })

  it('should compress a rebuilt file again instead of serving the old one', async () => {
    const first = put('app.js', 'var a = 1;\n'.repeat(500))
    expect(gunzipSync((await compressedFor(first, 'gzip'))!.body).toString()).toBe('var a = 1;\n'.repeat(500))
    const second = put('app.js', 'var b = 2;\n'.repeat(600))
    utimesSync(second.file, new Date(), new Date(Date.now() + 5000))
    expect(gunzipSync((await compressedFor(second, 'gzip'))!.body).toString()).toBe('var b = 2;\n'.repeat(600))
  })

  it('should use a copy compressed at build time when there is one', async () => {
    const found = put('app.js', 'var a = 1;\n'.repeat(500))
    writeFileSync(`${found.file}.br`, 'prebuilt')
    expect(await compressedFor(found, 'br')).toEqual({ encoding: 'br', body: Buffer.from('prebuilt') })
  })
})
