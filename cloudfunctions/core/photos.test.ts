import { photoCloudPath } from '../../types/photos'
import { AppError } from './app-error'
import { checkOwnPhotos, cloudPathOf, saveUpload } from './photos'
import { createTestEnv, type TestEnv } from './testing'

let env: TestEnv
beforeEach(async () => {
  env = await createTestEnv({ seed: 'base' })
})
afterEach(() => env.close())

const refusal = (p: Promise<void>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? { code: e.code, message: e.message, issues: e.options.issues } : e),
  )

describe('checkOwnPhotos', () => {
  it('should accept local photos the caller uploaded and cloud photos in their own folder', async () => {
    const a = await saveUpload(env.rt, 'a.png', Buffer.from('a'), 'alice')
    const cloud = `cloud://env-1.6d79-env-1-1300000000/${photoCloudPath('alice', '1-x.jpg')}`
    await expect(checkOwnPhotos(env.rt.db, 'alice', [a, cloud])).resolves.toBeUndefined()
  })

  it('should refuse another user’s local photo with BAD_REQUEST 照片无效 and point at it', async () => {
    const mine = await saveUpload(env.rt, 'a.png', Buffer.from('a'), 'alice')
    const theirs = await saveUpload(env.rt, 'b.png', Buffer.from('b'), 'bob')
    expect(await refusal(checkOwnPhotos(env.rt.db, 'alice', [mine, theirs]))).toEqual({
      code: 'BAD_REQUEST',
      message: '照片无效',
      issues: [{ path: ['photos', 1], message: '照片无效，请重新上传' }],
    })
  })

  it('should refuse a local id nobody uploaded, another user’s cloud folder, a climb out of one’s folder and a foreign URL', async () => {
    for (const id of [
      'local:never-uploaded.png',
      `cloud://env-1.bucket/${photoCloudPath('bob', 'x.jpg')}`,
      'cloud://env-1.bucket/photos/alice/../bob/x.jpg',
      'cloud://env-1.bucket/wishes/x.jpg',
      'https://example.com/x.jpg',
    ]) {
      expect(await refusal(checkOwnPhotos(env.rt.db, 'alice', [id]))).toMatchObject({
        code: 'BAD_REQUEST',
        message: '照片无效',
      })
    }
  })

  it('should not take a cloud folder whose name only starts with the caller’s openid', async () => {
    expect(
      await refusal(checkOwnPhotos(env.rt.db, 'alice', ['cloud://env-1.bucket/photos/alice2/x.jpg'])),
    ).toMatchObject({ code: 'BAD_REQUEST' })
  })
})

describe('cloudPathOf', () => {
  it('should give the path after the env and bucket, and null for anything else', () => {
    expect(cloudPathOf('cloud://env-1.6d79-env-1/photos/o/x.jpg')).toBe('photos/o/x.jpg')
    expect(cloudPathOf('local:abc')).toBeNull()
  })
})
