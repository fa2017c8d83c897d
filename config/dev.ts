import type { UserConfigExport } from '@tarojs/cli'

const isH5 = process.env.TARO_ENV === 'h5'

/** Where `npm start` answers; the dev server passes the host's own paths on to it. */
const hostUrl = process.env.MINHU_HOST_URL ?? 'http://127.0.0.1:8080'

/**
 * `taro build --watch`: readable output, no minification. On H5 (`npm run dev:h5`) it is
 * webpack's dev server with hot reload on port 10086 (`MINHU_DEV_PORT`), building into its
 * own `dist-h5-dev/` so the `dist-h5/` that a running `npm start` serves is never emptied.
 * The app calls the same origin, so `/api`, `/files` (uploaded photos) and `/open311` are
 * proxied to the host (`MINHU_HOST_URL`, default http://127.0.0.1:8080).
 */
export default {
  logger: { quiet: false, stats: true },
  ...(isH5 ? { outputRoot: 'dist-h5-dev' } : {}),
  mini: {},
  h5: {
    devServer: {
      host: process.env.HOST ?? '127.0.0.1',
      port: Number(process.env.MINHU_DEV_PORT ?? 10086),
      open: false,
      proxy: [{ context: ['/api', '/files', '/open311'], target: hostUrl }],
    },
  },
} satisfies UserConfigExport<'webpack5'>
