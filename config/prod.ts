import type { UserConfigExport } from '@tarojs/cli'

/** `npm run build:*`: minified output; the weapp size report reads this build. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
