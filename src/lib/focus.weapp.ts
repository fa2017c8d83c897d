/** weapp: no keyboard focus to move (see focus.ts). */
export function focusOn(_id: string): void {}
