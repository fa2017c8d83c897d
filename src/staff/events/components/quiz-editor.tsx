import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Tappable } from '../../../components/tappable'
import { optionLetter, QUIZ_LIMITS as L } from '../../../../types/events-quiz-labels'
import { emptyQuestion, withoutOption, type QuestionDraft, type QuizDraft } from '../quiz-draft'

function OptionRow({ q, i, n, change }: { q: QuestionDraft; i: number; n: number; change(next: QuestionDraft): void }) {
  const on = q.answer === i
  return (
    <View className="quiz-editor__row">
      <Tappable
        className={`quiz-editor__answer ${on ? 'quiz-editor__answer--on' : ''}`}
        pressed={on}
        label={`把 ${optionLetter(i)} 设为正确答案`}
        onTap={() => change({ ...q, answer: i })}
        testId={`quiz-answer-${n}-${i}`}
      >
        {optionLetter(i)}
      </Tappable>
      <Input
        className="quiz-editor__input quiz-editor__option"
        value={q.options[i]}
        maxlength={L.optionTextMax}
        placeholder={`选项 ${optionLetter(i)}`}
        onInput={(e) => change({ ...q, options: q.options.map((o, j) => (j === i ? e.detail.value : o)) })}
        data-testid={`quiz-option-${n}-${i}`}
      />
      {q.options.length > L.optionsMin ? (
        <Tappable
          className="quiz-editor__remove"
          label={`删除选项 ${optionLetter(i)}`}
          onTap={() => change(withoutOption(q, i))}
        >
          删除
        </Tappable>
      ) : null}
    </View>
  )
}

function QuestionCard({
  q,
  n,
  change,
  remove,
}: {
  q: QuestionDraft
  n: number
  change(next: QuestionDraft): void
  remove(): void
}) {
  return (
    <View className="quiz-editor__question" data-testid={`quiz-editor-question-${n}`}>
      <Text className="quiz-editor__label">第 {n + 1} 题（点字母设为正确答案）</Text>
      <Input
        className="quiz-editor__input"
        value={q.stem}
        maxlength={L.stemMax}
        placeholder="题目，如：中国共产党成立于哪一年？"
        onInput={(e) => change({ ...q, stem: e.detail.value })}
        data-testid={`quiz-stem-${n}`}
      />
      {q.options.map((_, i) => (
        <OptionRow key={i} q={q} i={i} n={n} change={change} />
      ))}
      <View className="quiz-editor__row">
        <Text className="quiz-editor__label">分值</Text>
        <Input
          className="quiz-editor__input quiz-editor__points"
          type="number"
          value={q.points}
          onInput={(e) => change({ ...q, points: e.detail.value })}
          aria-label={`第 ${n + 1} 题分值`}
          data-testid={`quiz-points-${n}`}
        />
        {q.options.length < L.optionsMax ? (
          <Button size="small" fill="outline" onClick={() => change({ ...q, options: [...q.options, ''] })}>
            加选项
          </Button>
        ) : null}
        <Button size="small" fill="outline" onClick={remove}>
          删除本题
        </Button>
      </View>
    </View>
  )
}

/** The question set and its window; the page saves it. */
export function QuizEditor({ draft, onChange }: { draft: QuizDraft; onChange(next: QuizDraft): void }) {
  const setQuestions = (questions: QuestionDraft[]) => onChange({ ...draft, questions })
  return (
    <View className="quiz-editor">
      {draft.questions.map((q, n) => (
        <QuestionCard
          key={q.key}
          q={q}
          n={n}
          change={(next) => setQuestions(draft.questions.map((x) => (x.key === q.key ? next : x)))}
          remove={() => setQuestions(draft.questions.filter((x) => x.key !== q.key))}
        />
      ))}
      {draft.questions.length < L.questionsMax ? (
        <Button
          size="small"
          fill="outline"
          onClick={() => setQuestions([...draft.questions, emptyQuestion()])}
          data-testid="quiz-add"
        >
          添加题目
        </Button>
      ) : null}
      <Text className="quiz-editor__label">答题时间（格式 2026-12-05 14:30，不填则为活动开始至结束后一天）</Text>
      <Input
        className="quiz-editor__input"
        value={draft.opensAt}
        placeholder="开始时间"
        onInput={(e) => onChange({ ...draft, opensAt: e.detail.value })}
        data-testid="quiz-opens"
      />
      <Input
        className="quiz-editor__input"
        value={draft.closesAt}
        placeholder="截止时间"
        onInput={(e) => onChange({ ...draft, closesAt: e.detail.value })}
        data-testid="quiz-closes"
      />
    </View>
  )
}
