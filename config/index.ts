import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { inPageChunk, PreloadFirstPagePlugin } from './preload-first-page'

/**
 * One source, two outputs: the weapp build goes to `dist/` (project.config.json's
 * miniprogramRoot) and the H5 build to `dist-h5/` (served by the local host at `/`), so
 * building one never wipes the other.
 */
const outputRoot = process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist'

const PUBLIC_PATH = '/'
/** 首页, the first entry of app.config.ts's pages: what a visitor opening the app sees first. */
const FIRST_PAGE = 'pages/home/index'

/**
 * Taro compiles only `src/`; the zod-free `types/*-labels.ts` (the words and limits both the
 * app and the contract use) are compiled too, so pages import those values instead of
 * restating them. The zod contract files stay `import type` only in the app.
 */
const compile = { include: [path.resolve(__dirname, '..', 'types')] }

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'minhu-woxing',
    date: '2026-11-22',
    // NutUI React Taro is drawn at 375; our own styles at Taro's default 750.
    designWidth(input) {
      const file = typeof input === 'object' ? input?.file : undefined
      if (file?.replace(/\\+/g, '/').includes('@nutui')) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    // NutUI React Taro renders some parts (Dialog's frame…) as plain div/span: on weapp those
    // only have templates with the HTML plugin.
    // weapp-templates: WeChat's aria-role/aria-label in the templates (Taro's leave them out),
    // and fewer copies of the templates of components that never nest.
    plugins: ['@tarojs/plugin-html', path.resolve(__dirname, 'weapp-templates.ts')],
    defineConstants: {
      // H5 only: where the local host answers. Empty means "same origin" (the host serves dist-h5).
      API_BASE_URL: JSON.stringify(process.env.TARO_APP_API_BASE_URL ?? ''),
      // weapp only: the CloudBase environment id; empty means the default environment.
      CLOUD_ENV_ID: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@types': path.resolve(__dirname, '..', 'types'),
      // NutUI's ConfigProvider and useParams import lodash.isequal and lodash.kebabcase (15 KB:
      // in weapp's main package, and in the chunk H5's first screen waits for; kebabcase mostly
      // Unicode tables); slim/ answers the same for their uses.
      'lodash.isequal': path.resolve(__dirname, '..', 'src/lib/slim/is-equal.ts'),
      'lodash.kebabcase': path.resolve(__dirname, '..', 'src/lib/slim/kebab-case.ts'),
    },
    sass: {
      resource: [path.resolve(__dirname, '..', 'node_modules/@nutui/nutui-react-taro/dist/styles/variables.scss')],
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // NutUI is imported file by file (babel-plugin-import); prebundling it loses templates on weapp.
      prebundle: { enable: false },
    },
    cache: { enable: false },
    mini: {
      compile,
      // NutUI's per-component CSS is imported in different orders by different pages; order
      // between those files does not matter (each is scoped by its own .nut-* classes).
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Templates are generated this many levels deep (Taro's default 16). Each level repeats every
      // component's template in base.wxml (about 2.7 KB a level in the main package); a node deeper
      // than this still renders, through Taro's recursive `comp` component (one more component).
      // (`mini.baseLevel` is in Taro's docs and read by the runner, but not in 4.2.1's types.)
      ...({ baseLevel: 8 } as Record<string, unknown>),
      postcss: {
        pxtransform: { enable: true, config: {} },
        // The package.json browserslist (Android 4.1, iOS 8) is for H5; WeChat renders on iOS's
        // WebKit (iOS 10+ for any WeChat in use) and a Chromium-based XWeb, where unprefixed flex
        // and transforms work: no -webkit-/-ms- copies of every rule in the packages.
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['iOS >= 10', 'Chrome >= 53'] } },
        // NutUI rules no page can use (Button variants we never set, RTL): postcss-trim-nutui.js.
        [path.resolve(__dirname, 'postcss-trim-nutui.js')]: { enable: true },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile,
      // Taro's React components (@tarojs/components-react: View is a <div>, Text a <span>, Input
      // an <input class="weui-input">) instead of its stencil web components. Those brought the
      // stencil runtime into the first script and every component 首页 and NutUI import —
      // Swiper's 190 KB swiper.js included — into the chunk 首页 shares, all parsed and run
      // before the first screen. Components without a React version (Textarea…) stay stencil,
      // loaded by the pages that use them. The React Input renders the <input> itself, so its
      // name is a plain `aria-label` prop (stencil's wrapper needed `nativeProps` to reach it).
      useHtmlComponents: true,
      webpackChain(chain) {
        // Taro splits only the initial chunk by default; every page is an async chunk, so each
        // carried its own copy of React, Taro's components and NutUI. Split all chunks, but by
        // who needs what: the libraries the app starts with (React, Taro's runtime and router)
        // go to one long-cached `taro` chunk; every other library (NutUI and its CSS,
        // qrcode…) goes to chunks shared by the pages that use it (webpack's defaults:
        // node_modules per group of pages, own code used by 2+ pages) — except what the first
        // page needs. The host speaks HTTP/1.1: a browser opens 6 connections to it, and the
        // 7th file of the first screen waits for one of them to finish and then pays its own
        // round trip (over half a second on a slow phone network). Split the webpack way, 首页
        // was 5 files of its own (3 JS, 2 CSS) beside 3 initial scripts and a tab icon, and the
        // app's entry script, asked for at low priority, came last. So the first screen is 2
        // scripts (`taro`, `app`) and `first-page`: everything 首页 needs that the app has not
        // loaded (JS and CSS), also where another page uses it — that page then loads
        // first-page too (cached after 首页; a visitor opening another page first downloads
        // 首页's own code with it, about 15 KB).
        chain.optimization.splitChunks({
          chunks: 'all',
          cacheGroups: {
            taro: {
              name: 'taro',
              test: /[\\/]node_modules[\\/]/,
              // scripts only: NutUI's theme stays in app.css, which index.html inlines (first paint)
              type: /^javascript\//,
              chunks: 'initial',
              priority: 30,
              enforce: true,
            },
            firstPage: {
              name: 'first-page',
              test: inPageChunk(FIRST_PAGE),
              chunks: 'async',
              priority: 20,
              enforce: true,
            },
          },
        })
        // The page the app opens on is fetched with the framework instead of after it.
        chain.plugin('preload-first-page').use(PreloadFirstPagePlugin, [FIRST_PAGE, PUBLIC_PATH])
      },
      publicPath: PUBLIC_PATH,
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
