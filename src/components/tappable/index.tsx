import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { activates, type TapRole } from './keys'
import { tapAria } from './aria'
import './index.scss'

export interface TappableProps {
  onTap(): void
  children: ReactNode
  className?: string
  hoverClass?: string
  testId?: string
  /** 'link' opens another page; 'button' (the default) does something here. */
  role?: TapRole
  /** The spoken name, when the visible words are not enough (a photo, a 删除 under a picture). */
  label?: string
  /** A choice chip: whether it is chosen (read out as 已选中, and styled by the page's `--on`). */
  pressed?: boolean
  /** It shows or hides a part of the page: whether that part is shown (read out as 已展开/已收起). */
  expanded?: boolean
  /** The element's id, for moving the focus back to it (focusOn). */
  id?: string
  /** Not tappable now (read out as such). */
  disabled?: boolean
  /** A link inside a sentence: stays in the line of text (and, like any link in running text, may be smaller than 44 px). */
  inline?: boolean
}

interface KeyEventLike {
  key: string
  preventDefault(): void
}

/**
 * Anything tapped that is not a NutUI Button: a card, a home entry, a choice chip, a 删除.
 * On H5 it is a real control for a keyboard, a switch or a screen reader — it has a role,
 * is reached by Tab (with the focus ring of app.scss), and Enter or Space taps it — and it is
 * at least 44 px tall (48 px in 大字). On weapp WeChat's screen reader gets the same role and
 * name (aria.weapp.ts). A plain `View onClick` is none of those.
 *
 * `<Tappable className="wish-card" role="link" onTap={() => onOpen(w.id)} testId={`wish-card-${w.id}`}>…</Tappable>`
 * `<Tappable className={`post__chip ${on ? 'post__chip--on' : ''}`} pressed={on} onTap={pick}>{label}</Tappable>`
 */
export function Tappable({
  onTap,
  children,
  className = '',
  hoverClass,
  testId,
  role = 'button',
  label,
  pressed,
  expanded,
  id,
  disabled = false,
  inline = false,
}: TappableProps) {
  const tap = () => {
    if (!disabled) onTap()
  }
  // Not in Taro's View typings (which follow weapp) but passed through to the element on H5.
  const keyboard = {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (e: KeyEventLike) => {
      if (!activates(e.key, role)) return
      e.preventDefault()
      tap()
    },
  }
  const Element = inline ? Text : View
  return (
    <Element
      id={id}
      className={`${inline ? 'tappable--inline' : 'tappable'} ${className}`}
      hoverClass={hoverClass}
      data-testid={testId}
      {...tapAria({ role, label, pressed, expanded, disabled })}
      onClick={tap}
      {...keyboard}
    >
      {children}
    </Element>
  )
}
