import type { NoticesContract } from '../../types/notices'
import {
  COMMUNITY,
  GRID,
  GRID_UNIT,
  RESIDENT,
  RESIDENT_2,
  SECRETARY,
  STREET,
  type KindsOf,
  type Script,
} from './script'

const NOTICES_KINDS: KindsOf<typeof NoticesContract> = {
  create: 'write',
  countRecipients: 'read',
  publish: 'write',
  approve: 'write',
  edit: 'write',
  withdraw: 'write',
  addProgress: 'write',
  staffList: 'read',
  staffGet: 'read',
  reach: 'read',
  notReached: 'read',
  recordFollowUp: 'write',
  remind: 'write',
  exportReach: 'read',
  list: 'read',
  home: 'read',
  get: 'write',
  acknowledge: 'write',
  follow: 'write',
}

const DRAFT = {
  unitId: COMMUNITY,
  title: '东县门社区停水通知',
  body: '因供水管网维修，11月25日8:00至18:00第一网格停水，请提前储水。',
  summary: '25日白天停水',
  category: 'water_power',
  audience: { unitIds: [COMMUNITY] },
  ackRequired: true,
}

/** 社区通知: composing and publishing, who it reached and the follow-up, the residents' side. */
export const noticesScript: Script = {
  fn: 'notices',
  kinds: NOTICES_KINDS,
  async play(call, env) {
    await call(SECRETARY, 'notices', { action: 'countRecipients', unitId: COMMUNITY, unitIds: [COMMUNITY] })
    const created = await call<{ id: string }>(SECRETARY, 'notices', { action: 'create', ...DRAFT })
    const noticeId = created.id
    await call(SECRETARY, 'notices', { action: 'publish', noticeId })
    await call(SECRETARY, 'notices', { action: 'staffList', unitId: COMMUNITY })
    await call(SECRETARY, 'notices', { action: 'staffGet', noticeId })

    // Before anyone opened it: the grid worker follows up by phone and reminds someone with a grant.
    const notReached = await call<{ items: { name: string; ref: string }[] }>(GRID, 'notices', {
      action: 'notReached',
      noticeId,
      unitId: GRID_UNIT,
    })
    const ref = (name: string) => notReached.items.find((p) => p.name === name)?.ref
    await env.rt.db.collection('subscriptions').doc(`${RESIDENT}:demo-noticeUrgent`).set({
      openid: RESIDENT,
      templateId: 'demo-noticeUrgent',
      remaining: 2,
      accepted: 2,
      rejected: 0,
      updatedAt: '',
    })
    await call(GRID, 'notices', { action: 'remind', noticeId, ref: ref('王秀兰') })
    await call(GRID, 'notices', { action: 'recordFollowUp', noticeId, openid: ref('张志强'), method: 'phone' })

    await call(RESIDENT, 'notices', { action: 'home' })
    await call(RESIDENT, 'notices', { action: 'list' })
    await call(RESIDENT, 'notices', { action: 'get', noticeId })
    await call(RESIDENT_2, 'notices', { action: 'acknowledge', noticeId })
    await call(SECRETARY, 'notices', {
      action: 'edit',
      noticeId,
      title: '东县门社区停水通知（更正）',
      body: '停水时间改为11月26日8:00至18:00。',
      summary: '改为26日停水',
      material: true,
    })
    await call(SECRETARY, 'notices', { action: 'reach', noticeId })
    await call(SECRETARY, 'notices', { action: 'exportReach', noticeId })

    // 公示: residents follow its progress.
    const publicity = await call<{ id: string }>(SECRETARY, 'notices', {
      action: 'create',
      ...DRAFT,
      ackRequired: false,
      kind: 'publicity',
      category: 'project',
      title: '东县门街道路改造公示',
      summary: '道路改造工程公示',
    })
    await call(SECRETARY, 'notices', { action: 'publish', noticeId: publicity.id })
    await call(RESIDENT, 'notices', { action: 'follow', noticeId: publicity.id, following: true })
    await call(SECRETARY, 'notices', {
      action: 'addProgress',
      noticeId: publicity.id,
      text: '管线迁改完成，开始路面施工',
    })

    // 紧急: a second person approves it.
    const urgent = await call<{ id: string }>(SECRETARY, 'notices', { action: 'create', ...DRAFT, priority: 'urgent' })
    await call(SECRETARY, 'notices', { action: 'publish', noticeId: urgent.id })
    await call(STREET, 'notices', { action: 'approve', noticeId: urgent.id })
    await call(SECRETARY, 'notices', { action: 'withdraw', noticeId: urgent.id, reason: '发错范围' })
  },
}
