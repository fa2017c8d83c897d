import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Cell, CellGroup, Input, Switch } from '@nutui/nutui-react-taro'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { refreshMe, useMe } from '../../hooks/use-me'
import { toast, toastError } from '../../lib/feedback'
import { placesService } from '../../services/places'
// The same card, field and hint as 我的住址's 单元/门牌.
import './address.scss'

/**
 * For a 网格员 or a 楼栋长 (whoever residents find in 为我服务): the number residents see —
 * a work number they choose, else their own phone — and whether it shows at all.
 */
export default function ServingPhonePage() {
  const { profile, loading, error } = useMe()
  const serving = profile?.serving ?? null
  const [workPhone, setWorkPhone] = useState('')
  const [busy, setBusy] = useState(false)
  const saved = serving?.workPhone ?? ''
  useEffect(() => setWorkPhone(saved), [saved])
  usePullDownRefresh(() => {
    void refreshMe().finally(() => Taro.stopPullDownRefresh())
  })

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      await refreshMe()
      toast(done, 'success')
    } catch (err) {
      toastError(err)
    } finally {
      setBusy(false)
    }
  }
  const saveNumber = () =>
    void run(
      () => placesService.setWorkPhone(workPhone.trim() || null),
      workPhone.trim() ? '工作电话已保存' : '已改回显示您的手机号',
    )
  const setShown = (show: boolean) =>
    void run(
      () => placesService.setPhoneHidden(!show),
      show ? '已公开电话，居民可以直接拨打' : '已隐藏电话，居民仍可以给您留言',
    )

  if (!serving) {
    return (
      <PageShell testId="serving-page">
        <EmptyState
          error={!!error}
          description={
            error ??
            (loading ? '正在加载…' : '您目前不在居民的“为我服务”里：网格员和社区设置的楼栋长、服务长等才需要设置这里。')
          }
        />
      </PageShell>
    )
  }
  const shown = serving.workPhone ?? profile?.phone ?? null
  return (
    <PageShell testId="serving-page">
      <CellGroup>
        <Cell
          title="在“为我服务”中公开电话"
          description={
            serving.phoneHidden
              ? '已隐藏：居民看不到您的电话，可以给您留言'
              : `居民可以直接拨打 ${shown ?? '（未填写电话）'}`
          }
          extra={
            <Switch
              checked={!serving.phoneHidden}
              disabled={busy}
              onChange={setShown}
              data-testid="serving-phone-public"
            />
          }
        />
      </CellGroup>
      <View className="address__room">
        <Text className="address__label">工作电话（选填）</Text>
        <Input
          className="address__input"
          type="tel"
          value={workPhone}
          maxLength={20}
          placeholder={profile?.phone ? `不填则显示您的手机号 ${profile.phone}` : '如：029-8765 4321'}
          onChange={setWorkPhone}
          data-testid="serving-work-phone"
        />
        <Text className="address__hint">可以填单位的座机或工作手机，居民在“为我服务”里看到的是这个号码。</Text>
        <Button
          block
          type="primary"
          loading={busy}
          disabled={workPhone.trim() === saved}
          onClick={saveNumber}
          data-testid="serving-save"
        >
          保存
        </Button>
      </View>
    </PageShell>
  )
}
