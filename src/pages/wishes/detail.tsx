import { Text, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionBar } from '../../components/action-bar'
import { AsyncView } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { PhotoPicker, type UploadedPhoto } from '../../components/photo-picker'
import { useAsync } from '../../hooks/use-async'
import { useReminders } from '../../hooks/use-reminders'
import { wishesService } from '../../services/wishes'
import { ACTION_ORDER, ACTION_SPECS, checkWishText, runWishAction, textForm } from './actions'
import { WishFacts } from './components/wish-facts'
import { WishHistory } from './components/wish-history'
import { WISH_LIMITS } from './format'
import './detail.scss'

/**
 * One wish: what is asked, its state and history, the contact once it is yours to act on,
 * and exactly the buttons the function says this person may press now.
 */
export default function WishDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const wish = useAsync(() => wishesService.get(id), [id])
  useReminders()
  const [text, setText] = useState('')
  const [proof, setProof] = useState<UploadedPhoto[]>([])
  const [uploading, setUploading] = useState(false)
  usePullDownRefresh(() => {
    void wish.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell testId="wish-detail-page" className="wish-detail">
      <AsyncView state={wish}>
        {(w) => (
          <>
            <WishFacts w={w} />
            <ActionBar
              can={w.can}
              order={ACTION_ORDER}
              specs={ACTION_SPECS}
              testId="wish-action"
              holdSubmit={uploading}
              onOpen={() => {
                setText('')
                setProof([])
              }}
              check={(a) => checkWishText(a, text)}
              run={(a) => runWishAction(id, a, text.trim(), proof)}
              onDone={() => wish.reload()}
              renderForm={(a) => (
                <>
                  <Textarea
                    className="action-bar__input"
                    value={text}
                    maxlength={textForm(a)?.max}
                    nativeProps={{ 'aria-label': textForm(a)?.prompt }}
                    onInput={(e) => setText(e.detail.value)}
                    data-testid="wish-action-text"
                  />
                  {a === 'fulfil' ? (
                    <>
                      <Text className="wish-detail__label">
                        完成照片（选填，最多 {WISH_LIMITS.photosMax} 张，心愿人会看到）
                      </Text>
                      <PhotoPicker
                        photos={proof}
                        onChange={setProof}
                        onUploading={setUploading}
                        max={WISH_LIMITS.photosMax}
                        label="完成照片"
                        testId="wish-fulfil-photo"
                      />
                    </>
                  ) : null}
                </>
              )}
            />
            <SectionTitle>办理记录</SectionTitle>
            <WishHistory history={w.history} />
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
