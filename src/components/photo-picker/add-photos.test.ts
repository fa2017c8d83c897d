import { addPhotos, isPickerCancel, type PhotoSource } from './add-photos'

const photo = (n: number) => ({ fileId: `local:${n}.jpg`, url: `/files/${n}.jpg` })

/** A picker that offers `offered` paths (never more than asked) and an upload that numbers them. */
function source(offered: string[], failOn?: string): PhotoSource & { asked: number[] } {
  const asked: number[] = []
  return {
    asked,
    async choose(count) {
      asked.push(count)
      return offered.slice(0, count)
    },
    async upload(path) {
      if (path === failOn) throw new Error('upload failed')
      return { fileId: `local:${path}`, url: `/files/${path}` }
    },
  }
}

describe('addPhotos', () => {
  it('should ask the picker only for the room left and append the uploads in order', async () => {
    const s = source(['a', 'b', 'c'])
    const next = await addPhotos([photo(1)], 3, s)
    expect(s.asked).toEqual([2])
    expect(next.map((p) => p.fileId)).toEqual(['local:1.jpg', 'local:a', 'local:b'])
  })

  it('should not open the picker when the list is full', async () => {
    const s = source(['a'])
    const next = await addPhotos([photo(1), photo(2)], 2, s)
    expect(s.asked).toEqual([])
    expect(next).toHaveLength(2)
  })

  it('should report uploading while it uploads and stop reporting when an upload fails', async () => {
    const seen: boolean[] = []
    await expect(addPhotos([], 9, source(['a', 'b'], 'b'), (on) => seen.push(on))).rejects.toThrow('upload failed')
    expect(seen).toEqual([true, false])
  })
})

describe('isPickerCancel', () => {
  it('should treat the picker closed without a choice as a cancel', () => {
    expect(isPickerCancel({ errMsg: 'chooseImage:fail cancel' })).toBe(true)
  })

  it('should not treat an upload failure as a cancel', () => {
    expect(isPickerCancel(new Error('照片不能超过 5MB'))).toBe(false)
    expect(isPickerCancel(undefined)).toBe(false)
  })
})
