import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { toastError } from '../../lib/feedback'
import { choosePhotos, uploadPhoto, type UploadedPhoto } from '../../services/photos'
import { addPhotos, isPickerCancel } from './add-photos'
import { Photo } from '../photo'
import { Tappable } from '../tappable'
import './index.scss'

export type { UploadedPhoto }

export interface PhotoPickerProps {
  photos: UploadedPhoto[]
  onChange(photos: UploadedPhoto[]): void
  /** Told while pictures are uploading, so the form can hold its submit button. */
  onUploading?(uploading: boolean): void
  max: number
  /** Spoken name of each picture ("照片" → "照片1"). */
  label: string
  /** On the add tile. */
  testId: string
  className?: string
}

/**
 * The one photo picker (wish photos, fulfilment proof, case photos, station photos): pick up
 * to `max` pictures and upload them as they are picked (services/photos.ts). Each shows with
 * a 删除 under it; the add tile says 上传中… while uploading and disappears at the limit.
 *
 * `<PhotoPicker photos={photos} onChange={setPhotos} onUploading={setUploading} max={9} label="照片" testId="x-photo" />`
 */
export function PhotoPicker({ photos, onChange, onUploading, max, label, testId, className = '' }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false)
  const busy = (on: boolean) => {
    setUploading(on)
    onUploading?.(on)
  }

  const add = async () => {
    try {
      onChange(await addPhotos(photos, max, { choose: choosePhotos, upload: uploadPhoto }, busy))
    } catch (error) {
      if (!isPickerCancel(error)) toastError(error)
    }
  }

  return (
    <View className={`photo-picker ${className}`}>
      {photos.map((p, i) => (
        <View key={p.fileId} className="photo-picker__box">
          <Photo className="photo-picker__photo" src={p.url} alt={`${label}${i + 1}`} />
          <Tappable
            className="photo-picker__remove"
            label={`删除${label}${i + 1}`}
            onTap={() => onChange(photos.filter((x) => x.fileId !== p.fileId))}
          >
            删除
          </Tappable>
        </View>
      ))}
      {photos.length < max ? (
        <Tappable className="photo-picker__add" testId={testId} onTap={() => void add()}>
          <Text>{uploading ? '上传中…' : '＋ 添加照片'}</Text>
        </Tappable>
      ) : null}
    </View>
  )
}
