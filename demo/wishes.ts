import type { Runtime } from '../cloudfunctions/core/runtime'
import { wishes } from '../cloudfunctions/wishes'
import type { PostWishInput } from '../types/wishes'

/**
 * Demo 微心愿 in 东县门社区, made through the `wishes` function itself so every one has a
 * real history and notifications: a few open on the wall, and one at 东县门 station that
 * 张志强 (demo-volunteer-1) fulfilled and 李建国 thanked, so the station page shows a result.
 */
const DAY_MS = 86_400_000

function shanghaiDate(now: Date, plusDays: number): string {
  return new Date(now.getTime() + 8 * 3600_000 + plusDays * DAY_MS).toISOString().slice(0, 10)
}

async function act(rt: Runtime, openid: string, event: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await wishes.invoke(event, { openid }, rt)
  if (!res.ok) throw new Error(`demo wishes: ${String(event.action)} failed: ${res.error.message}`)
  return res.data as Record<string, unknown>
}

export async function seedWishes(rt: Runtime): Promise<void> {
  const now = rt.clock.now()
  const open: (Omit<PostWishInput, 'neededBy'> & { days: number; by: string })[] = [
    {
      by: 'demo-resident-2',
      communityId: 'c-dongxianmen',
      text: '老伴腿脚不便，想请人陪同去医院复查',
      category: 'medical',
      days: 5,
    },
    {
      by: 'demo-resident-2',
      communityId: 'c-dongxianmen',
      text: '孙女上三年级，想要一本新华字典',
      category: 'study',
      days: 12,
    },
    {
      by: 'demo-grid-1',
      communityId: 'c-dongxianmen',
      text: '独居老人家中洗衣机不排水，想请懂行的师傅看看',
      category: 'repair',
      days: 3,
    },
  ]
  for (const w of open) {
    const { id } = await act(rt, w.by, {
      action: 'post',
      communityId: w.communityId,
      text: w.text,
      category: w.category,
      neededBy: shanghaiDate(now, w.days),
    })
    await act(rt, 'demo-secretary-1', { action: 'review', wishId: id, decision: 'approve' })
  }

  const done = await act(rt, 'demo-resident-2', {
    action: 'post',
    stationId: 'st-dongxianmen',
    text: '家里厨房灯泡坏了，够不着，想请人帮忙换一下',
    category: 'life',
    neededBy: shanghaiDate(now, 2),
  })
  const id = done.id as string
  await act(rt, 'demo-secretary-1', { action: 'review', wishId: id, decision: 'approve' })
  await act(rt, 'demo-volunteer-1', { action: 'claim', wishId: id })
  await act(rt, 'demo-volunteer-1', {
    action: 'fulfil',
    wishId: id,
    note: '已上门换好灯泡，顺便检查了线路',
    photos: [],
  })
  await act(rt, 'demo-resident-2', { action: 'confirm', wishId: id })
  await act(rt, 'demo-resident-2', { action: 'thank', wishId: id, text: '谢谢张师傅，灯亮了，心里也亮堂了！' })
}
