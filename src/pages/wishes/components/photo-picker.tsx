import { View, Text, Image } from '@tarojs/components'
import { useState } from 'react'
import { toastError } from '../../../lib/feedback'
import { choosePhotos, uploadPhoto, type UploadedPhoto } from '../upload-photo'
import './photo-picker.scss'

export interface PhotoPickerProps {
  photos: UploadedPhoto[]
  onChange(photos: UploadedPhoto[]): void
  /** Told while pictures are uploading, so the form can hold its submit button. */
  onUploading?(uploading: boolean): void
  max: number
  /** Spoken name of each picture ("照片" → "照片1"). */
  label: string
  testId: string
}

/**
 * Pick up to `max` pictures and upload them as they are picked (wish photos, fulfilment
 * proof). Each shows with a 删除 under it; the add tile disappears at the limit.
 */
export function PhotoPicker({ photos, onChange, onUploading, max, label, testId }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false)
  const busy = (on: boolean) => {
    setUploading(on)
    onUploading?.(on)
  }

  const add = async () => {
    try {
      const paths = await choosePhotos(max - photos.length)
      busy(true)
      const uploaded: UploadedPhoto[] = []
      for (const p of paths) uploaded.push(await uploadPhoto(p))
      onChange([...photos, ...uploaded].slice(0, max))
    } catch (error) {
      // Closing the picker is not an error worth a toast.
      if (!/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) toastError(error)
    } finally {
      busy(false)
    }
  }

  return (
    <View className="photo-picker">
      {photos.map((p, i) => (
        <View key={p.fileId} className="photo-picker__box">
          <Image className="photo-picker__photo" src={p.url} mode="aspectFill" ariaLabel={`${label}${i + 1}`} />
          <Text className="photo-picker__remove" onClick={() => onChange(photos.filter((x) => x.fileId !== p.fileId))}>
            删除
          </Text>
        </View>
      ))}
      {photos.length < max ? (
        <View className="photo-picker__add" data-testid={testId} onClick={() => void add()}>
          <Text>{uploading ? '上传中…' : '＋ 添加照片'}</Text>
        </View>
      ) : null}
    </View>
  )
}
