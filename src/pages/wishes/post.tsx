import { View, Text, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import type { WishCategory } from '../../../types/wishes'
import { maskName } from '../../../types/mask'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { shanghaiDate } from '../../lib/dayjs'
import { toast, toastError } from '../../lib/feedback'
import { useReminders } from '../../hooks/use-reminders'
import { useMe } from '../../hooks/use-me'
import { askForReminders } from '../../services/subscribe'
import { wishesService } from '../../services/wishes'
import { NEEDED_BY_CHOICES, WISH_CATEGORIES, WISH_LIMITS, charCount, formatNeededBy } from './format'
import { PhotoPicker, type UploadedPhoto } from '../../components/photo-picker'
import { Tappable } from '../../components/tappable'
import './post.scss'

/**
 * 许个微心愿: what you need (with the limits said up front), its kind, by when, and up to
 * three photos. The text is checked for safety and then reviewed by the community before
 * it goes on the wall; the page says so, so nobody wonders why it is not there yet.
 */
export default function PostWishPage() {
  const { params } = useRouter()
  const stationId = params.stationId ? decodeURIComponent(params.stationId) : undefined
  const [text, setText] = useState('')
  const [category, setCategory] = useState<WishCategory | null>(null)
  const [days, setDays] = useState<number>(7)
  const [photos, setPhotos] = useState<UploadedPhoto[]>([])
  const [uploading, setUploading] = useState(false)
  const [saving, setSaving] = useState(false)
  const count = charCount(text)
  const neededBy = shanghaiDate(days)
  useReminders()
  // The wish needs a phone for the volunteer: say so before the form is filled, not after.
  const { profile } = useMe()
  const missingPhone = profile !== null && !profile.phone

  const submit = async () => {
    if (count < WISH_LIMITS.textMin) return toast(`请把心愿写清楚，至少 ${WISH_LIMITS.textMin} 个字`)
    if (!category) return toast('请选择心愿类别')
    // From the tap itself (WeChat's rule); a refusal stops nothing.
    void askForReminders('wish')
    setSaving(true)
    try {
      const res = await wishesService.post({
        text: text.trim(),
        category,
        neededBy,
        photos: photos.map((p) => p.fileId),
        stationId,
      })
      toast(res.status === 'open' ? '心愿已上墙' : '已提交，社区审核后上墙', 'success')
      await Taro.redirectTo({ url: `/pages/wishes/detail?id=${encodeURIComponent(res.id)}` })
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell testId="wish-post-page" className="post">
      {missingPhone ? (
        <View className="post__need-profile" data-testid="wish-post-need-phone">
          <Text>许愿前请先在「我的 → 编辑资料」里填写手机号：志愿者认领后要联系您。</Text>
          <Button type="primary" onClick={() => void Taro.navigateTo({ url: '/pages/users/profile' })}>
            去填写
          </Button>
        </View>
      ) : null}
      <SectionTitle testId="wish-post-limits">
        我的心愿（{WISH_LIMITS.textMin}–{WISH_LIMITS.textMax} 个字）
      </SectionTitle>
      <View className="post__card">
        <Textarea
          className="post__text"
          value={text}
          maxlength={WISH_LIMITS.textMax}
          placeholder={`写下您需要的帮助，${WISH_LIMITS.textMin}–${WISH_LIMITS.textMax} 个字，例如：家里的灯坏了，想请人帮忙换一下`}
          onInput={(e) => setText(e.detail.value)}
          data-testid="wish-post-text"
        />
        <Text className={`post__count ${count > WISH_LIMITS.textMax ? 'post__count--over' : ''}`}>
          {count}/{WISH_LIMITS.textMax}
        </Text>
        <Text className="post__hint">请不要写电话、住址等隐私信息：志愿者认领后，系统会把您的联系方式告诉他。</Text>
      </View>

      <SectionTitle>心愿类别</SectionTitle>
      <View className="post__chips">
        {WISH_CATEGORIES.map((c) => (
          <Tappable
            key={c.key}
            className={`post__chip ${category === c.key ? 'post__chip--on' : ''}`}
            testId={`wish-post-category-${c.key}`}
            onTap={() => setCategory(c.key)}
            pressed={category === c.key}
          >
            {c.label}
          </Tappable>
        ))}
      </View>

      <SectionTitle>什么时候需要</SectionTitle>
      <View className="post__chips">
        {NEEDED_BY_CHOICES.map((c) => (
          <Tappable
            key={c.days}
            className={`post__chip ${days === c.days ? 'post__chip--on' : ''}`}
            testId={`wish-post-days-${c.days}`}
            onTap={() => setDays(c.days)}
            pressed={days === c.days}
          >
            {c.label}
          </Tappable>
        ))}
      </View>
      <Text className="post__hint post__hint--pad">希望在 {formatNeededBy(neededBy)}实现</Text>

      <SectionTitle>照片（选填，最多 {WISH_LIMITS.photosMax} 张）</SectionTitle>
      <View className="post__photos">
        <PhotoPicker
          photos={photos}
          onChange={setPhotos}
          onUploading={setUploading}
          max={WISH_LIMITS.photosMax}
          label="照片"
          testId="wish-post-photo"
        />
      </View>

      <View className="post__submit">
        <Text className="post__hint">
          提交后先经内容安全检查和社区审核，通过后显示在心愿墙上，
          {profile?.name ? `您的姓名会隐去显示为“${maskName(profile.name)}”。` : '您的姓名会隐去，只显示姓。'}
        </Text>
        <Button
          block
          type="primary"
          size="large"
          loading={saving}
          disabled={uploading || missingPhone}
          onClick={() => void submit()}
          data-testid="wish-post-submit"
        >
          提交心愿
        </Button>
      </View>
    </PageShell>
  )
}
