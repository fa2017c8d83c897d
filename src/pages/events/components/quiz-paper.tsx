import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Tappable } from '../../../components/tappable'
import { optionLetter } from '../../../../types/events-quiz-labels'
import { confirm } from '../../../lib/feedback'
import type { PaperQuestion, QuizAnswer, QuizPaper } from '../../../services/events-quiz'
import { formatDeadline } from '../format'
import { paperAnswers, unansweredCount } from '../quiz-format'

function Question({
  q,
  n,
  picked,
  pick,
}: {
  q: PaperQuestion
  n: number
  picked: number | undefined
  pick(option: number): void
}) {
  return (
    <View className="event-quiz__question" data-testid={`quiz-question-${q.id}`}>
      <Text className="event-quiz__stem">
        {n}. {q.stem}（{q.points} 分）
      </Text>
      <View className="event-quiz__options" role="radiogroup">
        {q.options.map((text, i) => (
          <Tappable
            key={text}
            className={`event-quiz__option ${picked === i ? 'event-quiz__option--on' : ''}`}
            pressed={picked === i}
            onTap={() => pick(i)}
            testId={`quiz-option-${q.id}-${i}`}
          >
            {optionLetter(i)}. {text}
          </Tappable>
        ))}
      </View>
    </View>
  )
}

/** The questions to answer; 交卷 asks first when some are left blank, since a paper goes in once. */
export function QuizPaperCard({
  paper,
  busy,
  onSubmit,
}: {
  paper: QuizPaper
  busy: boolean
  onSubmit(answers: QuizAnswer[]): void
}) {
  const [picks, setPicks] = useState<Record<string, number>>({})
  const submit = async () => {
    const blank = unansweredCount(paper.questions, picks)
    const sure = await confirm({
      title: '交卷',
      content:
        blank > 0 ? `还有 ${blank} 道题没有作答，交卷后不能再改。确定交卷吗？` : '交卷后不能再改答案，确定交卷吗？',
      confirmText: '交卷',
    })
    if (sure) onSubmit(paperAnswers(paper.questions, picks))
  }
  return (
    <View className="event-quiz__card" data-testid="quiz-paper">
      <Text className="event-quiz__hint">
        请在 {formatDeadline(paper.closesAt)} 前交卷；用时从第一次打开题目算起，同分时用时短者排名靠前。
      </Text>
      {paper.questions.map((q, i) => (
        <Question
          key={q.id}
          q={q}
          n={i + 1}
          picked={picks[q.id]}
          pick={(option) => setPicks((p) => ({ ...p, [q.id]: option }))}
        />
      ))}
      <Button type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="quiz-submit">
        交卷
      </Button>
    </View>
  )
}
