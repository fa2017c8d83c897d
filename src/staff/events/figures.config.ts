export default definePageConfig({ navigationBarTitleText: '活动统计', enablePullDownRefresh: true })
