import { View, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionBar, type ActionSpec } from '../../components/action-bar'
import { AsyncView } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { casesService } from '../../services/cases'
import { CaseFacts } from './components/case-facts'
import { CaseTimeline } from './components/case-timeline'
import { RateForm } from './components/rate-form'
import { CASE_LIMITS } from './format'
import './detail.scss'

type ResidentAction = 'addNote' | 'follow'
const ORDER: ResidentAction[] = ['addNote', 'follow']
const SPECS: Record<ResidentAction, ActionSpec> = {
  addNote: { label: '补充说明', form: { title: '补充说明（承办单位会看到）' } },
  follow: { label: '我也遇到' },
}

/**
 * One of my cases: what I reported, every step on the timeline (Shanghai time, with the
 * unit), and the buttons the function allows me now — 补充说明, 我也遇到, and once it is
 * resolved the 一事一评 rating.
 */
export default function CaseDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const detail = useAsync(() => casesService.get(id), [id])
  const [note, setNote] = useState('')
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const run = async (action: ResidentAction): Promise<string> => {
    if (action === 'follow') {
      await casesService.follow(id)
      return '已关注，办结时会通知您'
    }
    await casesService.addNote({ caseId: id, text: note.trim() })
    setNote('')
    return '已补充，承办单位会看到'
  }

  return (
    <PageShell testId="case-detail-page" className="case-detail">
      <AsyncView state={detail}>
        {(c) => (
          <>
            <CaseFacts c={c} />
            {c.can.includes('rate') ? <RateForm caseId={id} onRated={detail.reload} /> : null}
            <ActionBar
              can={c.can}
              order={ORDER}
              specs={SPECS}
              testId="case-action"
              check={(a) => (a === 'addNote' && note.trim().length < 2 ? '请至少写 2 个字' : null)}
              run={run}
              onDone={(_a, ok) => (ok ? detail.reload() : undefined)}
              renderForm={() => (
                <Textarea
                  className="action-bar__input"
                  value={note}
                  maxlength={CASE_LIMITS.replyMax}
                  nativeProps={{ 'aria-label': '补充说明' }}
                  onInput={(e) => setNote(e.detail.value)}
                  data-testid="case-note-text"
                />
              )}
            />
            <SectionTitle>办理进度</SectionTitle>
            <View className="case-detail__card">
              <CaseTimeline entries={c.timeline} />
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
