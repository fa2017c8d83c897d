import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { Role, UnitKind } from '../../../types/roles'
import { ROLE_LABELS, rolesFor } from '../../../types/roles-labels'
import type { PersonHit } from '../../../types/users'
import { Tappable } from '../../components/tappable'
import { confirm, toast, toastError } from '../../lib/feedback'
import { usersService } from '../../services/users'

/** 授予角色: find the person by name or phone (on the server), pick them and a role the unit allows, confirm. */
export function GrantForm({
  unit,
  onGranted,
}: {
  unit: { id: string; name: string; kind: UnitKind }
  onGranted(): void
}) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<{ items: PersonHit[]; more: boolean } | null>(null)
  const [person, setPerson] = useState<PersonHit | null>(null)
  const roles = rolesFor(unit.kind)
  const [role, setRole] = useState<Role | null>(null)
  const [busy, setBusy] = useState(false)

  const search = async () => {
    setBusy(true)
    try {
      setFound(await usersService.findPeople(query))
      setPerson(null)
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }
  const grant = async () => {
    if (!person || !role) return toast('请先选择人员和角色')
    const what = `${unit.name}的「${ROLE_LABELS[role]}」`
    const ok = await confirm({
      title: '授予角色',
      content: `给 ${person.name ?? '该用户'} 授予${what}？`,
      confirmText: '授予',
    })
    if (!ok) return
    setBusy(true)
    try {
      const { created } = await usersService.assignRole({ ref: person.ref, role, unitId: unit.id })
      toast(created ? '已授予' : '对方已有这个角色', created ? 'success' : 'text')
      onGranted()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  if (roles.length === 0) return <Text className="roles__hint">这类单位不设角色。</Text>
  return (
    <View className="roles__grant">
      <View className="roles__search">
        <Input
          className="roles__input"
          value={query}
          placeholder="姓名或手机号（至少 4 位）"
          aria-label="按姓名或手机号查找人员"
          confirmType="search"
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={() => void search()}
          data-testid="roles-query"
        />
        <Button type="primary" loading={busy && !found} onClick={() => void search()} data-testid="roles-search">
          查找
        </Button>
      </View>
      {found && found.items.length === 0 ? (
        <Text className="roles__hint">没有找到。只能找到住在本辖区、填写过姓名电话的人。</Text>
      ) : null}
      {found?.items.map((p) => (
        <Tappable
          key={p.ref}
          className={`roles__row ${person?.ref === p.ref ? 'roles__row--on' : ''}`}
          pressed={person?.ref === p.ref}
          onTap={() => setPerson(p)}
          testId={`roles-person-${p.ref}`}
        >
          <View className="roles__who">
            <Text className="roles__name">{p.name ?? '未填姓名'}</Text>
            <Text className="roles__meta">
              {[p.phone ?? '未填电话', p.communityName, ...p.roles.map((r) => `${r.unitName}${ROLE_LABELS[r.role]}`)]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </View>
        </Tappable>
      ))}
      {found?.more ? <Text className="roles__hint">结果较多，只列出前 20 位，请输入更完整的姓名或号码。</Text> : null}
      <View className="roles__chips">
        {roles.map((r) => (
          <Tappable
            key={r}
            className={`roles__chip ${role === r ? 'roles__chip--on' : ''}`}
            pressed={role === r}
            onTap={() => setRole(r)}
            testId={`roles-role-${r}`}
          >
            {ROLE_LABELS[r]}
          </Tappable>
        ))}
      </View>
      <Button
        block
        type="primary"
        disabled={!person || !role}
        loading={busy && !!found}
        onClick={() => void grant()}
        data-testid="roles-assign"
      >
        授予角色
      </Button>
    </View>
  )
}
