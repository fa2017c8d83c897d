import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StationPage } from '../../../services/stations'
import type { OriginChoice } from '../use-origin-choice'

function originText(choice: OriginChoice, origin: StationPage['origin'] | undefined): string {
  if (choice.kind === 'gps') return '按您当前的位置，由近到远'
  if (choice.kind === 'place') return `按「${choice.name}」，由近到远`
  if (origin?.source === 'community') return `按您所在的${origin.name ?? '社区'}，由近到远`
  return '没有位置信息，按名称排列'
}

export interface OriginBarProps {
  choice: OriginChoice
  origin: StationPage['origin'] | undefined
  locating: boolean
  onLocate(): void
  onPick(): void
  onCommunity(): void
}

/** Where the distances are measured from, and the ways to change it (styles: index.scss). */
export function OriginBar({ choice, origin, locating, onLocate, onPick, onCommunity }: OriginBarProps) {
  return (
    <View className="stations__origin">
      <Text className="stations__origin-text" data-testid="stations-origin">
        📍 {originText(choice, origin)}
      </Text>
      <View className="stations__origin-actions">
        <Button fill="outline" loading={locating} data-testid="stations-locate" onClick={onLocate}>
          用我的位置
        </Button>
        <Button fill="outline" data-testid="stations-pick" onClick={onPick}>
          选择地点
        </Button>
        {choice.kind !== 'auto' ? (
          <Button fill="none" onClick={onCommunity}>
            按我的社区
          </Button>
        ) : null}
      </View>
      {choice.kind !== 'gps' ? (
        <Text className="stations__origin-why">定位只用来计算您到驿站的距离，不会保存，也可以不定位直接查看。</Text>
      ) : null}
    </View>
  )
}
