import { View, Text, ScrollView } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { useMemo } from 'react'
import type { Point } from '../../../../types/stations'
import { Tappable } from '../../../components/tappable'
import { useAsync } from '../../../hooks/use-async'
import { usersService } from '../../../services/users'
import { groupCommunitiesByStreet } from '../../me/org-groups'
import { CAN_PICK_ON_MAP, pickPlaceOnMap } from '../../../lib/pick-place'

/**
 * "选择地点": a community from the list (works everywhere, no location permission needed),
 * or — in WeChat — any place on the map via `chooseLocation`.
 */
export function PlacePicker({
  visible,
  onClose,
  onPick,
}: {
  visible: boolean
  onClose(): void
  onPick(point: Point, name: string): void
}) {
  const tree = useAsync(
    () => (visible ? usersService.orgTree({ kinds: ['district', 'street', 'community'] }) : Promise.resolve(null)),
    [visible],
  )
  const groups = useMemo(() => groupCommunitiesByStreet(tree.data?.units ?? []), [tree.data])

  const fromMap = async () => {
    const place = await pickPlaceOnMap()
    if (place) onPick(place.point, place.name)
  }

  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} title="选择地点">
      <View className="place-picker" data-testid="place-picker">
        {CAN_PICK_ON_MAP ? (
          <Button block type="primary" className="place-picker__map" onClick={() => void fromMap()}>
            在地图上选择地点
          </Button>
        ) : null}
        <Text className="place-picker__hint">选择一个社区，按它的位置由近到远排列驿站</Text>
        <ScrollView scrollY className="place-picker__list">
          {tree.loading && !tree.data ? <Text className="place-picker__hint">正在加载社区列表…</Text> : null}
          {tree.error ? <Text className="place-picker__hint">{tree.error}</Text> : null}
          {groups.map((g) => (
            <View key={g.streetId} className="place-picker__group">
              <Text className="place-picker__title">{g.title}</Text>
              {g.communities
                .filter((c) => c.center)
                .map((c) => (
                  <Tappable
                    key={c.id}
                    className="place-picker__option"
                    testId={`place-option-${c.id}`}
                    hoverClass="place-picker__option--pressed"
                    onTap={() => onPick(c.center!, c.name)}
                  >
                    <Text>{c.name}</Text>
                  </Tappable>
                ))}
            </View>
          ))}
        </ScrollView>
      </View>
    </Popup>
  )
}
