import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { toast, toastError } from '../../lib/feedback'
import { quizService, type QuizAnswer, type QuizPaper, type QuizStatus } from '../../services/events-quiz'
import { QuizPaperCard } from './components/quiz-paper'
import { QuizRankingCard, QuizResultCard } from './components/quiz-result'
import { newQuizRequestId, statusLine } from './quiz-format'
import './quiz.scss'

/** Before answering: how many questions, the full score, the window; 开始答题 opens the paper. */
function Intro({ s, busy, onStart }: { s: QuizStatus; busy: boolean; onStart(): void }) {
  return (
    <View className="event-quiz__card" data-testid="quiz-intro">
      <Text className="event-quiz__title">{s.title}</Text>
      <Text className="event-quiz__text">
        共 {s.questionCount} 道单选题，满分 {s.totalPoints} 分。每人只能交卷一次。
      </Text>
      <Text className="event-quiz__meta">{statusLine(s)}</Text>
      <Text className="event-quiz__meta">点“开始答题”后开始计时，同分时用时短者排名靠前。</Text>
      <Button type="primary" loading={busy} disabled={busy} onClick={onStart} data-testid="quiz-start">
        开始答题
      </Button>
    </View>
  )
}

/** 党史知识竞赛 for an attendee: answer once, then my score with the correct answers, and the ranking. */
export default function EventQuizPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const status = useAsync(() => quizService.status(id), [id])
  const [paper, setPaper] = useState<QuizPaper | null>(null)
  const [requestId] = useState(newQuizRequestId)
  const [busy, setBusy] = useState(false)
  usePullDownRefresh(() => {
    // Pulling down while answering would throw the picks away; the paper stays as it is.
    if (paper) return Taro.stopPullDownRefresh()
    void status.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const work = async (step: () => Promise<void>) => {
    setBusy(true)
    try {
      await step()
    } catch (error) {
      toastError(error)
      await status.reload()
    } finally {
      setBusy(false)
    }
  }
  const start = () => work(async () => setPaper(await quizService.open(id)))
  const submit = (answers: QuizAnswer[]) =>
    work(async () => {
      const result = await quizService.submit(id, requestId, answers)
      toast(`交卷成功，得 ${result.score} 分`, 'success')
      setPaper(null)
      await status.reload()
    })

  return (
    <PageShell className="event-quiz" testId="event-quiz-page">
      <AsyncView state={status} loadingText="正在读取竞赛…">
        {(s) => {
          if (s.state === 'submitted' && s.result)
            return (
              <View>
                <QuizResultCard result={s.result} />
                <QuizRankingCard eventId={id} />
              </View>
            )
          if (s.state === 'open' && paper) return <QuizPaperCard paper={paper} busy={busy} onSubmit={submit} />
          if (s.state === 'open') return <Intro s={s} busy={busy} onStart={() => void start()} />
          return (
            <View>
              <EmptyState description={statusLine(s)} testId="quiz-status" />
              {s.state === 'closed' ? <QuizRankingCard eventId={id} /> : null}
            </View>
          )
        }}
      </AsyncView>
    </PageShell>
  )
}
