import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

export type Encoding = 'br' | 'gzip'

/** Text formats that shrink; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt'])
/** Below this a compressed body saves less than the header costs. */
const MIN_BYTES = 1024

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

interface Packed {
  /** The file's modification time and size when compressed: a rebuilt file is compressed again. */
  mtimeMs: number
  size: number
  bodies: Partial<Record<Encoding, Promise<Buffer>>>
}

const cache = new Map<string, Packed>()

/** The encoding to answer with for an Accept-Encoding header: brotli first, then gzip. */
export function pickEncoding(accept: string | string[] | undefined): Encoding | null {
  const offered = new Map<string, number>()
  for (const part of String(accept ?? '')
    .toLowerCase()
    .split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined)
    if (name) offered.set(name, q === undefined ? 1 : Number(q))
  }
  const ok = (name: Encoding) => (offered.get(name) ?? offered.get('*') ?? 0) > 0
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null
}

async function compress(file: string, encoding: Encoding): Promise<Buffer> {
  // A copy compressed at build time (name.js.br / name.js.gz) is used as it is.
  const prebuilt = await readFile(`${file}.${encoding === 'br' ? 'br' : 'gz'}`).catch(() => null)
  if (prebuilt) return prebuilt
  const raw = await readFile(file)
  // Compressed once per file and kept: quality 11 is slow, but paid once per build.
  return encoding === 'br'
    ? brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    : gz(raw, { level: 9 })
}

/**
 * The compressed body of a static file for this request, compressed on first use and kept
 * in memory for as long as the file is unchanged (the H5 build is a few MB of text);
 * concurrent first requests share one compression. Undefined: the file is not worth
 * compressing; null: it is, but the browser accepts neither encoding.
 */
export async function compressedFor(
  found: { file: string; size: number },
  accept: string | string[] | undefined,
): Promise<{ encoding: Encoding; body: Buffer } | null | undefined> {
  if (found.size < MIN_BYTES || !COMPRESSIBLE.has(path.extname(found.file).toLowerCase())) return undefined
  const encoding = pickEncoding(accept)
  if (!encoding) return null
  const { mtimeMs, size } = await stat(found.file)
  let packed = cache.get(found.file)
  if (!packed || packed.mtimeMs !== mtimeMs || packed.size !== size) {
    packed = { mtimeMs, size, bodies: {} }
    cache.set(found.file, packed)
  }
  const body = (packed.bodies[encoding] ??= compress(found.file, encoding))
  body.catch(() => cache.delete(found.file))
  return { encoding, body: await body }
}
