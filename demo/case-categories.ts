import type { Category, RoutingRule } from '../types/cases-routing'

/*
 * Demo categories and routing rules for 诉求. Department keys are the department unit ids'
 * last part in demo/org.ts (`dept-beilin-zhujian` → `zhujian`). Levels follow
 * "小事不出格、大事不出社区": litter and noise stay in the grid, property matters go to the
 * community 三方办, matters of one department to that department, and matters that need
 * several departments to the street 三方办.
 */

type Seed = Omit<Category, 'description' | 'departmentKeys' | 'keywords' | 'order' | 'active'> &
  Partial<Pick<Category, 'description' | 'departmentKeys' | 'keywords'>>

const group = (code: string, name: string): Seed => ({
  code,
  parentCode: null,
  name,
  routingLevel: 'community',
  tier: 'general',
})

const SEEDS: Seed[] = [
  group('environment', '环境卫生'),
  {
    code: 'environment.litter',
    parentCode: 'environment',
    name: '垃圾堆放',
    routingLevel: 'grid',
    tier: 'general',
    keywords: ['垃圾', '清运'],
    description: '楼道、院落垃圾未及时清运',
  },
  {
    code: 'environment.greening',
    parentCode: 'environment',
    name: '绿化养护',
    routingLevel: 'community',
    tier: 'general',
    keywords: ['树木', '草坪'],
  },
  group('property', '物业服务'),
  {
    code: 'property.elevator',
    parentCode: 'property',
    name: '电梯故障',
    routingLevel: 'community_joint',
    tier: 'urgent',
    keywords: ['电梯', '困人'],
  },
  {
    code: 'property.leak',
    parentCode: 'property',
    name: '房屋漏水',
    routingLevel: 'community_joint',
    tier: 'general',
    keywords: ['漏水', '渗水'],
  },
  {
    code: 'property.fee',
    parentCode: 'property',
    name: '物业收费',
    routingLevel: 'community_joint',
    tier: 'complex',
    keywords: ['物业费'],
  },
  group('neighbour', '邻里关系'),
  {
    code: 'neighbour.noise',
    parentCode: 'neighbour',
    name: '噪音扰民',
    routingLevel: 'grid',
    tier: 'general',
    keywords: ['噪音'],
  },
  {
    code: 'neighbour.dispute',
    parentCode: 'neighbour',
    name: '邻里纠纷',
    routingLevel: 'community',
    tier: 'general',
    keywords: ['矛盾', '调解'],
  },
  group('facility', '市政设施'),
  {
    code: 'facility.streetlight',
    parentCode: 'facility',
    name: '路灯不亮',
    routingLevel: 'department',
    departmentKeys: ['chengguan'],
    tier: 'general',
    keywords: ['路灯'],
  },
  {
    code: 'facility.road',
    parentCode: 'facility',
    name: '道路破损',
    routingLevel: 'department',
    departmentKeys: ['chengguan'],
    tier: 'general',
    keywords: ['坑洼', '井盖'],
  },
  {
    code: 'facility.road_dig',
    parentCode: 'facility',
    name: '道路开挖未恢复',
    routingLevel: 'department',
    departmentKeys: ['chengguan', 'gongshui'],
    tier: 'complex',
    keywords: ['开挖'],
  },
  group('utility', '水电气暖'),
  {
    code: 'utility.water',
    parentCode: 'utility',
    name: '停水水压',
    routingLevel: 'department',
    departmentKeys: ['gongshui'],
    tier: 'urgent',
    keywords: ['停水'],
  },
  {
    code: 'utility.power',
    parentCode: 'utility',
    name: '停电',
    routingLevel: 'department',
    departmentKeys: ['gongdian'],
    tier: 'urgent',
    keywords: ['停电'],
  },
  {
    code: 'utility.heating',
    parentCode: 'utility',
    name: '供暖不热',
    routingLevel: 'department',
    departmentKeys: ['ranqi'],
    tier: 'general',
    keywords: ['暖气'],
  },
  group('housing', '住房保障'),
  {
    code: 'housing.old_estate',
    parentCode: 'housing',
    name: '老旧小区改造',
    routingLevel: 'department',
    departmentKeys: ['zhujian'],
    tier: 'complex',
    keywords: ['改造', '加装电梯'],
  },
  group('safety', '安全隐患'),
  {
    code: 'safety.hazard',
    parentCode: 'safety',
    name: '安全隐患',
    routingLevel: 'street',
    tier: 'urgent',
    keywords: ['隐患', '消防'],
  },
  group('public', '公共服务'),
  {
    code: 'public.school',
    parentCode: 'public',
    name: '入学教育',
    routingLevel: 'department',
    departmentKeys: ['jiaoyu'],
    tier: 'complex',
  },
  {
    code: 'public.medical',
    parentCode: 'public',
    name: '医疗卫生',
    routingLevel: 'department',
    departmentKeys: ['weijian'],
    tier: 'general',
  },
  {
    code: 'public.jobs',
    parentCode: 'public',
    name: '就业社保',
    routingLevel: 'department',
    departmentKeys: ['renshe'],
    tier: 'general',
  },
  group('suggestion', '意见建议'),
  {
    code: 'suggestion.general',
    parentCode: 'suggestion',
    name: '工作建议',
    routingLevel: 'community',
    tier: 'complex',
  },
]

export const DEMO_CATEGORIES: Category[] = SEEDS.map((s, i) => ({
  description: '',
  departmentKeys: [],
  keywords: [],
  ...s,
  order: i,
  active: true,
}))

export const DEMO_RULES: RoutingRule[] = [
  {
    id: 'rule-property-joint',
    name: '物业类诉求交社区三方办',
    priority: 10,
    active: true,
    match: { categoryPrefixes: ['property'] },
    target: { kind: 'level', level: 'community_joint' },
  },
  {
    id: 'rule-gaoling-dispute',
    name: '高陵区邻里纠纷交街道三方办',
    priority: 20,
    active: true,
    match: { categoryPrefixes: ['neighbour.dispute'], streetIds: ['s-luyuan', 's-jijia'] },
    target: { kind: 'level', level: 'street_joint' },
  },
  {
    id: 'rule-hotline-safety',
    name: '热线安全隐患件交街道',
    priority: 30,
    active: true,
    match: { categoryPrefixes: ['safety'], channels: ['hotline'] },
    target: { kind: 'level', level: 'street' },
  },
]
