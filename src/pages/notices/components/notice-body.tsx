import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import type { NoticeDetail } from '../../../services/notices'
import { formatTime } from '../../../lib/dayjs'
import { toastError } from '../../../lib/feedback'
import { categoryLabel, priorityLabel, priorityTagType } from '../format'
import { openAttachment } from '../open-attachment'
import { Tappable } from '../../../components/tappable'
import { Photo } from '../../../components/photo'

/** The notice as written: tags, title, sender and time, text, pictures, PDFs, the linked event and 公示 progress. */
export function NoticeBody({ notice }: { notice: NoticeDetail }) {
  const preview = (url: string) => void Taro.previewImage({ current: url, urls: notice.images })
  return (
    <View className="notice-detail__card">
      <View className="notice-detail__tags">
        {notice.priority !== 'normal' ? (
          <Tag type={priorityTagType(notice.priority)}>{priorityLabel(notice.priority)}</Tag>
        ) : null}
        <Tag plain>{categoryLabel(notice.category)}</Tag>
        {notice.kind === 'publicity' ? (
          <Tag type="primary" plain>
            公示
          </Tag>
        ) : null}
      </View>
      <Text className="notice-detail__title" data-testid="notice-title">
        {notice.title}
      </Text>
      <Text className="notice-detail__meta">
        {notice.unitName} · {formatTime(notice.publishedAt)} 发布
        {notice.version > 1 ? ` · 已更新（第 ${notice.version} 版）` : ''}
      </Text>
      {notice.expiresAt ? <Text className="notice-detail__meta">有效期至 {formatTime(notice.expiresAt)}</Text> : null}
      <Text className="notice-detail__body" data-testid="notice-body">
        {notice.body}
      </Text>
      {notice.images.map((url, i) => (
        <Photo
          key={url}
          className="notice-detail__image"
          src={url}
          mode="widthFix"
          alt={`通知图片${i + 1}`}
          onTap={() => preview(url)}
        />
      ))}
      {notice.attachments.map((a) => (
        <Tappable
          key={a.fileId}
          className="notice-detail__file"
          hoverClass="notice-detail__file--pressed"
          onTap={() => void openAttachment(a).catch(toastError)}
          testId="notice-attachment"
        >
          <Text>📄 {a.name}</Text>
          <Text className="notice-detail__meta">{(a.sizeBytes / 1024 / 1024).toFixed(1)} MB · 点击打开</Text>
        </Tappable>
      ))}
      {notice.eventId ? (
        <Tappable
          className="notice-detail__file"
          hoverClass="notice-detail__file--pressed"
          role="link"
          onTap={() =>
            void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(notice.eventId ?? '')}` })
          }
          testId="notice-event-link"
        >
          <Text>🗓 查看活动并报名</Text>
        </Tappable>
      ) : null}
      {notice.progress.length ? (
        <View className="notice-detail__progress" data-testid="notice-progress">
          <Text className="notice-detail__label">进展</Text>
          {notice.progress.map((p) => (
            <Text key={p.at} className="notice-detail__step">
              {formatTime(p.at)}
              {'\u3000'}
              {p.text}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
