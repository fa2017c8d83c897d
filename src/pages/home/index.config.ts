export default definePageConfig({ navigationBarTitleText: '民呼我行', enablePullDownRefresh: true })
