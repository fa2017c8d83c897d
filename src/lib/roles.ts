import type { Capability, CapabilityGrant } from '../../types/policy'

export { ROLE_LABELS } from '../../types/roles-labels'

/** The part of `users.me` that says what the person may do (types/policy.ts decides it on the server). */
type WithCapabilities = { capabilities: readonly CapabilityGrant[] } | null | undefined

/** The units where `users.me` says the person holds the capability; each covers the units below it. */
export function unitsWith(me: WithCapabilities, capability: Capability): string[] {
  return me?.capabilities.find((g) => g.capability === capability)?.unitIds ?? []
}

/** Whether to show what needs the capability: the server allows exactly what `users.me` claims. */
export function can(me: WithCapabilities, capability: Capability): boolean {
  return unitsWith(me, capability).length > 0
}
