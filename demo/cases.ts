import type { Runtime } from '../cloudfunctions/core/runtime'
import { DEMO_CATEGORIES, DEMO_RULES } from './case-categories'
import { CASE_COLLECTIONS, SETTINGS_ID, type CaseSettingsDoc } from '../cloudfunctions/cases/collections'

export const DEMO_CASE_SETTINGS: Omit<CaseSettingsDoc, '_id'> = {
  prefixes: { 'd-beilin': 'BL', 'd-gaoling': 'GL', 'd-lintong': 'LT', 'd-changan': 'CA' },
  fallbackUnitId: 'd-beilin',
}

export async function seedCases(rt: Runtime): Promise<void> {
  for (const { code, ...doc } of DEMO_CATEGORIES) await rt.db.collection(CASE_COLLECTIONS.categories).doc(code).set(doc)
  for (const { id, ...doc } of DEMO_RULES) await rt.db.collection(CASE_COLLECTIONS.rules).doc(id).set(doc)
  await rt.db.collection(CASE_COLLECTIONS.settings).doc(SETTINGS_ID).set(DEMO_CASE_SETTINGS)
}

/**
 * A handful of demo cases in every state, entered through the `cases` function itself so
 * they carry real numbers, timelines and notifications: one waiting to be signed, one in
 * the community 三方办, one resolved and waiting for its rating, one closed with 满意, and
 * one at the district 住建局 that is past its deadline. Not part of `DEMO_SEEDS` (feature
 * tests count cases and notifications from an empty start); `npm start` and the E2E set-up
 * may call it after `seedDemo`. Returns the case numbers by state.
 */
export async function seedDemoCases(rt: Runtime): Promise<Record<string, string>> {
  const { cases } = await import('../cloudfunctions/cases')
  const call = async (openid: string, event: Record<string, unknown>) => {
    const res = await cases.invoke(event, { openid }, rt)
    if (!res.ok) throw new Error(`demo case ${String(event.action)} failed: ${res.error.message}`)
    return res.data as { id: string; number: string; case?: { id: string; number: string } }
  }
  const submit = async (
    openid: string,
    key: string,
    categoryCode: string,
    description: string,
    location: { lng: number; lat: number } | null,
  ) =>
    (
      await call(openid, {
        action: 'submit',
        clientRequestId: `demo-case-${key}`,
        categoryCode,
        description,
        location,
        address: '碑林区东县门街',
      })
    ).case!
  const grid1 = { lng: 108.9573, lat: 34.2581 }
  const STATES = {
    waiting: 'pending_sign',
    elevator: 'processing',
    noise: 'resolved',
    rated: 'closed',
    late: 'overdue',
  } as const
  const already = (
    await rt.db
      .collection('cases')
      .where({ clientRequestId: rt.db.command.in(Object.keys(STATES).map((k) => `demo-case-${k}`)) })
      .get()
  ).data as Array<{ clientRequestId: string; number: string }>
  if (already.length > 0) {
    // Seeded before: answer the numbers instead of replaying the steps.
    return Object.fromEntries(
      already.map((c) => [STATES[c.clientRequestId.slice('demo-case-'.length) as keyof typeof STATES], c.number]),
    )
  }

  const waiting = await submit(
    'demo-resident-1',
    'waiting',
    'environment.litter',
    '3号楼楼道堆放杂物和垃圾，已经一周没人清理',
    grid1,
  )
  const elevator = await submit(
    'demo-resident-1',
    'elevator',
    'property.elevator',
    '5号楼电梯经常停在半层，老人不敢坐',
    grid1,
  )
  await call('demo-secretary-1', { action: 'sign', caseId: elevator.id })
  const noise = await submit(
    'demo-resident-2',
    'noise',
    'neighbour.noise',
    '楼下商铺晚上十点后还在装修，噪音很大',
    grid1,
  )
  await call('demo-grid-1', { action: 'sign', caseId: noise.id })
  await call('demo-grid-1', {
    action: 'resolve',
    caseId: noise.id,
    disposition: 'solved',
    ledger: 'general',
    reply: '已上门劝导，商铺承诺晚上八点后停工',
  })
  const rated = await submit('demo-resident-2', 'rated', 'environment.litter', '小区门口垃圾桶满了没人清运', grid1)
  await call('demo-grid-1', { action: 'sign', caseId: rated.id })
  await call('demo-grid-1', {
    action: 'resolve',
    caseId: rated.id,
    disposition: 'solved',
    ledger: 'common',
    reply: '已联系环卫，每天早晚各清运一次',
  })
  await call('demo-resident-2', { action: 'rate', caseId: rated.id, value: 'satisfied', comment: '处理得很快，谢谢' })
  const late = await submit(
    'demo-resident-1',
    'late',
    'housing.old_estate',
    '老旧小区改造后楼顶防水没做好，顶楼漏雨',
    grid1,
  )
  await call('demo-dept-1', { action: 'sign', caseId: late.id })
  // Backdated so the overdue box and the sweeps have something to show.
  const past = (days: number) => new Date(rt.clock.now().getTime() - days * 86_400_000).toISOString()
  const stored = (
    (await rt.db.collection('cases').doc(late.id).get()).data as Array<{ timeline: Array<{ at: string }> }>
  )[0]!
  const timeline = stored.timeline.map((e, i) => ({ ...e, at: past(i < 2 ? 20 : 19) }))
  await rt.db
    .collection('cases')
    .doc(late.id)
    .update({ submittedAt: past(20), ackDueAt: past(19), handleDueAt: past(4), timeline })
  return {
    pending_sign: waiting.number,
    processing: elevator.number,
    resolved: noise.number,
    closed: rated.number,
    overdue: late.number,
  }
}
