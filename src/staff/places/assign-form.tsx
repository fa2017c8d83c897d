import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { ActionSheet, Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import {
  CONTACT_POSTS,
  PLACE_POST_LABELS,
  PLACE_POSTS,
  POST_UNIT_KINDS,
  type PlacePost,
} from '../../../types/places-labels'
import { toastError } from '../../lib/feedback'
import { placesService, type AssignPostInput, type EstateView, type ResidentView } from '../../services/places'

type Sheet = 'estate' | 'building' | 'post' | 'person' | null

/** 设置岗位: a 小区 (and 楼栋), the post, then a resident of the community or a contact's name and phone. */
export function AssignForm({
  estates,
  residents,
  onAssigned,
}: {
  estates: EstateView[]
  residents: ResidentView[]
  onAssigned(): void
}) {
  const [estateId, setEstateId] = useState<string | null>(null)
  const [buildingId, setBuildingId] = useState<string | null>(null)
  const [post, setPost] = useState<PlacePost | null>(null)
  const [person, setPerson] = useState<ResidentView | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [sheet, setSheet] = useState<Sheet>(null)
  const [busy, setBusy] = useState(false)
  const estate = estates.find((e) => e.id === estateId)
  const building = estate?.buildings.find((b) => b.id === buildingId)
  const kind = building ? 'building' : 'estate'
  const posts = PLACE_POSTS.filter((p) => POST_UNIT_KINDS[p].includes(kind))
  const contact = post !== null && CONTACT_POSTS.includes(post)
  const ready = estate && post && posts.includes(post) && (contact ? name.trim() && phone.trim() : person)

  const submit = async () => {
    if (!ready || !estate || !post) return
    const input: AssignPostInput = contact
      ? { unitId: buildingId ?? estate.id, post, name: name.trim(), phone: phone.trim() }
      : { unitId: buildingId ?? estate.id, post, ref: person!.ref }
    setBusy(true)
    try {
      await placesService.assignPost(input)
      setPerson(null)
      setName('')
      setPhone('')
      onAssigned()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  const options: Record<Exclude<Sheet, null>, { name: string; id: string }[]> = {
    estate: estates.map((e) => ({ name: e.name, id: e.id })),
    building: [
      { name: '（整个小区）', id: '' },
      ...(estate?.buildings ?? []).map((b) => ({ name: b.label, id: b.id })),
    ],
    post: posts.map((p) => ({ name: PLACE_POST_LABELS[p], id: p })),
    person: residents.map((r) => ({ name: `${r.name} · ${r.estateName} ${r.buildingLabel}`, id: r.ref })),
  }
  const pick = (id: string) => {
    if (sheet === 'estate') {
      setEstateId(id)
      setBuildingId(null)
    }
    if (sheet === 'building') setBuildingId(id || null)
    if (sheet === 'post') setPost(id as PlacePost)
    if (sheet === 'person') setPerson(residents.find((r) => r.ref === id) ?? null)
    setSheet(null)
  }

  return (
    <CellGroup title="设置岗位">
      <Cell
        title="小区"
        extra={estate?.name ?? '请选择'}
        clickable
        onClick={() => setSheet('estate')}
        data-testid="assign-estate"
      />
      <Cell
        title="楼栋"
        extra={building?.label ?? '整个小区'}
        clickable
        onClick={() => estate && setSheet('building')}
        data-testid="assign-building"
      />
      <Cell
        title="岗位"
        extra={post && posts.includes(post) ? PLACE_POST_LABELS[post] : '请选择'}
        clickable
        onClick={() => setSheet('post')}
        data-testid="assign-post"
      />
      {contact ? (
        <View className="staff-places__card">
          <Input
            className="staff-places__input"
            value={name}
            placeholder="姓名或单位（如：东县门物业服务中心）"
            onChange={setName}
            data-testid="assign-name"
          />
          <Input
            className="staff-places__input"
            value={phone}
            placeholder="电话（手机或座机）"
            onChange={setPhone}
            data-testid="assign-phone"
          />
        </View>
      ) : (
        <Cell
          title="人员"
          description="从本社区已登记住址的居民中选择"
          extra={person?.name ?? '请选择'}
          clickable
          onClick={() => setSheet('person')}
          data-testid="assign-person"
        />
      )}
      <View className="staff-places__card">
        <Button
          block
          type="primary"
          disabled={!ready}
          loading={busy}
          onClick={() => void submit()}
          data-testid="assign-submit"
        >
          设置
        </Button>
        {!contact && residents.length === 0 ? (
          <Text className="staff-places__hint">还没有已确认住址的居民可选。</Text>
        ) : null}
      </View>
      <ActionSheet
        visible={sheet !== null}
        options={sheet ? options[sheet] : []}
        cancelText="取消"
        onCancel={() => setSheet(null)}
        onSelect={(item) => pick(String(item.id))}
      />
    </CellGroup>
  )
}
