import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { EmptyState } from '../empty-state'
import { asyncPhase, type AsyncLike, type Reloadable } from './phase'

export { nullAsLoading } from './phase'
import './index.scss'

export interface AsyncViewProps<T> {
  /** A `useAsync` result, or anything of that shape. With `reload`, the error offers 重新加载. */
  state: AsyncLike<T> & Reloadable
  /** Renders the loaded data. */
  children(data: T): ReactNode
  /** Whether the data has nothing to show; then `empty` is shown instead of `children`. */
  isEmpty?(data: T): boolean
  /** What to say when there is nothing (a sentence for EmptyState), or a node of your own. */
  empty?: ReactNode
  emptyTestId?: string
  /** Default 正在加载…; say what is loading when it takes a while (正在查找驿站…). */
  loadingText?: string
  /** Off: a reload shows the spinner instead of the old data (a list whose filter changed). */
  staleWhileLoading?: boolean
}

/**
 * The four states of anything loaded from a service, said the same way on every page:
 * a spinner while the first load runs, the error in Chinese with 重新加载, the empty
 * sentence, or the content.
 *
 * ```tsx
 * const list = useAsync(() => eventsService.list({}))
 * <AsyncView state={list} isEmpty={(d) => d.items.length === 0} empty="暂时没有活动" emptyTestId="events-empty">
 *   {(d) => d.items.map((e) => <EventCard key={e.id} event={e} />)}
 * </AsyncView>
 * ```
 */
export function AsyncView<T>({
  state,
  children,
  isEmpty,
  empty,
  emptyTestId,
  loadingText = '正在加载…',
  staleWhileLoading = true,
}: AsyncViewProps<T>) {
  const phase = asyncPhase(state, isEmpty, staleWhileLoading)
  if (phase === 'loading') {
    return (
      <View className="async-view__center">
        <Loading>{loadingText}</Loading>
      </View>
    )
  }
  if (phase === 'error') {
    const reload = state.reload
    return (
      <EmptyState error description={state.error ?? ''} testId="async-error">
        {reload ? (
          <Button fill="outline" onClick={() => void reload()} data-testid="async-retry">
            重新加载
          </Button>
        ) : null}
      </EmptyState>
    )
  }
  if (phase === 'empty')
    return typeof empty === 'string' ? <EmptyState testId={emptyTestId} description={empty} /> : <>{empty}</>
  return <>{children(state.data as T)}</>
}
