export default definePageConfig({ navigationBarTitleText: '我在为我服务中的电话', enablePullDownRefresh: true })
