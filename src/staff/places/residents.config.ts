export default definePageConfig({ navigationBarTitleText: '住户确认', enablePullDownRefresh: true })
