import { choiceRole, nutuiRole, NUTUI_CONTROL_SELECTOR, type ControlRole } from './nutui-roles'

/**
 * H5: gives NutUI's tappable parts their role, state, name and keyboard access
 * (nutui-roles.ts says which), on every page as it renders, and lets Enter or Space tap them.
 * Once, at launch. weapp has no keyboard and its own accessibility tree (nutui-a11y.weapp.ts).
 */
export function makeNutuiReachable(): void {
  let queued = false
  const apply = () => {
    queued = false
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(NUTUI_CONTROL_SELECTOR))) describe(el)
  }
  new MutationObserver(() => {
    if (queued) return
    queued = true
    requestAnimationFrame(apply)
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] })
  document.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement | null
    if (!el?.dataset?.nutKey || (e.key !== 'Enter' && e.key !== ' ')) return
    e.preventDefault()
    el.click()
  })
  apply()
}

function roleOf(el: HTMLElement): ControlRole | null {
  const classes = Array.from(el.classList)
  if (classes.includes('nut-checkbox') || classes.includes('nut-radio')) {
    const icon = el.querySelector('.nut-icon, [class*="-button"]')
    return choiceRole(classes.includes('nut-radio') ? 'radio' : 'checkbox', icon ? Array.from(icon.classList) : [])
  }
  return nutuiRole(classes)
}

function describe(el: HTMLElement): void {
  const role = roleOf(el)
  // Inside a Tappable the whole card is the control already (a resident row with its checkbox).
  if (!role || el.parentElement?.closest('.tappable')) return
  set(el, 'role', role.role)
  if (role.role === 'heading') set(el, 'aria-level', '2')
  if (role.role === 'navigation') set(el, 'aria-label', '主菜单')
  if (role.checked !== undefined) set(el, role.role === 'tab' ? 'aria-selected' : 'aria-checked', String(role.checked))
  if (!role.focusable) return
  set(el, 'tabindex', '0')
  el.dataset.nutKey = '1'
  // A switch shows no words: it is named by the cell it sits in (大字模式), or else by the
  // words beside it in its row.
  if (role.role === 'switch' && !el.hasAttribute('aria-label')) {
    const title =
      el.closest('.nut-cell')?.querySelector('.nut-cell-title')?.textContent?.trim() ||
      el.parentElement?.textContent?.trim()
    if (title) set(el, 'aria-label', title)
  }
}

function set(el: HTMLElement, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value)
}
