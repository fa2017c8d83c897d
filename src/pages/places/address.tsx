import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { ADDRESS_STATUS_LABELS, PLACE_LIMITS } from '../../../types/places-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { refreshMe, useMe } from '../../hooks/use-me'
import { toast, toastError } from '../../lib/feedback'
import { placesService } from '../../services/places'
import { PlacePicker, type PlaceChoice } from './components/place-picker'
import './address.scss'

/** 我的住址: 小区 → 楼栋 → 单元/室, self-declared and 待确认 until community staff confirm it. */
export default function AddressPage() {
  const { profile } = useMe()
  const communityId = profile?.address?.communityId ?? profile?.community?.id ?? null
  const places = useAsync(
    () => (communityId ? placesService.places(communityId) : Promise.resolve({ estates: [] })),
    [communityId],
  )
  const current = profile?.address ?? null
  const [choice, setChoice] = useState<PlaceChoice>({ estateId: null, buildingId: null })
  const [room, setRoom] = useState('')
  const [saving, setSaving] = useState(false)
  // The saved address preselects the picker once it is known (and again after a save).
  const savedEstate = current?.estateId
  const savedBuilding = current?.buildingId
  const savedRoom = current?.room
  useEffect(() => {
    if (!savedEstate || !savedBuilding) return
    setChoice({ estateId: savedEstate, buildingId: savedBuilding })
    setRoom(savedRoom ?? '')
  }, [savedEstate, savedBuilding, savedRoom])
  usePullDownRefresh(() => {
    void Promise.all([places.reload(), refreshMe()]).finally(() => Taro.stopPullDownRefresh())
  })

  const save = async () => {
    if (!choice.estateId || !choice.buildingId) return
    setSaving(true)
    try {
      const { address } = await placesService.setAddress({
        estateId: choice.estateId,
        buildingId: choice.buildingId,
        room: room.trim(),
      })
      await refreshMe()
      toast(address.status === 'confirmed' ? '住址已保存' : '已保存，等待社区确认', 'success')
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  if (profile && !communityId) {
    return (
      <PageShell testId="address-page">
        <View className="address__notice">
          <Text>请先选择您所在的社区，再登记小区和楼栋。</Text>
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: '/pages/me/community' })}>
            去选择社区
          </Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell testId="address-page">
      <View className="address__notice" data-testid="address-current">
        {current ? (
          <Text>
            {`当前：${current.estateName} ${current.buildingLabel} ${current.room} `}
            <Tag type={current.status === 'confirmed' ? 'success' : 'warning'}>
              {ADDRESS_STATUS_LABELS[current.status]}
            </Tag>
          </Text>
        ) : (
          <Text>登记住址后，可以看到为您小区和楼栋服务的网格员、楼栋长等。</Text>
        )}
      </View>
      <AsyncView
        state={places}
        isEmpty={(d) => d.estates.length === 0}
        empty="社区还没有登记小区，请联系社区工作人员"
        emptyTestId="address-no-estates"
      >
        {(d) => <PlacePicker estates={d.estates} value={choice} onChange={setChoice} />}
      </AsyncView>
      {choice.buildingId ? (
        <View className="address__room">
          <Text className="address__label">3. 单元、门牌（选填）</Text>
          <Input
            className="address__input"
            value={room}
            maxLength={PLACE_LIMITS.roomMax}
            placeholder="如：2单元 301"
            onChange={setRoom}
            data-testid="address-room"
          />
          <Text className="address__hint">单元和门牌只有您和社区工作人员能看到，其他居民看不到。</Text>
          <Button block type="primary" loading={saving} onClick={() => void save()} data-testid="address-save">
            保存住址
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
