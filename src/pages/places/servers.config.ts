export default definePageConfig({ navigationBarTitleText: '为我服务', enablePullDownRefresh: true })
