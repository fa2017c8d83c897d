import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { PARTY_REPORT_STATUS_LABELS, PLACE_LIMITS } from '../../../types/places-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { refreshMe } from '../../hooks/use-me'
import { confirm, toast, toastError } from '../../lib/feedback'
import { placesService, type PartyReport } from '../../services/places'
import { Tappable } from '../../components/tappable'
import './party.scss'

/** What in-service party members commonly offer their community (临潼/碑林 双报到). */
const SKILLS = ['义诊', '法律咨询', '政策宣讲', '辅导作业', '维修帮忙', '文艺活动', '助老助残', '电脑手机']

function ReportStatus({ report }: { report: PartyReport }) {
  return (
    <View className="party__card" data-testid="party-status">
      <Text className="party__title">
        {'我的报到 '}
        <Tag type={report.status === 'verified' ? 'success' : report.status === 'rejected' ? 'danger' : 'warning'}>
          {PARTY_REPORT_STATUS_LABELS[report.status]}
        </Tag>
      </Text>
      <Text>{`工作单位：${report.workUnit}`}</Text>
      <Text>{`所在党组织：${report.partyOrg}`}</Text>
      {report.skills.length > 0 ? <Text>{`特长：${report.skills.join('、')}`}</Text> : null}
      {report.reason ? <Text>{`社区意见：${report.reason}`}</Text> : null}
    </View>
  )
}

/** 在职党员双报到: work unit, party organisation and skills, verified by the community. */
export default function PartyPage() {
  const mine = useAsync(() => placesService.myPartyReport())
  const [workUnit, setWorkUnit] = useState('')
  const [partyOrg, setPartyOrg] = useState('')
  const [skills, setSkills] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const toggle = (s: string) => setSkills((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]))

  const submit = async () => {
    const ok = await confirm({
      title: '双报到',
      content: '提交后由社区核实，核实结果会在消息里通知您。',
      confirmText: '提交',
    })
    if (!ok) return
    setSaving(true)
    try {
      await placesService.reportParty({ workUnit: workUnit.trim(), partyOrg: partyOrg.trim(), skills })
      toast('已提交，等待社区核实', 'success')
      await Promise.all([mine.reload(), refreshMe()])
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell testId="party-page">
      <AsyncView state={mine}>
        {(d) => (
          <>
            {d.report ? <ReportStatus report={d.report} /> : null}
            {d.report?.status === 'verified' ? null : (
              <View className="party__card">
                <Text className="party__hint">
                  在职党员到居住地社区报到，参加社区活动和志愿服务。社区核实后，您就是本社区登记的党员。
                </Text>
                <Text className="party__title">工作单位</Text>
                <Input
                  className="party__input"
                  value={workUnit}
                  maxLength={PLACE_LIMITS.workUnitMax}
                  placeholder="如：碑林区教育局"
                  onChange={setWorkUnit}
                  data-testid="party-work-unit"
                />
                <Text className="party__title">所在党组织</Text>
                <Input
                  className="party__input"
                  value={partyOrg}
                  maxLength={PLACE_LIMITS.partyOrgMax}
                  placeholder="如：教育局机关党支部"
                  onChange={setPartyOrg}
                  data-testid="party-org"
                />
                <Text className="party__title">特长（选填）</Text>
                <View className="party__chips">
                  {SKILLS.map((s) => (
                    <Tappable
                      key={s}
                      className={`party__chip ${skills.includes(s) ? 'party__chip--on' : ''}`}
                      onTap={() => toggle(s)}
                      pressed={skills.includes(s)}
                    >
                      {s}
                    </Tappable>
                  ))}
                </View>
                <Button
                  block
                  type="primary"
                  loading={saving}
                  disabled={!workUnit.trim() || !partyOrg.trim()}
                  onClick={() => void submit()}
                  data-testid="party-submit"
                >
                  {d.report ? '重新报到' : '提交报到'}
                </Button>
              </View>
            )}
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
