import { View, Text, Image, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Loading, Tag } from '@nutui/nutui-react-taro'
import type { WishAction } from '../../../types/wishes'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { formatTime } from '../../lib/dayjs'
import { confirm, toast, toastError } from '../../lib/feedback'
import { wishesService, type WishDetail } from '../../services/wishes'
import { ACTION_LABELS, ACTION_ORDER, CONFIRM_ACTIONS, TEXT_ACTIONS } from './actions'
import { WISH_LIMITS, categoryLabel, formatNeededBy, statusLabel, statusTagType } from './format'
import { PhotoPicker, type UploadedPhoto } from '../../components/photo-picker'
import './detail.scss'

const HISTORY_LABELS: Record<WishDetail['history'][number]['action'], string> = {
  post: '发布心愿',
  digest: '汇总发送相关单位',
  approve: '审核通过，上墙',
  reject: '审核未通过',
  withdraw: '心愿人撤回',
  hide: '社区隐藏',
  claim: '志愿者认领',
  release: '志愿者放弃认领',
  fulfil: '志愿者标记完成',
  confirm: '心愿人确认完成',
  dispute: '心愿人反馈未完成',
  thank: '心愿人留下感谢',
  expire: '认领超时，回到心愿墙',
  autoConfirm: '超时未确认，自动确认',
}

async function run(id: string, action: WishAction, text: string, photos: readonly UploadedPhoto[]): Promise<string> {
  switch (action) {
    case 'claim':
      await wishesService.claim(id)
      return '认领成功，请尽快联系心愿人'
    case 'approve':
      await wishesService.review({ id, decision: 'approve' })
      return '已通过'
    case 'reject':
      await wishesService.review({ id, decision: 'reject', reason: text })
      return '已处理'
    case 'withdraw':
      await wishesService.withdraw(id)
      return '已撤回'
    case 'hide':
      await wishesService.hide(id, text)
      return '已隐藏'
    case 'release':
      await wishesService.release(id, text || undefined)
      return '已放弃认领'
    case 'fulfil':
      await wishesService.fulfil({ id, note: text, photos: photos.map((p) => p.fileId) })
      return '已提交，等待心愿人确认'
    case 'confirm':
      await wishesService.confirm(id)
      return '已确认，谢谢您的反馈'
    case 'dispute':
      await wishesService.dispute(id, text)
      return '已转告志愿者'
    case 'thank':
      await wishesService.thank(id, text)
      return '感谢已送达'
    default:
      throw new Error(`不支持的操作 ${action}`)
  }
}

/**
 * One wish: what is asked, its state and history, the contact once it is yours to act on,
 * and exactly the buttons the function says this person may press now.
 */
export default function WishDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const wish = useAsync(() => wishesService.get(id), [id])
  const [pending, setPending] = useState<WishAction | null>(null)
  const [text, setText] = useState('')
  const [proof, setProof] = useState<UploadedPhoto[]>([])
  const [uploading, setUploading] = useState(false)
  const [busy, setBusy] = useState(false)
  usePullDownRefresh(() => {
    void wish.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const act = async (action: WishAction) => {
    const form = TEXT_ACTIONS[action as keyof typeof TEXT_ACTIONS]
    if (form && pending !== action) {
      setPending(action)
      setText('')
      setProof([])
      return
    }
    if (form && !form.optional && text.trim().length < 2) return toast('请至少写 2 个字')
    const ask = CONFIRM_ACTIONS[action as keyof typeof CONFIRM_ACTIONS]
    if (ask && !(await confirm({ title: ACTION_LABELS[action as keyof typeof ACTION_LABELS], content: ask }))) return
    setBusy(true)
    try {
      toast(await run(id, action, text.trim(), proof), 'success')
      setPending(null)
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
      await wish.reload()
    }
  }

  const w = wish.data
  if (!w) {
    return (
      <PageShell testId="wish-detail-page">
        {wish.error ? (
          <EmptyState error description={wish.error}>
            <Button fill="outline" onClick={() => void wish.reload()}>
              重新加载
            </Button>
          </EmptyState>
        ) : (
          <View className="wish-detail__center">
            <Loading>正在加载…</Loading>
          </View>
        )}
      </PageShell>
    )
  }

  const buttons = ACTION_ORDER.filter((a) => w.can.includes(a))
  const form = pending ? TEXT_ACTIONS[pending as keyof typeof TEXT_ACTIONS] : undefined

  return (
    <PageShell testId="wish-detail-page" className="wish-detail">
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
        {w.photos.length > 0 ? (
          <View className="wish-detail__photos">
            {w.photos.map((p, i) => (
              <Image key={p.fileId} className="wish-detail__photo" src={p.url} mode="aspectFill" ariaLabel={`心愿照片${i + 1}`} onClick={() => void Taro.previewImage({ urls: w.photos.map((x) => x.url), current: p.url })} />
            ))}
          </View>
        ) : null}
        <Text className="wish-detail__meta">
          心愿人：{w.wisherName} · {w.communityName ?? ''} · {formatTime(w.createdAt)} 发布
        </Text>
        {w.rejectReason && w.status === 'rejected' ? <Text className="wish-detail__warn">未通过原因：{w.rejectReason}</Text> : null}
        {w.hideReason && w.status === 'hidden' ? <Text className="wish-detail__warn">隐藏原因：{w.hideReason}</Text> : null}
        {w.contentVerdict === 'review' ? <Text className="wish-detail__warn">内容安全检查提示需人工复核，请仔细审核</Text> : null}
      </View>

      {w.contact ? (
        <View className="wish-detail__card wish-detail__contact" data-testid="wish-contact">
          <Text className="wish-detail__label">联系方式</Text>
          <Text className="wish-detail__phone" onClick={() => void Taro.makePhoneCall({ phoneNumber: w.contact!.phone }).catch(() => undefined)}>
            {w.contact.name} 📞 {w.contact.phone}
          </Text>
          {w.claimDeadline && w.status === 'claimed' ? <Text className="wish-detail__meta">请在 {formatTime(w.claimDeadline)} 前完成，逾期将退回心愿墙</Text> : null}
        </View>
      ) : null}

      {w.fulfilNote || w.fulfilPhotos.length > 0 || w.disputeReason || w.thanks ? (
        <View className="wish-detail__card">
          {w.fulfilNote ? <Text data-testid="wish-fulfil-note">志愿者说明：{w.fulfilNote}</Text> : null}
          {w.fulfilPhotos.length > 0 ? (
            <View className="wish-detail__photos" data-testid="wish-fulfil-photos">
              {w.fulfilPhotos.map((p, i) => (
                <Image
                  key={p.fileId}
                  className="wish-detail__photo"
                  src={p.url}
                  mode="aspectFill"
                  ariaLabel={`完成照片${i + 1}`}
                  onClick={() => void Taro.previewImage({ urls: w.fulfilPhotos.map((x) => x.url), current: p.url })}
                />
              ))}
            </View>
          ) : null}
          {w.disputeReason && w.status === 'claimed' ? <Text className="wish-detail__warn">心愿人反馈未完成：{w.disputeReason}</Text> : null}
          {w.autoConfirmAt && w.status === 'fulfilled' ? <Text className="wish-detail__meta">{formatTime(w.autoConfirmAt)} 前未确认将自动确认</Text> : null}
          {w.thanks ? <Text className="wish-detail__thanks" data-testid="wish-thanks">💌 {w.thanks}</Text> : null}
        </View>
      ) : null}

      {form ? (
        <View className="wish-detail__card" data-testid="wish-action-form">
          <Text className="wish-detail__label">{form.prompt}</Text>
          <Textarea className="wish-detail__input" value={text} maxlength={form.max} onInput={(e) => setText(e.detail.value)} data-testid="wish-action-text" />
          {pending === 'fulfil' ? (
            <>
              <Text className="wish-detail__label">完成照片（选填，最多 {WISH_LIMITS.photosMax} 张，心愿人会看到）</Text>
              <PhotoPicker photos={proof} onChange={setProof} onUploading={setUploading} max={WISH_LIMITS.photosMax} label="完成照片" testId="wish-fulfil-photo" />
            </>
          ) : null}
          <View className="wish-detail__buttons">
            <Button fill="outline" onClick={() => setPending(null)}>
              取消
            </Button>
            <Button type="primary" loading={busy} disabled={uploading} onClick={() => void act(pending!)} data-testid="wish-action-submit">
              提交
            </Button>
          </View>
        </View>
      ) : buttons.length > 0 ? (
        <View className="wish-detail__buttons wish-detail__buttons--main">
          {buttons.map((a, i) => (
            <Button key={a} type={i === 0 ? 'primary' : 'default'} fill={i === 0 ? 'solid' : 'outline'} loading={busy && i === 0} onClick={() => void act(a)} data-testid={`wish-action-${a}`}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
        </View>
      ) : null}

      <View className="section-title">办理记录</View>
      <View className="wish-detail__card" data-testid="wish-history">
        {w.history.map((h, i) => (
          <View key={i} className="wish-detail__step">
            <Text className="wish-detail__step-time">{formatTime(h.at)}</Text>
            <Text>
              {HISTORY_LABELS[h.action]}
              {h.note ? `：${h.note}` : ''}
            </Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
