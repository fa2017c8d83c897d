import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import type { CaseDetail } from '../../../services/cases'
import { formatTime } from '../../../lib/dayjs'
import { DISPOSITION_LABELS, SATISFACTION_LABELS, deadlineText, statusTagType, type CaseReader } from '../format'
import { fileUrl } from '../../../services/photos'
import { Photo } from '../../../components/photo'
import { Tappable } from '../../../components/tappable'
import { CASE_CHANNEL_LABELS } from '../../../../types/cases-labels'
import './case-facts.scss'

/** A case raised at an event (活动纪要): where it came from, and the way back to the event. */
function OriginLink({
  origin,
  channel,
}: {
  origin: NonNullable<CaseDetail['origin']>
  channel: CaseDetail['channel']
}) {
  return (
    <Tappable
      className="case-facts__origin"
      testId="case-origin"
      role="link"
      onTap={() => void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(origin.eventId)}` })}
    >
      {CASE_CHANNEL_LABELS[channel]}：来自活动「{origin.title}」的纪要，点此查看活动
    </Tappable>
  )
}

/**
 * The head of a case, for the petitioner and for staff: number, state, what and where,
 * photos, who handles it and by when, and once resolved the reply and the rating.
 */
export function CaseFacts({ c, reader = 'resident' }: { c: CaseDetail; reader?: CaseReader }) {
  const urls = c.photoUrls.map(fileUrl)
  const deadline = deadlineText(c, reader)
  return (
    <View className="case-facts">
      <View className="case-facts__card">
        <View className="case-facts__head">
          <Text className="case-facts__number" data-testid="case-number">
            {c.number}
          </Text>
          <View data-testid="case-status">
            <Tag type={statusTagType(c.status, c.overdue)}>{c.statusLabel}</Tag>
          </View>
          {c.reopened ? (
            <View data-testid="case-reopened">
              <Tag type="warning" plain>
                重新办理
              </Tag>
            </View>
          ) : null}
        </View>
        <Text className="case-facts__category">{c.categoryName}</Text>
        <Text className="case-facts__text" data-testid="case-description">
          {c.description}
        </Text>
        {urls.length > 0 ? (
          <View className="case-facts__photos" data-testid="case-photos">
            {urls.map((u, i) => (
              <Photo
                key={u}
                className="case-facts__photo"
                src={u}
                alt={`诉求照片${i + 1}`}
                onTap={() => void Taro.previewImage({ urls, current: u })}
              />
            ))}
          </View>
        ) : null}
        {c.origin ? <OriginLink origin={c.origin} channel={c.channel} /> : null}
        {c.address ? <Text className="case-facts__meta">地址：{c.address}</Text> : null}
        <Text className="case-facts__meta" data-testid="case-unit">
          承办单位：{c.handlingUnitName}
        </Text>
        <Text className="case-facts__meta">
          {formatTime(c.submittedAt)} 提交{c.followerCount > 0 ? ` · ${c.followerCount} 人也遇到` : ''}
        </Text>
        {deadline ? (
          <Text className={`case-facts__meta ${c.overdue ? 'case-facts__late' : ''}`}>{deadline}</Text>
        ) : null}
        {c.extension ? (
          <Text className="case-facts__meta">
            延期 {c.extension.days} 天（
            {c.extension.status === 'requested' ? '待审核' : c.extension.status === 'approved' ? '已同意' : '未同意'}
            ）：{c.extension.reason}
          </Text>
        ) : null}
        {c.duplicateOf ? <Text className="case-facts__meta">与 {c.duplicateOf} 是同一件事，已合并办理</Text> : null}
      </View>
      {c.resolution ? (
        <View className="case-facts__card case-facts__reply" data-testid="case-resolution">
          <Text className="case-facts__label">办理结果 · {DISPOSITION_LABELS[c.resolution.disposition]}</Text>
          <Text className="case-facts__text">{c.resolution.reply}</Text>
          <Text className="case-facts__meta">
            {formatTime(c.resolution.resolvedAt)} 办结{c.resolution.onTime ? '' : '（超期）'}
          </Text>
        </View>
      ) : null}
      {c.rating ? (
        <View className="case-facts__card" data-testid="case-rating">
          <Text className="case-facts__label">
            {c.rating.source === 'revisit' ? '回访评价' : '我的评价'}：{SATISFACTION_LABELS[c.rating.value]}
          </Text>
          {c.rating.comment ? <Text className="case-facts__text">{c.rating.comment}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
