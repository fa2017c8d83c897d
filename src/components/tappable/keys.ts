/**
 * Which key presses activate a tappable element, as the browser does for a real one: Enter
 * for a link, Enter and Space for a button (and for a chip, which is a toggle button). On
 * weapp there is no keyboard; the same element simply never receives a key.
 */
export type TapRole = 'button' | 'link'

export function activates(key: string, role: TapRole): boolean {
  if (key === 'Enter') return true
  return role === 'button' && (key === ' ' || key === 'Spacebar')
}
