import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CASE_LIMITS } from '../format'
import type { useCaseLocation } from '../location-choice'

export interface WhereSectionProps {
  where: ReturnType<typeof useCaseLocation>
  communityName: string | undefined
  address: string
  onAddress(address: string): void
  /** The place changed: similar cases found for the old one no longer apply. */
  onMoved(): void
}

/** 问题在哪里: my community by default, or 定位 / a place picked on the map, and a written address (styles: submit.scss). */
export function WhereSection({ where, communityName, address, onAddress, onMoved }: WhereSectionProps) {
  return (
    <View className="case-submit__card">
      <Text className="case-submit__where" data-testid="case-submit-where">
        📍{' '}
        {where.location.kind === 'community'
          ? `我所在的社区${communityName ? `（${communityName}）` : ''}`
          : where.location.kind === 'gps'
            ? '我当前的位置'
            : where.location.name}
      </Text>
      <View className="case-submit__row">
        <Button
          fill="outline"
          loading={where.locating}
          data-testid="case-submit-locate"
          onClick={() => void where.locateMe().then(onMoved)}
        >
          定位
        </Button>
        {where.canPickOnMap ? (
          <Button fill="outline" onClick={() => void where.pickOnMap().then(onMoved)}>
            在地图上选
          </Button>
        ) : null}
        {where.location.kind !== 'community' ? (
          <Button fill="none" onClick={where.useCommunity}>
            按我的社区
          </Button>
        ) : null}
      </View>
      <Input
        className="case-submit__input"
        value={address}
        maxlength={CASE_LIMITS.addressMax}
        placeholder="详细地址（选填），如：东县门街12号院3号楼"
        onInput={(e) => onAddress(e.detail.value)}
        data-testid="case-submit-address"
      />
      <Text className="case-submit__hint">
        不定位也可以提交，会交给您所在社区的网格办理。定位只用于派单，不会公开。
      </Text>
    </View>
  )
}
