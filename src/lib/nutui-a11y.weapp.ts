/** weapp: no keyboard, and WeChat's accessibility reads its own components; nothing to add. */
export function makeNutuiReachable(): void {}
