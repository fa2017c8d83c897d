// Taro registers the page's onShareAppMessage (useShareAppMessage) only when the page config says so.
export default definePageConfig({
  navigationBarTitleText: '通知详情',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
