export default definePageConfig({ navigationBarTitleText: '导入小区楼栋' })
