/**
 * H5: moves the keyboard focus to the element with this id, as a disclosure does when what it
 * opened closes (the row tapped in it is gone, and the focus would fall back to the page's
 * start). weapp has no keyboard focus to move (focus.weapp.ts).
 */
export function focusOn(id: string): void {
  document.getElementById(id)?.focus()
}
