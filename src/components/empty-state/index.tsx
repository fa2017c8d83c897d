import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import './index.scss'

/**
 * NutUI's Empty with a drawn picture instead of its default one, which is loaded from a
 * JD image server: the app must not depend on a third-party host to say "nothing here".
 */
export function EmptyState({
  description,
  error = false,
  testId,
  children,
}: {
  description: string
  error?: boolean
  testId?: string
  children?: ReactNode
}) {
  return (
    <View className="empty-state" data-testid={testId}>
      <Empty
        description={description}
        image={
          <View className={`empty-state__picture ${error ? 'empty-state__picture--error' : ''}`}>
            <View className="empty-state__sheet" />
          </View>
        }
      >
        {children}
      </Empty>
    </View>
  )
}
