import { View, Text, Input, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useMemo, useState } from 'react'
import { AsyncView } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { PhotoPicker } from '../../components/photo-picker'
import { useAsync } from '../../hooks/use-async'
import { shanghaiDate } from '../../lib/dayjs'
import { toast } from '../../lib/feedback'
import { CallError, messageOf } from '../../services/errors'
import { stationsService } from '../../services/stations'
import { AmenityChips } from './components/amenity-chips'
import { BasicsEditor } from './components/basics-editor'
import { ClosuresEditor } from './components/closures-editor'
import { HoursEditor } from './components/hours-editor'
import { issueText } from './issues'
import { EMPTY, MAX_PHOTOS, fromDetail, toInput, type Form } from './station-form'
import './edit.scss'

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

  const ready = {
    data: mine.data && (!id || existing.data) ? mine.data : undefined,
    loading: mine.loading || existing.loading,
    error: mine.error ?? existing.error,
    reload: () => Promise.all([mine.reload(), existing.reload()]),
  }

  return (
    <PageShell testId="station-edit-page" className="station-edit">
      <AsyncView state={ready}>
        {() => (
          <>
            <SectionTitle>基本信息</SectionTitle>
            <BasicsEditor form={form} units={units} set={set} />

            <SectionTitle>便民设施</SectionTitle>
            <AmenityChips
              catalogue={catalogue.data?.items ?? []}
              value={form.amenities}
              onChange={(amenities) => set('amenities', amenities)}
            />

            <SectionTitle>每周开放时间</SectionTitle>
            <View className="station-edit__card">
              <Text className="station-edit__hint">关门时间早于开门时间，表示开到第二天凌晨。</Text>
              <HoursEditor value={form.hours} onChange={(hours) => set('hours', hours)} />
            </View>

            <SectionTitle>节假日与临时闭馆</SectionTitle>
            <View className="station-edit__card">
              <ClosuresEditor value={form.closures} today={shanghaiDate()} onChange={(c) => set('closures', c)} />
            </View>

            <SectionTitle>联系方式与介绍</SectionTitle>
            <View className="station-edit__card">
              <Text className="form-label">联系人（可不填）</Text>
              <Input
                className="form-input"
                aria-label="联系人"
                value={form.contactName}
                maxlength={20}
                onInput={(e) => set('contactName', e.detail.value)}
              />
              <Text className="form-label">电话</Text>
              <Input
                className="form-input"
                type="text"
                data-testid="station-phone-input"
                value={form.phone}
                placeholder="手机号或 029-86541234"
                onInput={(e) => set('phone', e.detail.value)}
              />
              <Text className="form-label">驿站介绍（可不填）</Text>
              <Textarea
                className="form-input form-input--area"
                nativeProps={{ 'aria-label': '驿站介绍' }}
                value={form.description}
                maxlength={300}
                onInput={(e) => set('description', e.detail.value)}
              />
            </View>

            <SectionTitle>照片（最多 {MAX_PHOTOS} 张，第一张作封面）</SectionTitle>
            <View className="station-edit__card" data-testid="station-photos">
              <PhotoPicker
                photos={form.photos}
                onChange={(photos) => set('photos', photos)}
                max={MAX_PHOTOS}
                label="照片"
                testId="station-photo-add"
              />
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
              <Button
                block
                type="primary"
                size="large"
                loading={saving}
                data-testid="station-save"
                onClick={() => void save()}
              >
                保存
              </Button>
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
