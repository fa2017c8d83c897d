import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { NOTICE_LIMITS } from '../../../../types/notices-labels'
import { toastError } from '../../../lib/feedback'
import { pickAndUploadPdf, type PickedPdf } from '../../../services/notices'
import { Tappable } from '../../../components/tappable'

const MB = 1024 * 1024

/** PDF 附件: up to the notices' limit of files, each at most 10 MB; residents open them in the document viewer. */
export function AttachmentList({ files, onChange }: { files: PickedPdf[]; onChange(files: PickedPdf[]): void }) {
  const [uploading, setUploading] = useState(false)
  const add = async () => {
    setUploading(true)
    try {
      const picked = await pickAndUploadPdf()
      if (picked) onChange([...files, picked])
    } catch (e) {
      toastError(e)
    } finally {
      setUploading(false)
    }
  }
  return (
    <View className="notice-compose__list">
      {files.map((f, i) => (
        <View key={f.fileId} className="notice-compose__item" data-testid="notice-attachment">
          <Text className="notice-compose__item-text">
            📄 {f.name}（{(f.sizeBytes / MB).toFixed(1)} MB）
          </Text>
          <Tappable className="notice-compose__link" onTap={() => onChange(files.filter((_, j) => j !== i))}>
            删除
          </Tappable>
        </View>
      ))}
      {files.length < NOTICE_LIMITS.attachmentsMax ? (
        <Tappable
          className="notice-compose__add"
          onTap={() => void (uploading ? undefined : add())}
          testId="notice-attachment-add"
        >
          {uploading ? '正在上传…' : `＋ 添加 PDF 附件（每个不超过 ${NOTICE_LIMITS.attachmentMaxBytes / MB}MB）`}
        </Tappable>
      ) : null}
    </View>
  )
}
