/** weapp: the tab bar is WeChat's own and nothing is drawn outside the page; nothing to do. */
export function applyRootScale(_scale: number): void {}
