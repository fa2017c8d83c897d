import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, Checkbox, Form, TextArea } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/page-shell'
import { refreshMe, useMe } from '../../hooks/use-me'
import { confirm, toast, toastError } from '../../lib/feedback'
import { usersService } from '../../services/users'
import './form.scss'
import './volunteer.scss'

/** Common kinds of service a 社区 asks volunteers for. */
const SKILLS = ['助老助残', '政策宣传', '环境整治', '文艺活动', '医疗义诊', '法律咨询', '儿童看护', '维修帮忙']

type ApplyForm = { skills: string[]; note: string }

export default function VolunteerApplyPage() {
  const { profile } = useMe()
  const [saving, setSaving] = useState(false)
  const [done, setDone] = useState(false)
  const community = profile?.community

  const submit = async (values: ApplyForm) => {
    if (!community) return
    const ok = await confirm({
      title: '提交申请',
      content: `向「${community.name}」提交志愿者申请？社区审核后会通知您。`,
      confirmText: '提交',
    })
    if (!ok) return
    setSaving(true)
    try {
      await usersService.applyVolunteer({
        communityId: community.id,
        skills: values.skills ?? [],
        note: (values.note ?? '').trim(),
      })
      setDone(true)
      void refreshMe()
      toast('申请已提交', 'success')
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  if (!community) {
    return (
      <PageShell testId="volunteer-page">
        <View className="volunteer__notice">
          <Text>申请前请先选择您所在的社区，由社区审核。</Text>
          <Button type="primary" block onClick={() => void Taro.redirectTo({ url: '/pages/me/community' })}>
            去选择社区
          </Button>
        </View>
      </PageShell>
    )
  }

  if (done || profile?.volunteerPending) {
    return (
      <PageShell testId="volunteer-page">
        <View className="volunteer__notice" data-testid="volunteer-submitted">
          <Text>申请已提交，「{community.name}」审核后会在消息里通知您。</Text>
          <Button block onClick={() => void Taro.navigateBack()}>
            返回
          </Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell testId="volunteer-page">
      <View className="volunteer__notice">
        <Text>在职党员“双报到”、热心居民都可以申请。通过后可以认领微心愿、参加志愿服务并记录服务时长。</Text>
      </View>
      <Form
        labelPosition="top"
        initialValues={{ skills: [], note: '' }}
        onFinish={(values: ApplyForm) => void submit(values)}
        footer={
          <View className="form__footer">
            <Button block type="primary" formType="submit" loading={saving} data-testid="volunteer-submit">
              提交申请
            </Button>
          </View>
        }
      >
        <Form.Item label="申请社区">
          <Text data-testid="volunteer-community">{community.name}</Text>
        </Form.Item>
        <Form.Item label="党员身份">
          {/* 党员 is the community's verified fact (双报到), shown to the reviewer from there. */}
          <Cell
            title={profile?.partyMember ? '已核实的在职党员' : '在职党员请先双报到'}
            description={profile?.partyMember ? '审核时社区会看到您的党员身份' : '社区核实后，审核时会看到您的党员身份'}
            extra={profile?.partyMember ? undefined : '去报到'}
            clickable={!profile?.partyMember}
            onClick={() => !profile?.partyMember && void Taro.navigateTo({ url: '/pages/places/party' })}
            data-testid="volunteer-party"
          />
        </Form.Item>
        <Form.Item label="我能提供的服务（可多选）" name="skills">
          <Checkbox.Group direction="horizontal" className="volunteer__skills">
            {SKILLS.map((skill) => (
              <Checkbox key={skill} value={skill} label={skill} />
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item label="补充说明（选填）" name="note" rules={[{ max: 200, message: '说明不超过 200 字' }]}>
          <TextArea
            placeholder="例如：在职单位、方便服务的时间"
            maxLength={200}
            showCount
            data-testid="volunteer-note"
          />
        </Form.Item>
      </Form>
    </PageShell>
  )
}
