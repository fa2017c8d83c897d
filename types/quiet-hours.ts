/**
 * Quiet hours (22:00–07:00 Shanghai time): ordinary pushes wait until the morning; urgent
 * ones (a 紧急 notice, a case reopened, an event cancelled today) do not. The in-app
 * message is never held back.
 */
export const QUIET_HOURS = { startHour: 22, endHour: 7 } as const

const SHANGHAI_MS = 8 * 3600_000

/** The end of the quiet hours `at` falls in, or null when `at` is outside them. */
export function quietHoursEnd(at: Date): Date | null {
  const local = new Date(at.getTime() + SHANGHAI_MS)
  const hour = local.getUTCHours()
  if (hour >= QUIET_HOURS.endHour && hour < QUIET_HOURS.startHour) return null
  const end = new Date(local)
  end.setUTCHours(QUIET_HOURS.endHour, 0, 0, 0)
  if (hour >= QUIET_HOURS.startHour) end.setUTCDate(end.getUTCDate() + 1)
  return new Date(end.getTime() - SHANGHAI_MS)
}
