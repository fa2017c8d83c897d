import { View, Text } from '@tarojs/components'
import type { AsyncState } from '../../../hooks/use-async'
import { AsyncView } from '../../../components/async-view'
import { Tappable } from '../../../components/tappable'
import type { CategoryGroup } from '../format'

export interface CategoryChooserProps {
  categories: AsyncState<unknown>
  groups: CategoryGroup[]
  groupCode: string | null
  categoryCode: string | null
  onGroup(code: string): void
  onCategory(code: string): void
}

/** 诉求类别 in two levels: a chip per group, then a chip per category of the chosen group (styles: submit.scss). */
export function CategoryChooser({
  categories,
  groups,
  groupCode,
  categoryCode,
  onGroup,
  onCategory,
}: CategoryChooserProps) {
  const group = groups.find((g) => g.code === groupCode)
  const category = group?.leaves.find((c) => c.code === categoryCode)
  return (
    <AsyncView state={categories}>
      {() => (
        <View className="case-submit__card">
          <View className="case-submit__chips">
            {groups.map((g) => (
              <Tappable
                key={g.code}
                className={`case-submit__chip ${groupCode === g.code ? 'case-submit__chip--on' : ''}`}
                testId={`case-submit-group-${g.code}`}
                onTap={() => onGroup(g.code)}
                pressed={groupCode === g.code}
              >
                {g.name}
              </Tappable>
            ))}
          </View>
          {group ? (
            <View className="case-submit__chips case-submit__chips--leaves">
              {group.leaves.map((c) => (
                <Tappable
                  key={c.code}
                  className={`case-submit__chip ${categoryCode === c.code ? 'case-submit__chip--on' : ''}`}
                  testId={`case-submit-category-${c.code}`}
                  onTap={() => onCategory(c.code)}
                  pressed={categoryCode === c.code}
                >
                  {c.name}
                </Tappable>
              ))}
            </View>
          ) : (
            <Text className="case-submit__hint">先选大类，再选具体问题</Text>
          )}
          {category?.description ? <Text className="case-submit__hint">{category.description}</Text> : null}
        </View>
      )}
    </AsyncView>
  )
}
