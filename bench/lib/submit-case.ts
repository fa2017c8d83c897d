import { cases } from '../../cloudfunctions/cases'
import type { LocalRuntime } from '../../cloudfunctions/core/local-runtime'

const POINT = { lng: 108.9573, lat: 34.2581 }

/** Submits one new 诉求 (a fresh client request id) in process, as `openid`; throws if refused. */
export async function submitCase(rt: LocalRuntime, clientRequestId: string, openid: string): Promise<void> {
  const res = await cases.invoke(
    {
      action: 'submit',
      clientRequestId,
      categoryCode: 'environment.litter',
      description: '楼道垃圾无人清运',
      location: POINT,
    },
    { openid },
    rt,
  )
  if (!res.ok) throw new Error(JSON.stringify(res.error))
}
