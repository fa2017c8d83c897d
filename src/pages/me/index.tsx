import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Cell, CellGroup, Switch, Tag } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/page-shell'
import { setLargeText, useFontScale } from '../../hooks/use-font-scale'
import { refreshMe, useMe } from '../../hooks/use-me'
import { refreshUnreadBadge } from '../../lib/inbox-badge'
import type { Capability } from '../../../types/policy'
import { can, ROLE_LABELS } from '../../lib/roles'
import { MyPlaceCells, StaffPlaceCells } from '../places/components/me-cells'
import { ServiceCell } from './components/service-cell'
import { WorkloadCells } from './components/workload-cells'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })
/** The capabilities that have a 工作台 entry below; the section shows when any is held. */
const STAFF_DESK: readonly Capability[] = [
  'cases.handle',
  'notices.publish',
  'volunteers.review',
  'wishes.review',
  'roles.manage',
  'places.manage',
  'residents.view',
  'partyMembers.verify',
]

export default function MePage() {
  const { profile, loading, error } = useMe()
  const { largeText, systemFontSize } = useFontScale()
  useDidShow(() => {
    void refreshMe()
    void refreshUnreadBadge()
  })
  usePullDownRefresh(() => {
    void refreshMe().finally(() => Taro.stopPullDownRefresh())
  })

  const roles = profile?.roles ?? []
  const community = profile?.community
  const isVolunteer = can(profile, 'wishes.claim')

  return (
    <PageShell testId="me-page">
      <View className="me__header">
        <Text className="me__name" data-testid="me-name">
          {profile?.name || (loading ? '正在加载…' : '未填写姓名')}
        </Text>
        <Text className="me__community" data-testid="me-community">
          {community
            ? [community.districtName, community.streetName, community.name].filter(Boolean).join(' · ')
            : (error ?? '还没有选择社区')}
        </Text>
        <View className="me__roles" data-testid="me-roles">
          {roles.length === 0 ? <Tag className="me__role">居民</Tag> : null}
          {roles.map((r) => (
            <Tag key={`${r.role}@${r.unitId}`} className="me__role">
              {`${ROLE_LABELS[r.role]} · ${r.unitName}`}
            </Tag>
          ))}
        </View>
      </View>

      <CellGroup title="个人">
        <Cell
          title="编辑资料"
          extra="姓名、电话"
          clickable
          onClick={go('/pages/users/profile')}
          data-testid="me-edit-profile"
        />
        <Cell title="我的诉求" clickable onClick={go('/pages/cases/index')} data-testid="me-cases" />
        <ServiceCell />
        <Cell
          title="消息提醒"
          extra="微信提醒的开关"
          clickable
          onClick={go('/pages/me/reminders')}
          data-testid="me-reminders"
        />
        <Cell
          title="我的社区"
          extra={community?.name ?? '去选择'}
          clickable
          onClick={go('/pages/me/community')}
          data-testid="me-bind-community"
        />
        <MyPlaceCells profile={profile} />
        {isVolunteer ? (
          <Cell title="志愿者" extra="已认证" />
        ) : profile?.volunteerPending ? (
          <Cell
            title="志愿者申请"
            extra="审核中"
            description="社区审核后会在“消息”里告诉您"
            data-testid="me-volunteer-pending"
          />
        ) : (
          <Cell
            title="申请成为志愿者"
            extra="认领心愿、志愿服务"
            clickable
            onClick={go('/pages/users/volunteer')}
            data-testid="me-apply-volunteer"
          />
        )}
      </CellGroup>

      <CellGroup title="阅读">
        <Cell
          title="大字模式"
          description={systemFontSize ? `也会跟随微信的字体大小设置` : '放大页面上的文字'}
          extra={<Switch checked={largeText} data-testid="me-large-text" onChange={(on) => setLargeText(on)} />}
        />
      </CellGroup>

      {STAFF_DESK.some((c) => can(profile, c)) ? (
        <CellGroup title="工作台" data-testid="me-staff">
          <WorkloadCells profile={profile} />
          {can(profile, 'cases.handle') ? (
            <Cell
              title="诉求办理"
              extra="待签收、办理、台账"
              clickable
              onClick={go('/staff/cases/index')}
              data-testid="me-staff-cases"
            />
          ) : null}
          {can(profile, 'notices.publish') ? (
            <Cell
              title="社区通知"
              extra="发布、触达、未读跟进"
              clickable
              onClick={go('/staff/notices/index')}
              data-testid="me-staff-notices"
            />
          ) : null}
          {can(profile, 'volunteers.review') ? (
            <Cell
              title="志愿者审核"
              clickable
              onClick={go('/staff/volunteers/index')}
              data-testid="me-staff-volunteers"
            />
          ) : null}
          {can(profile, 'roles.manage') ? (
            <Cell title="角色管理" clickable onClick={go('/staff/roles/index')} data-testid="me-staff-roles" />
          ) : null}
          <StaffPlaceCells profile={profile} />
        </CellGroup>
      ) : null}

      {process.env.TARO_ENV === 'h5' ? (
        <View className="me__switch">
          <Button
            block
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: '/pages/login/index' })}
            data-testid="me-switch-account"
          >
            切换演示账号
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
