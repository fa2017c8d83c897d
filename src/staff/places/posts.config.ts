export default definePageConfig({ navigationBarTitleText: '岗位设置', enablePullDownRefresh: true })
