/** How a detail page's action behaves; the page gives one per action it knows. */
export interface ActionSpec {
  /** The button's words (also the confirm dialog's title). */
  label: string
  /** Asked before it runs, for anything destructive or binding; the answer must be 确定. */
  confirm?: string
  /** Opens a form first (its fields come from the page); its submit button runs the action. */
  form?: { title: string; submit?: string }
}

/** The actions to show: those the page knows, in its order, that the server allows now. */
export function visibleActions<A extends string>(order: readonly A[], can: readonly string[]): A[] {
  return order.filter((a) => can.includes(a))
}

export type DispatchStep =
  | { kind: 'open' }
  | { kind: 'refuse'; message: string }
  | { kind: 'cancel' }
  | { kind: 'done'; message: string }
  | { kind: 'fail'; error: unknown }

export interface DispatchDeps<A extends string> {
  /** The action whose form is open, if any. */
  pending: A | null
  check?(action: A): string | null
  ask(question: { title: string; content: string }): Promise<boolean>
  run(action: A): Promise<string>
}

/**
 * One press of an action's button (or its form's submit): open the form if it has one and it
 * is not open yet; else check the form, ask when the action asks, and run it. What happened
 * is returned for the bar to show, so the order of these steps is tested without a screen.
 */
export async function dispatchAction<A extends string>(
  action: A,
  spec: ActionSpec,
  deps: DispatchDeps<A>,
): Promise<DispatchStep> {
  if (spec.form && deps.pending !== action) return { kind: 'open' }
  const problem = deps.check?.(action)
  if (problem) return { kind: 'refuse', message: problem }
  if (spec.confirm && !(await deps.ask({ title: spec.label, content: spec.confirm }))) return { kind: 'cancel' }
  try {
    return { kind: 'done', message: await deps.run(action) }
  } catch (error) {
    return { kind: 'fail', error }
  }
}
