import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ChoicePicker } from '../../../components/when-picker'
import { CAN_PICK_ON_MAP, pickPlaceOnMap } from '../../../lib/pick-place'
import type { ManagedUnit } from '../../../services/stations'
import type { Form } from '../station-form'

export interface BasicsEditorProps {
  form: Form
  units: ManagedUnit[]
  set<K extends keyof Form>(key: K, value: Form[K]): void
}

/** 基本信息: the unit the station belongs to, its name, address and coordinates (picked on WeChat's map where it can be). */
export function BasicsEditor({ form, units, set }: BasicsEditorProps) {
  const found = units.findIndex((u) => u.id === form.unitId)
  const unitIndex = found >= 0 ? found : null
  const pickOnMap = async () => {
    const place = await pickPlaceOnMap()
    if (!place) return
    set('lng', place.point.lng.toFixed(6))
    set('lat', place.point.lat.toFixed(6))
    if (!form.address) set('address', place.name)
  }
  return (
    <View className="station-edit__card">
      <Text className="form-label">所属单位</Text>
      <ChoicePicker
        options={units.map((u) => u.name)}
        index={unitIndex}
        onChange={(i) => set('unitId', units[i]?.id ?? '')}
        label="所属单位"
        placeholder="请选择"
      >
        <Text className="form-input form-input--picker" data-testid="station-unit">
          {unitIndex === null ? '请选择' : units[unitIndex]?.name}
        </Text>
      </ChoicePicker>
      <Text className="form-label">驿站名称</Text>
      <Input
        className="form-input"
        data-testid="station-name-input"
        value={form.name}
        maxlength={30}
        placeholder="如：东县门社区红色驿站"
        onInput={(e) => set('name', e.detail.value)}
      />
      <Text className="form-label">地址</Text>
      <Input
        className="form-input"
        data-testid="station-address-input"
        value={form.address}
        maxlength={80}
        placeholder="街道、门牌号"
        onInput={(e) => set('address', e.detail.value)}
      />
      <Text className="form-label">位置（经纬度）</Text>
      {CAN_PICK_ON_MAP ? (
        <Button fill="outline" onClick={() => void pickOnMap()}>
          📍 在地图上选择位置
        </Button>
      ) : null}
      <View className="station-edit__coords">
        <Input
          className="form-input"
          type="digit"
          data-testid="station-lng-input"
          value={form.lng}
          placeholder="经度，如 108.9596"
          onInput={(e) => set('lng', e.detail.value)}
        />
        <Input
          className="form-input"
          type="digit"
          data-testid="station-lat-input"
          value={form.lat}
          placeholder="纬度，如 34.2584"
          onInput={(e) => set('lat', e.detail.value)}
        />
      </View>
    </View>
  )
}
