import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { useEffect, useMemo, useState } from 'react'
import type { Closure } from '../../../types/stations'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { PhotoPicker } from '../../components/photo-picker'
import { useAsync } from '../../hooks/use-async'
import dayjs from '../../lib/dayjs'
import { toast } from '../../lib/feedback'
import { CAN_PICK_ON_MAP, pickPlaceOnMap } from '../../lib/pick-place'
import { CallError, messageOf } from '../../services/errors'
import { stationsService, type StationDetail, type StationInput } from '../../services/stations'
import { ClosuresEditor } from './components/closures-editor'
import { HoursEditor, type HoursForm } from './components/hours-editor'
import { issueText } from './issues'
import { Tappable } from '../../components/tappable'
import './edit.scss'

interface Form {
  unitId: string
  name: string
  address: string
  lng: string
  lat: string
  amenities: string[]
  hours: HoursForm
  closures: Closure[]
  photos: { fileId: string; url: string }[]
  contactName: string
  phone: string
  description: string
}

const MAX_PHOTOS = 9
const WEEKDAY_HOURS = [{ open: '08:00', close: '18:00' }]
const EMPTY: Form = {
  unitId: '',
  name: '',
  address: '',
  lng: '',
  lat: '',
  amenities: [],
  hours: { mon: WEEKDAY_HOURS, tue: WEEKDAY_HOURS, wed: WEEKDAY_HOURS, thu: WEEKDAY_HOURS, fri: WEEKDAY_HOURS, sat: [], sun: [] },
  closures: [],
  photos: [],
  contactName: '',
  phone: '',
  description: '',
}

function fromDetail(s: StationDetail): Form {
  return {
    unitId: s.unitId,
    name: s.name,
    address: s.address,
    lng: String(s.location.lng),
    lat: String(s.location.lat),
    amenities: s.amenities,
    hours: s.hours,
    closures: s.closures,
    photos: s.photos,
    contactName: s.contact.name ?? '',
    phone: s.contact.phone,
    description: s.description ?? '',
  }
}

function toInput(f: Form): StationInput {
  return {
    unitId: f.unitId,
    name: f.name,
    address: f.address,
    location: { lng: Number(f.lng), lat: Number(f.lat) },
    amenities: f.amenities,
    hours: f.hours,
    closures: f.closures,
    photos: f.photos.map((p) => p.fileId),
    contact: { phone: f.phone, ...(f.contactName.trim() ? { name: f.contactName } : {}) },
    ...(f.description.trim() ? { description: f.description } : {}),
  }
}

/** Create (no `id`) or edit a station. Validation is the server's; its issues are listed by field. */
export default function StationEditPage() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : null
  const mine = useAsync(() => stationsService.mine())
  const catalogue = useAsync(() => stationsService.amenities())
  const existing = useAsync(() => (id ? stationsService.get({ id }) : Promise.resolve(null)), [id])
  const [form, setForm] = useState<Form>(EMPTY)
  const [problems, setProblems] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const units = useMemo(() => mine.data?.units ?? [], [mine.data])

  useEffect(() => {
    if (existing.data) setForm(fromDetail(existing.data))
  }, [existing.data])
  useEffect(() => {
    if (!id && !form.unitId && units[0]) setForm((f) => ({ ...f, unitId: units[0]!.id }))
  }, [id, units, form.unitId])

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))
  const unitIndex = Math.max(0, units.findIndex((u) => u.id === form.unitId))

  const pickOnMap = async () => {
    const place = await pickPlaceOnMap()
    if (!place) return
    setForm((f) => ({ ...f, lng: place.point.lng.toFixed(6), lat: place.point.lat.toFixed(6), address: f.address || place.name }))
  }

  const save = async () => {
    // NaN would travel as null and come back as a type error nobody can read.
    if (![form.lng, form.lat].every((v) => v.trim() !== '' && Number.isFinite(Number(v)))) {
      setProblems(['位置：请填写经纬度（数字），或在地图上选择位置'])
      return
    }
    setSaving(true)
    setProblems([])
    try {
      const input = toInput(form)
      if (id) await stationsService.update({ id, ...input })
      else await stationsService.create(input)
      toast('已保存', 'success')
      setTimeout(() => void Taro.navigateBack(), 800)
    } catch (error) {
      if (error instanceof CallError && error.issues.length > 0) setProblems(error.issues.map(issueText))
      else setProblems([messageOf(error)])
    } finally {
      setSaving(false)
    }
  }

  if ((id && !existing.data && !existing.error) || (mine.loading && !mine.data)) {
    return (
      <PageShell testId="station-edit-page">
        <Loading>正在加载…</Loading>
      </PageShell>
    )
  }
  if (mine.error || existing.error) {
    return (
      <PageShell testId="station-edit-page">
        <Text className="station-edit__problem">{mine.error ?? existing.error}</Text>
      </PageShell>
    )
  }

  return (
    <PageShell testId="station-edit-page" className="station-edit">
      <SectionTitle>基本信息</SectionTitle>
      <View className="station-edit__card">
        <Text className="form-label">所属单位</Text>
        <Picker mode="selector" range={units.map((u) => u.name)} value={unitIndex} onChange={(e) => set('unitId', units[Number(e.detail.value)]?.id ?? '')}>
          <Text className="form-input form-input--picker" data-testid="station-unit">
            {units[unitIndex]?.name ?? '请选择'}
          </Text>
        </Picker>
        <Text className="form-label">驿站名称</Text>
        <Input className="form-input" data-testid="station-name-input" value={form.name} maxlength={30} placeholder="如：东县门社区红色驿站" onInput={(e) => set('name', e.detail.value)} />
        <Text className="form-label">地址</Text>
        <Input className="form-input" data-testid="station-address-input" value={form.address} maxlength={80} placeholder="街道、门牌号" onInput={(e) => set('address', e.detail.value)} />
        <Text className="form-label">位置（经纬度）</Text>
        {CAN_PICK_ON_MAP ? (
          <Button fill="outline" onClick={() => void pickOnMap()}>
            📍 在地图上选择位置
          </Button>
        ) : null}
        <View className="station-edit__coords">
          <Input className="form-input" type="digit" data-testid="station-lng-input" value={form.lng} placeholder="经度，如 108.9596" onInput={(e) => set('lng', e.detail.value)} />
          <Input className="form-input" type="digit" data-testid="station-lat-input" value={form.lat} placeholder="纬度，如 34.2584" onInput={(e) => set('lat', e.detail.value)} />
        </View>
      </View>

      <SectionTitle>便民设施</SectionTitle>
      <View className="station-edit__card station-edit__chips">
        {(catalogue.data?.items ?? []).map((a) => {
          const on = form.amenities.includes(a.key)
          return (
            <Tappable key={a.key} className={`chip ${on ? 'chip--on' : ''}`} pressed={on} onTap={() => set('amenities', on ? form.amenities.filter((k) => k !== a.key) : [...form.amenities, a.key])}>
              <Text>
                {a.icon} {a.label}
              </Text>
            </Tappable>
          )
        })}
      </View>

      <SectionTitle>每周开放时间</SectionTitle>
      <View className="station-edit__card">
        <Text className="station-edit__hint">关门时间早于开门时间，表示开到第二天凌晨。</Text>
        <HoursEditor value={form.hours} onChange={(hours) => set('hours', hours)} />
      </View>

      <SectionTitle>节假日与临时闭馆</SectionTitle>
      <View className="station-edit__card">
        <ClosuresEditor value={form.closures} today={dayjs().tz('Asia/Shanghai').format('YYYY-MM-DD')} onChange={(c) => set('closures', c)} />
      </View>

      <SectionTitle>联系方式与介绍</SectionTitle>
      <View className="station-edit__card">
        <Text className="form-label">联系人（可不填）</Text>
        <Input className="form-input" aria-label="联系人" value={form.contactName} maxlength={20} onInput={(e) => set('contactName', e.detail.value)} />
        <Text className="form-label">电话</Text>
        <Input className="form-input" type="text" data-testid="station-phone-input" value={form.phone} placeholder="手机号或 029-86541234" onInput={(e) => set('phone', e.detail.value)} />
        <Text className="form-label">驿站介绍（可不填）</Text>
        <Textarea className="form-input form-input--area" nativeProps={{ 'aria-label': '驿站介绍' }} value={form.description} maxlength={300} onInput={(e) => set('description', e.detail.value)} />
      </View>

      <SectionTitle>照片（最多 {MAX_PHOTOS} 张，第一张作封面）</SectionTitle>
      <View className="station-edit__card" data-testid="station-photos">
        <PhotoPicker photos={form.photos} onChange={(photos) => set('photos', photos)} max={MAX_PHOTOS} label="照片" testId="station-photo-add" />
      </View>

      {problems.length > 0 ? (
        <View className="station-edit__problems" data-testid="station-edit-problems">
          <Text className="station-edit__problems-title">请修改以下内容：</Text>
          {problems.map((p) => (
            <Text key={p} className="station-edit__problem">
              {p}
            </Text>
          ))}
        </View>
      ) : null}

      <View className="station-edit__save">
        <Button block type="primary" size="large" loading={saving} data-testid="station-save" onClick={() => void save()}>
          保存
        </Button>
      </View>
    </PageShell>
  )
}
