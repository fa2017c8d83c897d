import path from 'node:path'
import type { IPluginContext } from '@tarojs/service'
import attributes from '../src/lib/weapp-aria/attributes.json'

/** What this plugin touches on Taro's mini-program platform (a TaroPlatformBase). */
interface MiniPlatform {
  platform: string
  runtimePath: string | string[]
  template: {
    mergeComponents(ctx: IPluginContext, patch: typeof attributes): void
    nestElements: Map<string, number>
  }
}

const ARIA_RUNTIME = path.resolve(__dirname, '..', 'src/lib/weapp-aria/runtime.ts')

/**
 * How deep these components may sit inside one of their own kind. WeChat templates cannot recurse,
 * so base.wxml holds a copy of each per depth; Taro's default is 4 (a scroll-view in a scroll-view
 * in a scroll-view…). Ours never nest (the only scroll-view is NutUI Tabs' title strip, no page
 * nests a swiper or a form); 2 still allows one. Each copy saved is 0.3–2.4 KB of the main package.
 */
const NEST_LEVELS: Record<string, number> = { 'scroll-view': 2, swiper: 2, 'swiper-item': 2, form: 2 }

/**
 * Our weapp templates, where they differ from Taro 4.2.1's: the nesting depths above, and
 * WeChat's `aria-role`, `aria-label`… on view, text and image (its aria-component docs). Taro's
 * templates (base.wxml) bind only the attributes in its component list, which has no aria-*:
 * `role`/`aria-label` set from React reach the page data and stop there (Taro's View typings
 * mark `ariaRole`/`ariaLabel` as QQ-only; NervJS/taro#14932). They are added to that list on both
 * sides, as @tarojs/plugin-html adds its runtime: the templates at build time
 * (`template.mergeComponents`, what the platform plugins themselves use) and the runtime through
 * src/lib/weapp-aria/runtime.ts, since the page data names attributes by their index in the list.
 * src/lib/weapp-aria/attributes.json says which (3 KB of base.wxml at 8 levels).
 */
export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: MiniPlatform) {
      if (platform.platform !== 'weapp') return
      platform.template.mergeComponents(ctx, attributes)
      for (const [name, levels] of Object.entries(NEST_LEVELS)) platform.template.nestElements.set(name, levels)
      const runtime = Array.isArray(platform.runtimePath) ? platform.runtimePath : [platform.runtimePath]
      platform.runtimePath = [...runtime, ARIA_RUNTIME]
    },
  })
}
