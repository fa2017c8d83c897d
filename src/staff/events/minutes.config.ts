export default definePageConfig({ navigationBarTitleText: '活动纪要', enablePullDownRefresh: true })
