import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { ADDRESS_STATUS_LABELS } from '../../../../types/places-labels'
import { can } from '../../../lib/roles'
import type { Profile } from '../../../services/users'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 我的 → 个人: my address (with 待确认/已确认), 为我服务 and 在职党员双报到. */
export function MyPlaceCells({ profile }: { profile: Profile | null | undefined }) {
  const a = profile?.address
  return (
    <>
      <Cell
        title="我的住址"
        description={a ? `${a.estateName} ${a.buildingLabel}` : undefined}
        extra={a ? ADDRESS_STATUS_LABELS[a.status] : '去登记'}
        clickable
        onClick={go('/pages/places/address')}
        data-testid="me-address"
      />
      <Cell
        title="为我服务"
        extra="网格员、楼栋长、民警、物业"
        clickable
        onClick={go('/pages/places/servers')}
        data-testid="me-servers"
      />
      <Cell
        title="在职党员双报到"
        extra={profile?.partyMember ? '已核实' : '去报到'}
        clickable
        onClick={go('/pages/places/party')}
        data-testid="me-party"
      />
      {profile?.serving ? (
        <Cell
          title="我在“为我服务”中的电话"
          extra={profile.serving.phoneHidden ? '未公开' : (profile.serving.workPhone ?? profile.phone ?? '未填写')}
          clickable
          onClick={go('/pages/places/serving')}
          data-testid="me-serving-phone"
        />
      ) : null}
    </>
  )
}

/** 我的 → 工作台: the place entries the policy gives the caller. */
export function StaffPlaceCells({ profile }: { profile: Profile | null | undefined }) {
  return (
    <>
      {can(profile, 'places.manage') ? (
        <>
          <Cell
            title="住户确认"
            extra="确认居民登记的住址"
            clickable
            onClick={go('/staff/places/residents')}
            data-testid="me-staff-residents"
          />
          <Cell
            title="导入小区楼栋"
            extra="Excel 表格"
            clickable
            onClick={go('/staff/places/import')}
            data-testid="me-staff-import"
          />
          <Cell
            title="岗位设置"
            extra="楼栋长、服务长、民警…"
            clickable
            onClick={go('/staff/places/posts')}
            data-testid="me-staff-posts"
          />
        </>
      ) : null}
      {can(profile, 'residents.view') && !can(profile, 'places.manage') ? (
        <Cell
          title="住户名册"
          extra="网格内居民登记的住址"
          clickable
          onClick={go('/staff/places/residents')}
          data-testid="me-staff-residents"
        />
      ) : null}
      {can(profile, 'partyMembers.verify') ? (
        <Cell title="双报到核实" clickable onClick={go('/staff/places/party')} data-testid="me-staff-party" />
      ) : null}
    </>
  )
}
