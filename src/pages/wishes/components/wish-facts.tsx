import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { formatTime } from '../../../lib/dayjs'
import type { WishDetail } from '../../../services/wishes'
import { categoryLabel, formatNeededBy, statusLabel, statusTagType } from '../format'
import { Tappable } from '../../../components/tappable'
import { Photo } from '../../../components/photo'

function Photos({ photos, label, testId }: { photos: WishDetail['photos']; label: string; testId?: string }) {
  return (
    <View className="wish-detail__photos" data-testid={testId}>
      {photos.map((p, i) => (
        <Photo
          key={p.fileId}
          className="wish-detail__photo"
          src={p.url}
          alt={`${label}${i + 1}`}
          onTap={() => void Taro.previewImage({ urls: photos.map((x) => x.url), current: p.url })}
        />
      ))}
    </View>
  )
}

/**
 * What a wish asks and where it stands: the wish itself, the contact once it is this
 * person's to act on, and the volunteer's proof, the dispute and the thanks (styles: detail.scss).
 */
export function WishFacts({ w }: { w: WishDetail }) {
  return (
    <>
      <View className="wish-detail__card">
        <View className="wish-detail__head">
          <Tag type="danger" plain>
            {categoryLabel(w.category)}
          </Tag>
          {/* NutUI's Tag does not pass data-* attributes on, so the test id is on a wrapper. */}
          <View data-testid="wish-status">
            <Tag type={statusTagType(w.status)}>{statusLabel(w.status)}</Tag>
          </View>
          <Text className="wish-detail__needed">{formatNeededBy(w.neededBy)}</Text>
        </View>
        <Text className="wish-detail__text" data-testid="wish-text">
          {w.text}
        </Text>
        {w.photos.length > 0 ? <Photos photos={w.photos} label="心愿照片" /> : null}
        <Text className="wish-detail__meta">
          心愿人：{w.wisherName} · {w.communityName ?? ''} · {formatTime(w.createdAt)} 发布
        </Text>
        {w.rejectReason && w.status === 'rejected' ? (
          <Text className="wish-detail__warn">未通过原因：{w.rejectReason}</Text>
        ) : null}
        {w.hideReason && w.status === 'hidden' ? (
          <Text className="wish-detail__warn">隐藏原因：{w.hideReason}</Text>
        ) : null}
        {w.contentVerdict === 'review' ? (
          <Text className="wish-detail__warn">内容安全检查提示需人工复核，请仔细审核</Text>
        ) : null}
      </View>

      {w.contact ? (
        <View className="wish-detail__card wish-detail__contact" data-testid="wish-contact">
          {/* The wisher sees who claimed the wish; the volunteer sees whom to help. */}
          <Text className="wish-detail__label">{w.mine ? '认领的志愿者' : '心愿人联系方式'}</Text>
          <Tappable
            className="wish-detail__phone"
            onTap={() => void Taro.makePhoneCall({ phoneNumber: w.contact!.phone }).catch(() => undefined)}
          >
            {w.contact.name} 📞 {w.contact.phone}
          </Tappable>
          {w.claimDeadline && w.status === 'claimed' && !w.mine ? (
            <Text className="wish-detail__meta">请在 {formatTime(w.claimDeadline)} 前完成，逾期将退回心愿墙</Text>
          ) : null}
        </View>
      ) : null}

      {w.fulfilNote || w.fulfilPhotos.length > 0 || w.disputeReason || w.thanks ? (
        <View className="wish-detail__card">
          {w.fulfilNote ? <Text data-testid="wish-fulfil-note">志愿者说明：{w.fulfilNote}</Text> : null}
          {w.fulfilPhotos.length > 0 ? (
            <Photos photos={w.fulfilPhotos} label="完成照片" testId="wish-fulfil-photos" />
          ) : null}
          {w.disputeReason && w.status === 'claimed' ? (
            <Text className="wish-detail__warn">心愿人反馈未完成：{w.disputeReason}</Text>
          ) : null}
          {w.autoConfirmAt && w.status === 'fulfilled' ? (
            <Text className="wish-detail__meta">{formatTime(w.autoConfirmAt)} 前未确认将自动确认</Text>
          ) : null}
          {w.thanks ? (
            <Text className="wish-detail__thanks" data-testid="wish-thanks">
              💌 {w.thanks}
            </Text>
          ) : null}
        </View>
      ) : null}
    </>
  )
}
