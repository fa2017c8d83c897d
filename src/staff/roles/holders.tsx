import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { ROLE_LABELS } from '../../../types/roles-labels'
import type { RoleHolder } from '../../../types/users'
import { AsyncView } from '../../components/async-view'
import { formatTime } from '../../lib/dayjs'
import { confirm, toast, toastError } from '../../lib/feedback'
import type { AsyncState } from '../../hooks/use-async'
import { usersService } from '../../services/users'

/** Who holds which role at the unit, each with 撤销 (after a confirmation naming person, role and unit). */
export function Holders({
  unit,
  holders,
}: {
  unit: { id: string; name: string }
  holders: AsyncState<{ items: RoleHolder[] }>
}) {
  const [busy, setBusy] = useState<string | null>(null)
  const revoke = async (h: RoleHolder) => {
    const who = h.name ?? '未填姓名的用户'
    const ok = await confirm({
      title: '撤销角色',
      content: `撤销 ${who} 在${unit.name}的「${ROLE_LABELS[h.role]}」？撤销后对方立即失去相应权限，并会收到通知。`,
      confirmText: '撤销',
    })
    if (!ok) return
    setBusy(`${h.ref}:${h.role}`)
    try {
      const { removed } = await usersService.revokeRole({ ref: h.ref, role: h.role, unitId: unit.id })
      toast(removed > 0 ? '已撤销' : '对方已没有这个角色', removed > 0 ? 'success' : 'text')
      await holders.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(null)
    }
  }
  return (
    <AsyncView
      state={holders}
      isEmpty={(d) => d.items.length === 0}
      empty="本单位还没有人担任角色"
      emptyTestId="roles-holders-empty"
    >
      {(d) =>
        d.items.map((h) => (
          <View key={`${h.ref}:${h.role}`} className="roles__row" data-testid={`roles-holder-${h.role}`}>
            <View className="roles__who">
              <Text className="roles__name">{`${h.name ?? '未填姓名'} · ${ROLE_LABELS[h.role]}`}</Text>
              <Text className="roles__meta">{`${h.phone ?? '未填电话'} · ${formatTime(h.since)}起`}</Text>
            </View>
            <Button
              size="small"
              fill="outline"
              loading={busy === `${h.ref}:${h.role}`}
              onClick={() => void revoke(h)}
              data-testid={`roles-revoke-${h.role}`}
            >
              撤销
            </Button>
          </View>
        ))
      }
    </AsyncView>
  )
}
