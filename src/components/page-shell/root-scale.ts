import './h5.scss'

/**
 * H5: the text scale on the document root as well as on the page, so what Taro and NutUI draw
 * outside the page — the tab bar, popups put under <body> — follows 大字 too. The tab bar grows
 * with its label (Taro sizes it from --taro-tabbar-height).
 */
export function applyRootScale(scale: number): void {
  const root = document.documentElement.style
  root.setProperty('--fs', String(scale))
  root.setProperty('--taro-tabbar-height', `${Math.round(38 + 19 * scale)}px`)
}
