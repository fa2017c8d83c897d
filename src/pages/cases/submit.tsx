import { View, Text, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { PhotoPicker, type UploadedPhoto } from '../../components/photo-picker'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { useReminders } from '../../hooks/use-reminders'
import { toast } from '../../lib/feedback'
import { casesService } from '../../services/cases'
import { askForReminders } from '../../services/subscribe'
import type { ContactPreference } from '../../../types/cases'
import { CategoryChooser } from './components/category-chooser'
import { ContactSection } from './components/contact-section'
import { SimilarCases } from './components/similar-cases'
import { SubmitDone } from './components/submit-done'
import { WhereSection } from './components/where-section'
import { CASE_LIMITS, charCount, groupCategories } from './format'
import { casePrefill } from '../../lib/notice-link'
import { useCaseLocation } from './location-choice'
import { useCaseSubmit, type CaseDraft } from './use-case-submit'
import './submit.scss'

/**
 * 我要反映: category (two levels), what happened (limits said up front), up to nine photos,
 * where (my community unless I locate or pick a place), how to reach me (phone, or only
 * mini-program messages) and whether my name may be shown, masked, beyond the handlers.
 * Before sending, open cases like it nearby are offered so the resident can press 我也遇到 instead of filing a duplicate. The form keeps one client request id,
 * so a retried submit makes one case; the case number is shown as soon as it is stored.
 */
export default function SubmitCasePage() {
  const { profile } = useMe()
  // From 为我服务 "给他留言": the grid that serves the resident, and whom they wrote to.
  const { params } = useRouter()
  const addressedGridId = params.gridId ? decodeURIComponent(params.gridId) : null
  const categories = useAsync(() => casesService.categories())
  const groups = useMemo(() => groupCategories(categories.data?.items ?? []), [categories.data])
  const [groupCode, setGroupCode] = useState<string | null>(null)
  const [categoryCode, setCategoryCode] = useState<string | null>(null)
  // Opened from a notice's 有问题？我要反映: the description starts by naming the notice.
  const [description, setDescription] = useState(() => casePrefill(Taro.getCurrentInstance().router?.params))
  const [photos, setPhotos] = useState<UploadedPhoto[]>([])
  const [uploading, setUploading] = useState(false)
  const [address, setAddress] = useState('')
  const [way, setWay] = useState<ContactPreference>('phone')
  const [phone, setPhone] = useState<string | null>(null)
  const [showName, setShowName] = useState(false)
  const { similar, saving, created, send: sendDraft, check, clearSimilar } = useCaseSubmit()
  const where = useCaseLocation()
  const count = charCount(description)
  const group = groups.find((g) => g.code === groupCode)
  const category = group?.leaves.find((c) => c.code === categoryCode)
  const phoneValue = phone ?? profile?.phone ?? ''
  useReminders()

  const valid = (): boolean => {
    if (!category) return (toast('请选择诉求类别'), false)
    if (count < CASE_LIMITS.descriptionMin)
      return (toast(`请把情况写清楚，至少 ${CASE_LIMITS.descriptionMin} 个字`), false)
    if (count > CASE_LIMITS.descriptionMax) return (toast(`描述最多 ${CASE_LIMITS.descriptionMax} 个字`), false)
    if (way === 'phone' && !/^[0-9+\-\s]{5,20}$/.test(phoneValue.trim()))
      return (toast('请填写能联系到您的电话'), false)
    return true
  }

  const draft = (categoryCode: string): CaseDraft => ({
    categoryCode,
    description: description.trim(),
    photos: photos.map((p) => p.fileId),
    location: where.point,
    address:
      address.trim() || (where.location.kind === 'place' ? where.location.name.slice(0, CASE_LIMITS.addressMax) : ''),
    contact: { name: profile?.name ?? '', phone: way === 'phone' ? phoneValue.trim() : '' },
    contactPreference: way,
    showName,
    ...(addressedGridId ? { addressedGridId } : {}),
  })

  /** First tap: look for open cases like this one nearby; none (or no point) → send at once. */
  const onSubmit = async () => {
    if (!valid() || !category) return
    // From the tap itself (WeChat's rule): 受理、办理进度、办结待评价. A refusal stops nothing.
    void askForReminders('case')
    await check(draft(category.code))
  }

  const send = async () => {
    if (!category) return
    await sendDraft(draft(category.code))
  }

  if (created) {
    return (
      <PageShell testId="case-submit-page" className="case-submit">
        <SubmitDone created={created} />
      </PageShell>
    )
  }
  const hasSimilar = similar !== null && similar.length > 0

  return (
    <PageShell testId="case-submit-page" className="case-submit">
      {addressedGridId ? (
        <View className="case-submit__card" data-testid="case-submit-addressed">
          <Text>{`留言给：${decodeURIComponent(params.to ?? '为我服务的网格')}，由所在网格办理`}</Text>
        </View>
      ) : null}
      <SectionTitle>诉求类别</SectionTitle>
      <CategoryChooser
        categories={categories}
        groups={groups}
        groupCode={groupCode}
        categoryCode={categoryCode}
        onGroup={(code) => {
          setGroupCode(code)
          setCategoryCode(null)
          clearSimilar()
        }}
        onCategory={(code) => {
          setCategoryCode(code)
          clearSimilar()
        }}
      />

      <SectionTitle testId="case-submit-limits">
        情况描述（{CASE_LIMITS.descriptionMin}–{CASE_LIMITS.descriptionMax} 个字）
      </SectionTitle>
      <View className="case-submit__card">
        <Textarea
          className="case-submit__text"
          value={description}
          maxlength={CASE_LIMITS.descriptionMax}
          placeholder="说清楚什么地方、什么问题、持续多久了，例如：3号楼楼道堆放杂物，已经一周没人清理"
          onInput={(e) => setDescription(e.detail.value)}
          data-testid="case-submit-description"
        />
        <Text className={`case-submit__count ${count > CASE_LIMITS.descriptionMax ? 'case-submit__count--over' : ''}`}>
          {count}/{CASE_LIMITS.descriptionMax}
        </Text>
      </View>

      <SectionTitle>照片（选填，最多 {CASE_LIMITS.photosMax} 张）</SectionTitle>
      <PhotoPicker
        className="case-submit__photos"
        photos={photos}
        onChange={setPhotos}
        onUploading={setUploading}
        max={CASE_LIMITS.photosMax}
        label="照片"
        testId="case-submit-photo"
      />

      <SectionTitle>问题在哪里</SectionTitle>
      <WhereSection
        where={where}
        communityName={profile?.community?.name}
        address={address}
        onAddress={setAddress}
        onMoved={() => clearSimilar()}
      />

      <SectionTitle>怎么联系您</SectionTitle>
      <ContactSection
        way={way}
        onWay={setWay}
        phone={phoneValue}
        onPhone={setPhone}
        showName={showName}
        onShowName={setShowName}
      />

      {hasSimilar ? <SimilarCases similar={similar} /> : null}

      <View className="case-submit__submit">
        <Button
          block
          type="primary"
          size="large"
          loading={saving}
          disabled={uploading}
          onClick={() => void (hasSimilar ? send() : onSubmit())}
          data-testid="case-submit-submit"
        >
          {hasSimilar ? '不是同一件事，仍要提交' : '提交诉求'}
        </Button>
      </View>
    </PageShell>
  )
}
