/** Asia/Shanghai has kept +08:00 all year since 1992 (China's last summer time was 1991). */
const SHANGHAI_OFFSET_HOURS = 8

/**
 * The hour (0–23) in Asia/Shanghai, for 首页's greeting. By arithmetic on the fixed offset,
 * not dayjs's `.tz()` (lib/dayjs.ts): that builds an Intl.DateTimeFormat for the zone, whose
 * first use loads the zone data — about a fifth of a second of a slow phone's CPU before 首页
 * could show — and 首页 would need dayjs itself (its first screen has no other use for it).
 */
export function shanghaiHour(now: Date | number = new Date()): number {
  const hours = Math.floor(now.valueOf() / 3_600_000) + SHANGHAI_OFFSET_HOURS
  return ((hours % 24) + 24) % 24
}
