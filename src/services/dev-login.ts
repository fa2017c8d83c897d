import { callErrorFrom, unwrapEnvelope } from './transport/call-error'
import { getToken, setToken } from './transport/session'

/** The seeded demo accounts (docs/design.md "Demo data"), as the H5 login page lists them. */
export const DEMO_ACCOUNTS = [
  { openid: 'demo-resident-1', label: '居民 1', description: '普通居民' },
  { openid: 'demo-resident-2', label: '居民 2', description: '普通居民' },
  { openid: 'demo-volunteer-1', label: '志愿者', description: '已认证的志愿者' },
  { openid: 'demo-grid-1', label: '网格员', description: '网格员' },
  { openid: 'demo-secretary-1', label: '社区书记', description: '审核志愿者、管理社区' },
  { openid: 'demo-street-1', label: '街道工作人员', description: '街道三方办' },
  { openid: 'demo-dept-1', label: '部门办理人', description: '区级部门' },
  { openid: 'demo-admin', label: '管理员', description: '区级管理员，管理角色' },
] as const

/**
 * H5 development only: asks the local host for a session token for a demo account and
 * keeps it for the transport. The host refuses this outside development mode.
 */
export async function devLogin(openid: string): Promise<void> {
  let body: unknown
  try {
    const res = await fetch(`${API_BASE_URL}/api/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    })
    body = await res.json()
  } catch {
    throw callErrorFrom('NETWORK')
  }
  const { token } = unwrapEnvelope<{ token: string }>(body)
  setToken(token)
}

/** Whether a demo session token is kept (the login page offers to switch accounts then). */
export function isSignedIn(): boolean {
  return getToken() !== null
}
