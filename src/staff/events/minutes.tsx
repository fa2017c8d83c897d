import { Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { PhotoPicker, type UploadedPhoto } from '../../components/photo-picker'
import { Tappable } from '../../components/tappable'
import { useAsync } from '../../hooks/use-async'
import { toast, toastError } from '../../lib/feedback'
import { minutesService, type Minutes } from '../../services/events-attendance'
import { CASE_CHANNEL_LABELS } from '../../../types/cases-labels'
import { MINUTES_LIMITS } from '../../../types/events-attendance-labels'
import { RaiseCaseForm } from './components/raise-case-form'
import { RatingsSection } from './components/ratings-section'
import './minutes.scss'

function SummaryForm({ m, onSaved }: { m: Minutes; onSaved(): void }) {
  const [summary, setSummary] = useState(m.summary)
  const [photos, setPhotos] = useState<UploadedPhoto[]>(m.photos)
  const [uploading, setUploading] = useState(false)
  useEffect(() => setSummary(m.summary), [m.summary])
  const save = async () => {
    try {
      await minutesService.save(
        m.eventId,
        summary.trim(),
        photos.map((p) => p.fileId),
      )
      toast('纪要已保存', 'success')
      onSaved()
    } catch (error) {
      toastError(error)
    }
  }
  return (
    <View className="minutes__card">
      <Text className="minutes__title">{m.title}</Text>
      <Text className="minutes__meta" data-testid="minutes-attendees">
        到场 {m.attendeeCount} 人（按签到记录，含随行人员）
      </Text>
      <Textarea
        className="minutes__input minutes__summary"
        value={summary}
        maxlength={MINUTES_LIMITS.summaryMax}
        placeholder="会议纪要：议了什么、形成了什么意见"
        onInput={(e) => setSummary(e.detail.value)}
        data-testid="minutes-summary"
      />
      <PhotoPicker
        photos={photos}
        onChange={setPhotos}
        onUploading={setUploading}
        max={MINUTES_LIMITS.photosMax}
        label="现场照片"
        testId="minutes-photo"
      />
      <Button type="primary" disabled={uploading} onClick={() => void save()} data-testid="minutes-save">
        保存纪要
      </Button>
    </View>
  )
}

/** 活动纪要: summary and photos, who came, and the issues raised there turned into 诉求. */
export default function StaffMinutesPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const minutes = useAsync(() => minutesService.get(id), [id])
  usePullDownRefresh(() => void minutes.reload().finally(() => Taro.stopPullDownRefresh()))
  return (
    <PageShell className="minutes" testId="staff-minutes-page">
      <AsyncView state={minutes}>
        {(m) => (
          <View>
            <SummaryForm m={m} onSaved={() => void minutes.reload()} />
            {m.issues.length > 0 ? (
              <View className="minutes__card" data-testid="minutes-issues">
                <Text className="minutes__title">已转诉求 {m.issues.length} 件</Text>
                {m.issues.map((i) => (
                  <Tappable
                    key={i.caseId}
                    className="minutes__issue"
                    role="link"
                    onTap={() =>
                      void Taro.navigateTo({ url: `/staff/cases/detail?id=${encodeURIComponent(i.caseId)}` })
                    }
                    testId={`minutes-issue-${i.number}`}
                  >
                    <Text className="minutes__meta">
                      {i.number} · {i.petitionerName}：{i.text}
                    </Text>
                  </Tappable>
                ))}
              </View>
            ) : null}
            {m.raisesCases ? (
              <RaiseCaseForm
                eventId={id}
                channelLabel={CASE_CHANNEL_LABELS[m.raisesCases]}
                onRaised={() => void minutes.reload()}
              />
            ) : null}
            <RatingsSection eventId={id} />
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
