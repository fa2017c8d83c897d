import { View, Text, Input } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../../components/async-view'
import { useAsync } from '../../../hooks/use-async'
import { formatTime } from '../../../lib/dayjs'
import { toast, toastError } from '../../../lib/feedback'
import { wishesService, type Digest } from '../../../services/wishes'
import { openExport } from '../open-export'

/** The digests of wishes nobody claimed: export as Excel, record as sent to partner units (styles: index.scss). */
export function Digests({ communityId }: { communityId: string }) {
  const digests = useAsync(() => wishesService.digests(communityId), [communityId])
  const [sending, setSending] = useState<string | null>(null)
  const [recipients, setRecipients] = useState('')

  const exportOne = async (d: Digest) => {
    try {
      const file = await wishesService.exportDigest(d.id)
      await openExport(file)
      toast(`已导出 ${file.rows} 条`, 'success')
    } catch (error) {
      toastError(error)
    }
  }

  const send = async (d: Digest) => {
    const names = recipients
      .split(/[，,、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean)
    if (names.length === 0) return toast('请填写接收单位，多个用顿号隔开')
    try {
      await wishesService.sendDigest(d.id, names)
      toast('已记录发送', 'success')
      setSending(null)
      setRecipients('')
      await digests.reload()
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <AsyncView
      state={digests}
      isEmpty={(list) => list.items.length === 0}
      empty="超过期限无人认领的心愿会定期汇总到这里"
    >
      {(list) => (
        <View>
          {list.items.map((d) => (
            <View key={d.id} className="staff-wishes__card" data-testid={`digest-${d.id}`}>
              <Text className="staff-wishes__text">
                {d.period} 汇总 · {d.wishIds.length} 个心愿
              </Text>
              <Text className="staff-wishes__meta">
                {d.sentAt ? `已于 ${formatTime(d.sentAt)} 发送给：${d.sentTo.join('、')}` : '尚未发送'}
              </Text>
              {sending === d.id ? (
                <Input
                  className="staff-wishes__input"
                  value={recipients}
                  placeholder="接收单位，如：区妇联、东县门小学"
                  onInput={(e) => setRecipients(e.detail.value)}
                />
              ) : null}
              <View className="staff-wishes__actions">
                <Button size="small" fill="outline" onClick={() => void exportOne(d)}>
                  导出 Excel
                </Button>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => (sending === d.id ? void send(d) : setSending(d.id))}
                >
                  {sending === d.id ? '确定发送' : '打包发送相关单位'}
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}
    </AsyncView>
  )
}
