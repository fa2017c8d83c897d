export default definePageConfig({ navigationBarTitleText: '党史知识竞赛', enablePullDownRefresh: true })
