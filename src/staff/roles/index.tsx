import { View, Text } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { ActionSheet, Button, Cell, CellGroup, Input, Radio } from '@nutui/nutui-react-taro'
import type { Role } from '../../../types/roles'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { confirm, toast, toastError } from '../../lib/feedback'
import { ROLE_LABELS } from '../../lib/roles'
import { usersService } from '../../services/users'
import './index.scss'

/** Roles an admin hands out here; `resident` is everyone's and is never assigned. */
const ASSIGNABLE = (Object.keys(ROLE_LABELS) as Role[]).filter((r) => r !== 'resident')

const KIND_LABELS: Record<string, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
  department: '部门',
  joint_office: '三方办',
}

/** Admin only: give a person a role at an org unit, or take it back. */
export default function RolesPage() {
  const tree = useAsync(() => usersService.orgTree({}))
  const units = useMemo(() => tree.data?.units ?? [], [tree.data])
  const unitOptions = useMemo(
    () => units.map((u) => ({ name: `${u.name}（${KIND_LABELS[u.kind] ?? u.kind}）`, id: u.id })),
    [units],
  )
  const [openid, setOpenid] = useState('')
  const [role, setRole] = useState<Role>('community_staff')
  const [unitId, setUnitId] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)
  const [busy, setBusy] = useState(false)

  const unit = units.find((u) => u.id === unitId)
  const ready = openid.trim().length > 0 && unit !== undefined

  const change = async (kind: 'assign' | 'revoke') => {
    if (!unit) return
    const who = openid.trim()
    const what = `${ROLE_LABELS[role]} · ${unit.name}`
    const ok = await confirm(
      kind === 'assign'
        ? { title: '授予角色', content: `给 ${who} 授予「${what}」？`, confirmText: '授予' }
        : {
            title: '撤销角色',
            content: `撤销 ${who} 的「${what}」？撤销后对方立即失去相应权限。`,
            confirmText: '撤销',
          },
    )
    if (!ok) return
    setBusy(true)
    try {
      if (kind === 'assign') {
        await usersService.assignRole({ openid: who, role, unitId: unit.id })
        toast('已授予', 'success')
      } else {
        const { removed } = await usersService.revokeRole({ openid: who, role, unitId: unit.id })
        toast(removed > 0 ? '已撤销' : '对方没有这个角色', removed > 0 ? 'success' : 'text')
      }
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell testId="staff-roles-page">
      <CellGroup title="用户">
        <Cell>
          <Input
            value={openid}
            onChange={setOpenid}
            placeholder="用户标识（如 demo-resident-1）"
            clearable
            data-testid="roles-openid"
          />
        </Cell>
      </CellGroup>
      <CellGroup title="角色">
        <Cell>
          <Radio.Group
            value={role}
            onChange={(v) => setRole(v as Role)}
            direction="horizontal"
            className="roles__radios"
          >
            {ASSIGNABLE.map((r) => (
              <Radio key={r} value={r}>
                {ROLE_LABELS[r]}
              </Radio>
            ))}
          </Radio.Group>
        </Cell>
      </CellGroup>
      <CellGroup title="单位">
        <Cell
          title={unit ? unit.name : '选择单位'}
          extra={tree.loading ? '正在加载…' : (tree.error ?? '选择')}
          clickable
          onClick={() => setPicking(true)}
          data-testid="roles-unit"
        />
      </CellGroup>
      <ActionSheet
        visible={picking}
        title="选择单位"
        options={unitOptions}
        cancelText="取消"
        onCancel={() => setPicking(false)}
        onSelect={(item) => {
          setUnitId(String(item.id))
          setPicking(false)
        }}
      />
      <View className="roles__actions">
        <Button
          block
          type="primary"
          disabled={!ready}
          loading={busy}
          onClick={() => void change('assign')}
          data-testid="roles-assign"
        >
          授予角色
        </Button>
        <Button
          block
          fill="outline"
          disabled={!ready || busy}
          onClick={() => void change('revoke')}
          data-testid="roles-revoke"
        >
          撤销角色
        </Button>
        <Text className="roles__hint">权限按“角色 + 单位”生效，对本单位及下级单位有效。</Text>
      </View>
    </PageShell>
  )
}
