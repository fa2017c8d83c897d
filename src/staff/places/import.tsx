import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/page-shell'
import { confirm, toast, toastError } from '../../lib/feedback'
import { pickAndUploadSheet, placesService, type ImportPreview } from '../../services/places'
import { CommunityPicker, useReviewerCommunity } from '../community-picker'
import './places.scss'

const OUTCOME: Record<ImportPreview['rows'][number]['outcome'], string> = {
  create: '新增',
  change: '修改',
  unchanged: '不变',
  reject: '退回',
}

function PreviewView({ preview }: { preview: ImportPreview }) {
  const c = preview.counts
  return (
    <>
      <View className="staff-places__card" data-testid="import-counts">
        <Text className="staff-places__name">预览（尚未导入）</Text>
        <Text>{`新增小区 ${c.estatesCreated} 个、楼栋 ${c.buildingsCreated} 栋；修改 ${c.changed} 行；不变 ${c.unchanged} 行；退回 ${c.rejected} 行`}</Text>
        {c.rejected > 0 ? (
          <Text className="staff-places__reject">有退回的行时不能导入：请按原因修改表格后重新选择。</Text>
        ) : null}
      </View>
      {preview.rows.map((r) => (
        <View key={r.row} className="staff-places__card" data-testid={`import-row-${r.row}`}>
          <Text
            className={r.outcome === 'reject' ? 'staff-places__reject' : ''}
          >{`第 ${r.row} 行 · ${OUTCOME[r.outcome]} · ${r.estate} ${r.building}`}</Text>
          {r.reasons.map((reason) => (
            <Text key={reason} className="staff-places__line">
              {reason}
            </Text>
          ))}
        </View>
      ))}
    </>
  )
}

/** 导入小区楼栋: choose an .xlsx, see what it would do, then import it (nothing is written before). */
export default function ImportPage() {
  const choice = useReviewerCommunity('places.manage')
  const { communityId, current } = choice
  const [file, setFile] = useState<{ fileId: string; name: string } | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)

  const choose = async () => {
    if (!communityId) return
    setBusy(true)
    try {
      const picked = await pickAndUploadSheet()
      if (!picked) return
      setFile(picked)
      setPreview(null)
      setPreview(await placesService.importPreview({ communityId, fileId: picked.fileId }))
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  const commit = async () => {
    if (!communityId || !file || !preview) return
    const ok = await confirm({
      title: '确认导入',
      content: `把「${file.name}」导入${current?.name ?? ''}？`,
      confirmText: '导入',
    })
    if (!ok) return
    setBusy(true)
    try {
      const done = await placesService.importCommit({ communityId, fileId: file.fileId, digest: preview.digest })
      toast(`已导入：新增楼栋 ${done.buildingsCreated} 栋`, 'success')
      setPreview(await placesService.importPreview({ communityId, fileId: file.fileId }))
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  const nothingToDo =
    !!preview && preview.counts.estatesCreated + preview.counts.buildingsCreated + preview.counts.changed === 0
  return (
    <PageShell testId="staff-import-page">
      <CommunityPicker choice={choice} testId="staff-import-community" />
      <View className="staff-places__card">
        <Text className="staff-places__hint">
          Excel 表格（.xlsx，不超过 5MB、10000 行）：第 1
          行是表头“小区、楼栋、所属网格”，可加“单元数、户数、经度、纬度”；从第 2
          行起每行一栋楼。同一文件导入两次不会重复。
        </Text>
        <Button
          block
          type="primary"
          loading={busy && !preview}
          disabled={!communityId}
          onClick={() => void choose()}
          data-testid="import-choose"
        >
          {file ? `重新选择（当前：${file.name}）` : '选择表格'}
        </Button>
        {preview && preview.counts.rejected === 0 && !nothingToDo ? (
          <Button block type="primary" loading={busy} onClick={() => void commit()} data-testid="import-commit">
            确认导入
          </Button>
        ) : null}
        {nothingToDo ? (
          <Text className="staff-places__hint" data-testid="import-nothing">
            表格里的小区和楼栋都已登记，没有需要导入的内容。
          </Text>
        ) : null}
      </View>
      {preview ? <PreviewView preview={preview} /> : null}
    </PageShell>
  )
}
