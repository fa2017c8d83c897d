import { COLORS } from './styles/colors'

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * The app's pages. The tab pages (首页/消息/我的) and 我的's light pages are the main package;
 * each resident feature, the rarely used forms of 我的 (编辑资料, 申请志愿者: NutUI's Form
 * and its validator would weigh on every start) and the staff pages are subpackages (WeChat: ≤ 2 MB a package; the
 * main package is what every start downloads first). The dev login page exists on H5 only: in WeChat
 * the caller is CloudBase's OPENID and nobody logs in.
 */
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/inbox/index',
    'pages/me/index',
    'pages/me/community',
    'pages/me/reminders',
    // the old URLs of the pages that moved to pages/users: stubs that redirect there
    'pages/me/profile',
    'pages/me/volunteer',
    ...(isH5 ? ['pages/login/index'] : []),
  ],
  // Each resident feature is its own subpackage (its URLs stay /pages/<feature>/…), loaded
  // ahead by preloadRule as soon as 首页 shows, so the main package holds only the tab pages
  // and what they share; staff pages are a subpackage fetched when a staff member opens one.
  subPackages: [
    { root: 'pages/wishes', pages: ['index', 'post', 'detail', 'mine'] },
    { root: 'pages/cases', pages: ['index', 'submit', 'detail'] },
    { root: 'pages/stations', pages: ['index', 'detail'] },
    { root: 'pages/events', pages: ['index', 'detail', 'checkin', 'service', 'quiz'] },
    { root: 'pages/places', pages: ['address', 'servers', 'party', 'serving'] },
    { root: 'pages/notices', pages: ['index', 'detail'] },
    { root: 'pages/users', pages: ['profile', 'volunteer'] },
    {
      root: 'staff',
      pages: [
        'volunteers/index',
        'roles/index',
        'stations/index',
        'stations/edit',
        'wishes/index',
        'cases/index',
        'cases/detail',
        'cases/reports',
        'places/residents',
        'places/import',
        'places/posts',
        'places/party',
        'notices/index',
        'notices/compose',
        'notices/detail',
        'events/index',
        'events/edit',
        'events/roster',
        'events/checkin',
        'events/minutes',
        'events/figures',
        'events/quiz',
      ],
    },
  ],
  preloadRule: {
    'pages/home/index': {
      network: 'all',
      packages: ['pages/wishes', 'pages/cases', 'pages/stations', 'pages/events', 'pages/places', 'pages/notices'],
    },
    'pages/me/index': { network: 'all', packages: ['pages/users', 'staff'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: COLORS.brand,
    navigationBarTitleText: '民呼我行',
    navigationBarTextStyle: 'white',
    backgroundColor: COLORS.pageBg,
  },
  tabBar: {
    color: COLORS.inkSecondary,
    selectedColor: COLORS.brand,
    backgroundColor: COLORS.surface,
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab-icons/home.png',
        selectedIconPath: 'assets/tab-icons/home-active.png',
      },
      {
        pagePath: 'pages/inbox/index',
        text: '消息',
        iconPath: 'assets/tab-icons/inbox.png',
        selectedIconPath: 'assets/tab-icons/inbox-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-icons/me.png',
        selectedIconPath: 'assets/tab-icons/me-active.png',
      },
    ],
  },
  // WeChat privacy rules: declare the location APIs, explain the scope, and let the app
  // show its own agreement popup (components/privacy-popup) before any private API runs.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于定位您所在的社区和附近的服务' },
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
