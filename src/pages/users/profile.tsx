import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Form, Input } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/page-shell'
import { setMe, useMe } from '../../hooks/use-me'
import { toast, toastError } from '../../lib/feedback'
import { usersService } from '../../services/users'
import './form.scss'

type ProfileForm = { name: string; phone: string }

export default function ProfilePage() {
  const { profile } = useMe()
  const [saving, setSaving] = useState(false)

  const save = async (values: ProfileForm) => {
    setSaving(true)
    try {
      // The contract has no way to clear a phone number: an empty field leaves it as it is.
      const phone = values.phone?.trim() || undefined
      setMe(await usersService.updateProfile({ name: values.name.trim(), phone }))
      toast('已保存', 'success')
      setTimeout(() => void Taro.navigateBack(), 800)
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell testId="profile-page">
      <Form
        key={profile?.openid ?? 'new'}
        initialValues={{ name: profile?.name ?? '', phone: profile?.phone ?? '' }}
        labelPosition="top"
        onFinish={(values: ProfileForm) => void save(values)}
        footer={
          <View className="form__footer">
            <Button block type="primary" formType="submit" loading={saving} data-testid="profile-save">
              保存
            </Button>
          </View>
        }
      >
        <Form.Item
          label="姓名"
          name="name"
          required
          rules={[
            { required: true, message: '请填写姓名' },
            { min: 2, message: '姓名至少 2 个字' },
            { max: 20, message: '姓名不超过 20 个字' },
          ]}
        >
          <Input placeholder="您的姓名" maxLength={20} data-testid="profile-name" />
        </Form.Item>
        <Form.Item
          label="手机号（选填）"
          name="phone"
          rules={[{ pattern: /^(1[3-9]\d{9})?$/, message: '请填写 11 位手机号' }]}
        >
          <Input placeholder="方便社区联系您" type="number" maxLength={11} data-testid="profile-phone" />
        </Form.Item>
      </Form>
    </PageShell>
  )
}
