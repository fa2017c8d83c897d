import { Text, View } from '@tarojs/components'
import { formatElapsed, optionLetter } from '../../../../types/events-quiz-labels'
import { AsyncView } from '../../../components/async-view'
import { useAsync } from '../../../hooks/use-async'
import { quizService, type QuizResult, type RankingRow } from '../../../services/events-quiz'
import { rankLine } from '../quiz-format'

/** My score and place, then each question with what I chose and the correct answer. */
export function QuizResultCard({ result }: { result: QuizResult }) {
  return (
    <View className="event-quiz__card" data-testid="quiz-result">
      <Text className="event-quiz__score" data-testid="quiz-result-score">
        {result.score} 分
      </Text>
      <Text className="event-quiz__text">
        满分 {result.totalPoints} 分，答对 {result.correctCount}/{result.questionCount} 题，用时{' '}
        {formatElapsed(result.elapsedMs)}，目前排第 {result.rank} 名
      </Text>
      {result.review.map((r, i) => (
        <View key={r.id} className="event-quiz__question" data-testid={`quiz-review-${r.id}`}>
          <Text className="event-quiz__stem">
            {i + 1}. {r.stem}
          </Text>
          <Text className={r.right ? 'event-quiz__right' : 'event-quiz__wrong'}>
            {r.right ? '答对了' : '答错了'}：您选 {r.chosen === null ? '未作答' : optionLetter(r.chosen)}，正确答案{' '}
            {optionLetter(r.correct)}. {r.options[r.correct]}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Row({ row }: { row: RankingRow }) {
  return (
    <View className={`event-quiz__rank ${row.mine ? 'event-quiz__rank--mine' : ''}`} data-testid="quiz-ranking-row">
      <Text className="event-quiz__text">
        {row.name}
        {row.mine ? '（我）' : ''}
      </Text>
      <Text className="event-quiz__meta">{rankLine(row)}</Text>
    </View>
  )
}

/** 排名 as attendees see it: names masked, my own row marked and shown even below the top. */
export function QuizRankingCard({ eventId }: { eventId: string }) {
  const ranking = useAsync(() => quizService.ranking(eventId), [eventId])
  return (
    <View className="event-quiz__card" data-testid="quiz-ranking">
      <Text className="event-quiz__title">排名</Text>
      <AsyncView state={ranking} isEmpty={(r) => r.items.length === 0} empty="还没有人交卷">
        {(r) => (
          <View>
            <Text className="event-quiz__meta">
              共 {r.total} 人交卷{r.final ? '，竞赛已结束，排名为最终结果' : '，竞赛结束前排名可能变化'}
            </Text>
            {r.items.map((row, i) => (
              <Row key={`${i}-${row.rank}`} row={row} />
            ))}
            {r.mine && !r.items.some((x) => x.mine) ? <Row row={r.mine} /> : null}
          </View>
        )}
      </AsyncView>
    </View>
  )
}
