export default definePageConfig({ navigationBarTitleText: '双报到核实', enablePullDownRefresh: true })
