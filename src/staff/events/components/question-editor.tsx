import { View, Text, Input } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { Tappable } from '../../../components/tappable'
import { EVENT_LIMITS, type QuestionKind } from '../../../../types/events-labels'
import { nextQuestionId, type QuestionState } from '../form-state'

const KINDS: { key: QuestionKind; label: string }[] = [
  { key: 'text', label: '填空' },
  { key: 'choice', label: '单选' },
  { key: 'phone', label: '电话' },
]

function QuestionRow({
  q,
  n,
  change,
  remove,
}: {
  q: QuestionState
  n: number
  change(patch: Partial<QuestionState>): void
  remove(): void
}) {
  return (
    <View className="event-form__question" data-testid={`question-${q.id}`}>
      <View className="event-form__row">
        <Text className="event-form__label">第 {n} 题</Text>
        {KINDS.map((k) => (
          <Tappable
            key={k.key}
            className={`event-form__chip ${q.kind === k.key ? 'event-form__chip--on' : ''}`}
            onTap={() => change({ kind: k.key })}
            testId={`question-${q.id}-kind-${k.key}`}
            pressed={q.kind === k.key}
          >
            {k.label}
          </Tappable>
        ))}
      </View>
      <Input
        className="event-form__input"
        value={q.label}
        maxlength={EVENT_LIMITS.questionLabelMax}
        placeholder="问题，如：是否需要轮椅"
        onInput={(e) => change({ label: e.detail.value })}
        data-testid={`question-${q.id}-label`}
      />
      {q.kind === 'choice' ? (
        <Input
          className="event-form__input"
          value={q.options}
          placeholder="选项，用逗号隔开，如：上午，下午"
          onInput={(e) => change({ options: e.detail.value })}
          data-testid={`question-${q.id}-options`}
        />
      ) : null}
      <View className="event-form__row">
        <Checkbox checked={q.required} onChange={(required) => change({ required })} label="必答" />
        <Checkbox
          checked={q.sensitive}
          onChange={(sensitive) => change({ sensitive })}
          label="涉及隐私（名单中隐去）"
        />
        <Button size="small" fill="outline" onClick={remove}>
          删除
        </Button>
      </View>
    </View>
  )
}

/** 报名时要填的问题: text, a choice or a phone; private answers are masked for staff who do not need them. */
export function QuestionEditor({
  questions,
  onChange,
}: {
  questions: QuestionState[]
  onChange(next: QuestionState[]): void
}) {
  const add = () =>
    onChange([
      ...questions,
      { id: nextQuestionId(questions), kind: 'text', label: '', options: '', required: false, sensitive: false },
    ])
  return (
    <View className="event-form__questions">
      {questions.length === 0 ? <Text className="event-form__hint">不需要填写，居民一键报名</Text> : null}
      {questions.map((q, i) => (
        <QuestionRow
          key={q.id}
          q={q}
          n={i + 1}
          change={(patch) => onChange(questions.map((x) => (x.id === q.id ? { ...x, ...patch } : x)))}
          remove={() => onChange(questions.filter((x) => x.id !== q.id))}
        />
      ))}
      {questions.length < EVENT_LIMITS.questionsMax ? (
        <Button size="small" fill="outline" onClick={add} data-testid="question-add">
          添加问题
        </Button>
      ) : null}
    </View>
  )
}
