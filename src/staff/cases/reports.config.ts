export default definePageConfig({ navigationBarTitleText: '台账与考核', enablePullDownRefresh: true })
