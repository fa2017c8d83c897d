import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { UNIT_KIND_LABELS } from '../../../types/roles-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { UnitSelect } from '../../components/unit-picker'
import { useAsync } from '../../hooks/use-async'
import { usersService } from '../../services/users'
import { GrantForm } from './grant-form'
import { Holders } from './holders'
import './index.scss'

/**
 * 角色管理 (admin): choose a unit, see who holds which role there and revoke from that list,
 * or find a person by name or phone and give them a role. People appear by name and masked
 * phone, never by account id.
 */
export default function RolesPage() {
  const tree = useAsync(() => usersService.orgTree({}))
  const units = useMemo(() => tree.data?.units ?? [], [tree.data])
  const [unitId, setUnitId] = useState<string | null>(null)
  const unit = units.find((u) => u.id === unitId)
  const holders = useAsync(() => (unitId ? usersService.roleHolders(unitId) : Promise.resolve({ items: [] })), [unitId])
  usePullDownRefresh(() => {
    void Promise.all([tree.reload(), holders.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell testId="staff-roles-page">
      <SectionTitle>单位</SectionTitle>
      <AsyncView state={tree} isEmpty={(d) => d.units.length === 0} empty="没有可管理的单位">
        {() => (
          <UnitSelect
            title="单位"
            units={units}
            chosenId={unitId}
            onPick={setUnitId}
            describe={(u) => (u.kind ? (UNIT_KIND_LABELS[u.kind] ?? '') : '')}
            placeholder="请选择单位"
            startOpen
            headingLevel={3}
            testId="roles-unit"
          />
        )}
      </AsyncView>
      {unit ? (
        <>
          <SectionTitle>本单位的角色</SectionTitle>
          <View className="roles__card" data-testid="roles-holders">
            <Holders unit={unit} holders={holders} />
          </View>
          <SectionTitle>授予角色</SectionTitle>
          <View className="roles__card">
            <GrantForm key={unit.id} unit={unit} onGranted={() => void holders.reload()} />
          </View>
        </>
      ) : null}
      <Text className="roles__hint roles__foot">权限按“角色 + 单位”生效，对本单位及下级单位有效。</Text>
    </PageShell>
  )
}
