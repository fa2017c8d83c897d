import { View, Text } from '@tarojs/components'
import type { CaseFigures } from '../../../services/cases'
import { formatRate } from '../../../pages/cases/format'

const MEASURES: { key: keyof CaseFigures; label: string; rate: boolean }[] = [
  { key: 'received', label: '受理量', rate: false },
  { key: 'resolutionRate', label: '办结率', rate: true },
  { key: 'onTimeRate', label: '按时办结率', rate: true },
  { key: 'satisfactionRate', label: '满意率', rate: true },
  { key: 'ratingRate', label: '参评率', rate: true },
]

function show(f: CaseFigures | CaseFigures['byUnit'][number], m: (typeof MEASURES)[number]): string {
  const v = f[m.key as keyof typeof f]
  return m.rate ? formatRate(v) : String(v)
}

/** 督办考核: the unit's five figures, one row per unit below it, and how each is counted (styles: reports.scss). */
export function FiguresCard({ f }: { f: CaseFigures }) {
  return (
    <View className="case-reports__card" data-testid="case-figures">
      <View className="case-reports__grid">
        {MEASURES.map((m) => (
          <View key={m.key} className="case-reports__measure" data-testid={`case-figure-${m.key}`}>
            <Text className="case-reports__value">{show(f, m)}</Text>
            <Text className="case-reports__name">{m.label}</Text>
          </View>
        ))}
      </View>
      {f.byUnit.length > 1 ? (
        <View className="case-reports__table">
          <View className="case-reports__row case-reports__row--head">
            <Text className="case-reports__unit">单位</Text>
            {MEASURES.map((m) => (
              <Text key={m.key} className="case-reports__cell">
                {m.label}
              </Text>
            ))}
          </View>
          {f.byUnit.map((u) => (
            <View key={u.unitId} className="case-reports__row">
              <Text className="case-reports__unit">{u.unitName}</Text>
              {MEASURES.map((m) => (
                <Text key={m.key} className="case-reports__cell">
                  {show(u, m)}
                </Text>
              ))}
            </View>
          ))}
        </View>
      ) : null}
      <Text className="case-reports__hint">
        统计这段时间受理的诉求（重复件不计）：办结率＝办结÷受理；按时办结率＝按时办结÷办结；满意率＝（满意＋基本满意）÷参评；参评率＝参评÷办结。
      </Text>
    </View>
  )
}
