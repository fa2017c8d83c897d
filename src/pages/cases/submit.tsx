import { View, Text, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useRef, useState } from 'react'
import { Button, Loading, Switch } from '@nutui/nutui-react-taro'
import { EmptyState } from '../../components/empty-state'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { PhotoPicker, type UploadedPhoto } from '../../components/photo-picker'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { useReminders } from '../../hooks/use-reminders'
import { confirm, toast, toastError } from '../../lib/feedback'
import { casesService, type CaseDetail, type SimilarCase } from '../../services/cases'
import { askForReminders } from '../../services/subscribe'
import type { ContactPreference } from '../../../types/cases'
import { CASE_LIMITS, charCount, groupCategories, newClientRequestId } from './format'
import { casePrefill } from '../../lib/notice-link'
import { useCaseLocation } from './location-choice'
import { Tappable } from '../../components/tappable'
import './submit.scss'

type ContactWay = ContactPreference

/**
 * 我要反映: category (two levels), what happened (limits said up front), up to nine photos,
 * where (my community unless I locate or pick a place), how to reach me (phone, or only
 * mini-program messages) and whether my name may be shown, masked, beyond the handlers. Before sending, open cases like it nearby are offered so the resident
 * can press 我也遇到 instead of filing a duplicate. The form keeps one client request id,
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
  const [way, setWay] = useState<ContactWay>('phone')
  const [phone, setPhone] = useState<string | null>(null)
  const [showName, setShowName] = useState(false)
  const [similar, setSimilar] = useState<SimilarCase[] | null>(null)
  const [saving, setSaving] = useState(false)
  const [created, setCreated] = useState<CaseDetail | null>(null)
  const requestId = useRef(newClientRequestId())
  const where = useCaseLocation()
  const count = charCount(description)
  const group = groups.find((g) => g.code === groupCode)
  const category = group?.leaves.find((c) => c.code === categoryCode)
  const phoneValue = phone ?? profile?.phone ?? ''
  useReminders()

  const valid = (): boolean => {
    if (!category) return toast('请选择诉求类别'), false
    if (count < CASE_LIMITS.descriptionMin) return toast(`请把情况写清楚，至少 ${CASE_LIMITS.descriptionMin} 个字`), false
    if (count > CASE_LIMITS.descriptionMax) return toast(`描述最多 ${CASE_LIMITS.descriptionMax} 个字`), false
    if (way === 'phone' && !/^[0-9+\-\s]{5,20}$/.test(phoneValue.trim())) return toast('请填写能联系到您的电话'), false
    return true
  }

  /** First tap: look for open cases like this one nearby; none (or no point) → send at once. */
  const onSubmit = async () => {
    if (!valid() || !category) return
    // From the tap itself (WeChat's rule): 受理、办理进度、办结待评价. A refusal stops nothing.
    void askForReminders('case')
    if (where.point && similar === null) {
      setSaving(true)
      try {
        const found = await casesService.similarNearby({ categoryCode: category.code, location: where.point })
        if (found.items.length > 0) {
          setSimilar(found.items)
          setSaving(false)
          return
        }
      } catch {
        // Suggestions are a courtesy: failing to fetch them must not stop the resident.
      }
      setSaving(false)
    }
    await send()
  }

  const send = async () => {
    if (!category) return
    setSaving(true)
    try {
      const res = await casesService.submit({
        clientRequestId: requestId.current,
        categoryCode: category.code,
        description: description.trim(),
        photos: photos.map((p) => p.fileId),
        location: where.point,
        address: address.trim() || (where.location.kind === 'place' ? where.location.name.slice(0, CASE_LIMITS.addressMax) : ''),
        contact: { name: profile?.name ?? '', phone: way === 'phone' ? phoneValue.trim() : '' },
        contactPreference: way,
        showName,
        ...(addressedGridId ? { addressedGridId } : {}),
      })
      setCreated(res.case)
    } catch (error) {
      // The same request id goes out again on the next tap, so a retry cannot make a second case.
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  const follow = async (c: SimilarCase) => {
    if (!(await confirm({ title: '我也遇到', content: `关注诉求 ${c.number}？办结时会通知您，您这次就不用再提交了。` }))) return
    try {
      await casesService.follow(c.id)
      toast('已关注，办结时会通知您', 'success')
      await Taro.redirectTo({ url: '/pages/cases/index' })
    } catch (error) {
      toastError(error)
    }
  }

  if (created) {
    return (
      <PageShell testId="case-submit-page" className="case-submit">
        <View className="case-submit__done" data-testid="case-submit-done">
          <Text className="case-submit__done-title">诉求已受理</Text>
          <Text className="case-submit__done-number" data-testid="case-submit-number">
            {created.number}
          </Text>
          <Text className="case-submit__hint">已交「{created.handlingUnitName}」办理，每一步进展都会通知您。请记下编号，也可以在“我的诉求”里查看。</Text>
          <Button block type="primary" size="large" data-testid="case-submit-open" onClick={() => void Taro.redirectTo({ url: `/pages/cases/detail?id=${created.id}` })}>
            查看办理进度
          </Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell testId="case-submit-page" className="case-submit">
      {addressedGridId ? (
        <View className="case-submit__card" data-testid="case-submit-addressed">
          <Text>{`留言给：${decodeURIComponent(params.to ?? '为我服务的网格')}，由所在网格办理`}</Text>
        </View>
      ) : null}
      <SectionTitle>诉求类别</SectionTitle>
      {categories.loading && !categories.data ? (
        <Loading>正在加载…</Loading>
      ) : categories.error ? (
        <EmptyState error description={categories.error} />
      ) : (
        <View className="case-submit__card">
          <View className="case-submit__chips">
            {groups.map((g) => (
              <Tappable
                key={g.code}
                className={`case-submit__chip ${groupCode === g.code ? 'case-submit__chip--on' : ''}`}
                testId={`case-submit-group-${g.code}`}
                onTap={() => {
                  setGroupCode(g.code)
                  setCategoryCode(null)
                  setSimilar(null)
                }}
                pressed={groupCode === g.code}
              >
                {g.name}
              </Tappable>
            ))}
          </View>
          {group ? (
            <View className="case-submit__chips case-submit__chips--leaves">
              {group.leaves.map((c) => (
                <Tappable
                  key={c.code}
                  className={`case-submit__chip ${categoryCode === c.code ? 'case-submit__chip--on' : ''}`}
                  testId={`case-submit-category-${c.code}`}
                  onTap={() => {
                    setCategoryCode(c.code)
                    setSimilar(null)
                  }}
                  pressed={categoryCode === c.code}
                >
                  {c.name}
                </Tappable>
              ))}
            </View>
          ) : (
            <Text className="case-submit__hint">先选大类，再选具体问题</Text>
          )}
          {category?.description ? <Text className="case-submit__hint">{category.description}</Text> : null}
        </View>
      )}

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
      <PhotoPicker className="case-submit__photos" photos={photos} onChange={setPhotos} onUploading={setUploading} max={CASE_LIMITS.photosMax} label="照片" testId="case-submit-photo" />

      <SectionTitle>问题在哪里</SectionTitle>
      <View className="case-submit__card">
        <Text className="case-submit__where" data-testid="case-submit-where">
          📍{' '}
          {where.location.kind === 'community'
            ? `我所在的社区${profile?.community ? `（${profile.community.name}）` : ''}`
            : where.location.kind === 'gps'
              ? '我当前的位置'
              : where.location.name}
        </Text>
        <View className="case-submit__row">
          <Button fill="outline" loading={where.locating} data-testid="case-submit-locate" onClick={() => void where.locateMe().then(() => setSimilar(null))}>
            定位
          </Button>
          {where.canPickOnMap ? (
            <Button fill="outline" onClick={() => void where.pickOnMap().then(() => setSimilar(null))}>
              在地图上选
            </Button>
          ) : null}
          {where.location.kind !== 'community' ? (
            <Button fill="none" onClick={where.useCommunity}>
              按我的社区
            </Button>
          ) : null}
        </View>
        <Input className="case-submit__input" value={address} maxlength={CASE_LIMITS.addressMax} placeholder="详细地址（选填），如：东县门街12号院3号楼" onInput={(e) => setAddress(e.detail.value)} data-testid="case-submit-address" />
        <Text className="case-submit__hint">不定位也可以提交，会交给您所在社区的网格办理。定位只用于派单，不会公开。</Text>
      </View>

      <SectionTitle>怎么联系您</SectionTitle>
      <View className="case-submit__card">
        <View className="case-submit__chips">
          <Tappable className={`case-submit__chip ${way === 'phone' ? 'case-submit__chip--on' : ''}`} testId="case-submit-way-phone" onTap={() => setWay('phone')} pressed={way === 'phone'}>
            电话联系我
          </Tappable>
          <Tappable className={`case-submit__chip ${way === 'message' ? 'case-submit__chip--on' : ''}`} testId="case-submit-way-message" onTap={() => setWay('message')} pressed={way === 'message'}>
            小程序消息答复
          </Tappable>
        </View>
        {way === 'phone' ? (
          <Input className="case-submit__input" type="number" value={phoneValue} maxlength={20} placeholder="联系电话" onInput={(e) => setPhone(e.detail.value)} data-testid="case-submit-phone" />
        ) : (
          <Text className="case-submit__hint" data-testid="case-submit-message-hint">
            工作人员将通过小程序消息答复您，办理进展也会通过“消息”通知您；您的电话不会给工作人员看到。
          </Text>
        )}
        <View className="case-submit__switch">
          <Text>附近居民查看相似诉求时，可显示我的姓氏（如 张**）</Text>
          <Switch checked={showName} onChange={(on) => setShowName(on)} data-testid="case-submit-show-name" />
        </View>
        <Text className="case-submit__hint">办理这件诉求的工作人员能看到您的姓名{way === 'phone' ? '和电话' : ''}；除此之外不会公开。</Text>
      </View>

      {similar && similar.length > 0 ? (
        <View className="case-submit__similar" data-testid="case-submit-similar">
          <Text className="case-submit__similar-title">附近已有 {similar.length} 件相似的诉求正在办理</Text>
          {similar.map((c) => (
            <View key={c.id} className="case-submit__similar-item" data-testid={`case-similar-${c.number}`}>
              <Text className="case-submit__hint">
                {c.number} · {c.categoryName} · {c.statusLabel} · 约 {Math.round(c.distanceMeters)} 米 · {c.followerCount} 人也遇到
                {c.petitionerName ? ` · ${c.petitionerName} 反映` : ''}
              </Text>
              <Text>{c.description}</Text>
              <Button size="small" type="primary" fill="outline" onClick={() => void follow(c)} data-testid={`case-similar-follow-${c.number}`}>
                我也遇到，关注这件
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      <View className="case-submit__submit">
        <Button block type="primary" size="large" loading={saving} disabled={uploading} onClick={() => void (similar && similar.length > 0 ? send() : onSubmit())} data-testid="case-submit-submit">
          {similar && similar.length > 0 ? '不是同一件事，仍要提交' : '提交诉求'}
        </Button>
      </View>
    </PageShell>
  )
}
