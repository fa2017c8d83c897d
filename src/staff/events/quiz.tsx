import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { formatElapsed, optionLetter } from '../../../types/events-quiz-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { toast, toastError } from '../../lib/feedback'
import { quizService, type QuizSetup } from '../../services/events-quiz'
import { formatDeadline } from '../../pages/events/format'
import { QuizEditor } from './components/quiz-editor'
import { draftFrom, toSaveInput, type QuizDraft } from './quiz-draft'
import './quiz.scss'

/** Once someone has opened the questions they are shown, not edited. */
function LockedQuiz({ quiz }: { quiz: NonNullable<QuizSetup['quiz']> }) {
  return (
    <View className="staff-quiz__card" data-testid="quiz-locked">
      <Text className="staff-quiz__meta">已有居民开始答题，题目和时间不能再修改。</Text>
      <Text className="staff-quiz__meta">
        答题时间：{quiz.opensAt} 至 {quiz.closesAt}
      </Text>
      {quiz.questions.map((q, i) => (
        <Text key={q.id} className="staff-quiz__text">
          {i + 1}. {q.stem}（{q.points} 分）答案：{optionLetter(q.answer)}. {q.options[q.answer]}
        </Text>
      ))}
    </View>
  )
}

function Editor({ setup, onSaved }: { setup: QuizSetup; onSaved(): void }) {
  const [draft, setDraft] = useState<QuizDraft>(() => draftFrom(setup))
  const [busy, setBusy] = useState(false)
  useEffect(() => setDraft(draftFrom(setup)), [setup])
  const save = async () => {
    const made = toSaveInput(setup.eventId, draft)
    if ('problem' in made) return toast(made.problem)
    setBusy(true)
    try {
      await quizService.save(made.input)
      toast('竞赛题目已保存', 'success')
      onSaved()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="staff-quiz__card">
      <Text className="staff-quiz__title">{setup.quiz ? '修改竞赛题目' : '为本活动设置知识竞赛'}</Text>
      <Text className="staff-quiz__meta">只有签到参加的居民可以答题，每人一次；系统自动判分，按得分、用时排名。</Text>
      <QuizEditor draft={draft} onChange={setDraft} />
      <Button type="primary" loading={busy} disabled={busy} onClick={() => void save()} data-testid="quiz-save">
        保存题目
      </Button>
    </View>
  )
}

/** 排名 with full names, for the organisers and the prize-giving. */
function Standings({ eventId }: { eventId: string }) {
  const standings = useAsync(() => quizService.standings(eventId), [eventId])
  return (
    <View className="staff-quiz__card" data-testid="quiz-standings">
      <Text className="staff-quiz__title">排名</Text>
      <AsyncView state={standings} isEmpty={(s) => s.items.length === 0} empty="还没有人交卷">
        {(s) => (
          <View>
            <Text className="staff-quiz__meta">
              签到 {s.attended} 人，交卷 {s.items.length} 人，满分 {s.totalPoints} 分
              {s.final ? '（已结束，为最终排名）' : '（答题中，排名可能变化）'}
            </Text>
            {s.items.map((r) => (
              <View
                key={`${r.rank}-${r.name}-${r.submittedAt}`}
                className="staff-quiz__row"
                data-testid="quiz-standing-row"
              >
                <Text className="staff-quiz__text">
                  第 {r.rank} 名 {r.name}（尾号 {r.phoneTail || '无'}）
                </Text>
                <Text className="staff-quiz__meta">
                  {r.score} 分 · 答对 {r.correctCount} 题 · 用时 {formatElapsed(r.elapsedMs)} · 交卷{' '}
                  {formatDeadline(r.submittedAt)}
                </Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </View>
  )
}

/** 知识竞赛 (staff): set the questions and the window, then follow the ranking. */
export default function StaffQuizPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const setup = useAsync(() => quizService.setup(id), [id])
  const [round, setRound] = useState(0)
  usePullDownRefresh(() => {
    setRound((n) => n + 1)
    void setup.reload().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <PageShell className="staff-quiz" testId="staff-quiz-page">
      <AsyncView state={setup} loadingText="正在读取竞赛…">
        {(s) => (
          <View>
            <Text className="staff-quiz__head">{s.title}</Text>
            {s.quiz?.locked ? <LockedQuiz quiz={s.quiz} /> : <Editor setup={s} onSaved={() => void setup.reload()} />}
            {s.quiz ? <Standings key={round} eventId={id} /> : null}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
