import type { ReactNode } from 'react'
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { confirm, toast, toastError } from '../../lib/feedback'
import { dispatchAction, visibleActions, type ActionSpec } from './dispatch'
import './index.scss'

export type { ActionSpec }

export interface ActionBarProps<A extends string> {
  /** What the server allows this person now (the detail's `can`). */
  can: readonly string[]
  /** Every action the page knows, in button order: the first one shown is the main button. */
  order: readonly A[]
  specs: Record<A, ActionSpec>
  /** Does it through a service; answers the success toast. A rejection is toasted as it is. */
  run(action: A): Promise<string>
  /** Checks the open form before the confirm; a string is said instead of running. */
  check?(action: A): string | null
  /** The open form's fields (use className="action-bar__input" for a Textarea). */
  renderForm?(action: A): ReactNode
  /** A form was opened: reset its fields. */
  onOpen?(action: A): void
  /** After every run, done or failed: reload the page, or leave it. */
  onDone?(action: A, ok: boolean): Promise<void> | void
  /** Holds the form's submit (photos still uploading). */
  holdSubmit?: boolean
  /** Buttons `${testId}-${action}`, the form `${testId}-form`, its submit `${testId}-submit`. */
  testId: string
  /** When the form's test id must name the action. */
  formTestId?(action: A): string
}

/**
 * The buttons of a detail page, from the actions the server says this person may take now,
 * dispatched in one place: a form first where the action needs words, a confirm before
 * anything destructive or binding, one toast for the outcome, then `onDone` (reload).
 *
 * ```tsx
 * <ActionBar can={w.can} order={['claim', 'withdraw']} testId="wish-action"
 *   specs={{ claim: { label: '我来认领' }, withdraw: { label: '撤回心愿', confirm: '确定撤回吗？' } }}
 *   run={async (a) => (await wishesService[a](id), '已完成')} onDone={() => wish.reload()} />
 * ```
 */
export function ActionBar<A extends string>(props: ActionBarProps<A>) {
  const { can, order, specs, renderForm, holdSubmit = false, testId } = props
  const [pending, setPending] = useState<A | null>(null)
  const [running, setRunning] = useState<A | null>(null)

  const press = async (action: A) => {
    const step = await dispatchAction(action, specs[action], {
      pending,
      check: props.check,
      ask: confirm,
      run: async (a) => (setRunning(a), props.run(a)),
    })
    setRunning(null)
    if (step.kind === 'open') {
      setPending(action)
      props.onOpen?.(action)
    } else if (step.kind === 'refuse') toast(step.message)
    else if (step.kind === 'done') {
      toast(step.message, 'success')
      setPending(null)
      await props.onDone?.(action, true)
    } else if (step.kind === 'fail') {
      toastError(step.error)
      await props.onDone?.(action, false)
    }
  }

  const form = pending ? specs[pending].form : undefined
  if (pending && form) {
    return (
      <View className="action-bar__card" data-testid={props.formTestId ? props.formTestId(pending) : `${testId}-form`}>
        <Text className="action-bar__label">{form.title}</Text>
        {renderForm?.(pending)}
        <View className="action-bar__buttons">
          <Button fill="outline" onClick={() => setPending(null)}>
            取消
          </Button>
          <Button
            type="primary"
            loading={running !== null}
            disabled={holdSubmit}
            onClick={() => void press(pending)}
            data-testid={`${testId}-submit`}
          >
            {form.submit ?? '提交'}
          </Button>
        </View>
      </View>
    )
  }
  const buttons = visibleActions(order, can)
  if (buttons.length === 0) return null
  return (
    <View className="action-bar__buttons action-bar__buttons--main">
      {buttons.map((a, i) => (
        <Button
          key={a}
          type={i === 0 ? 'primary' : 'default'}
          fill={i === 0 ? 'solid' : 'outline'}
          loading={running === a}
          onClick={() => void press(a)}
          data-testid={`${testId}-${a}`}
        >
          {specs[a].label}
        </Button>
      ))}
    </View>
  )
}
