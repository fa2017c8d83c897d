/**
 * 活动签到与服务时长 (issue 12): words and limits the check-in pages show and the `events`
 * contract enforces. Zod-free so the app imports them directly.
 */

/** How someone came to be marked present: staff scanned their code, they scanned the venue code, staff found them by name, or staff added a walk-in. */
export const CHECK_IN_WAYS = ['code', 'venue', 'staff', 'walk_in'] as const
export type CheckInWay = (typeof CHECK_IN_WAYS)[number]
export const CHECK_IN_WAY_LABELS: Record<CheckInWay, string> = {
  code: '扫码签到',
  venue: '现场扫码',
  staff: '工作人员登记',
  walk_in: '现场补登',
}

/** `present` once checked in; `absent` set by the sweep after the event for confirmed people who never came. */
export const ATTENDANCE_STATUSES = ['present', 'absent'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = { present: '已签到', absent: '缺席' }

export const CHECK_IN_LIMITS = {
  /** Check-in opens this many minutes before the start and closes at the end. */
  opensMinutesBefore: 30,
  /** Characters of a personal code (base32, 60 bits), shown in groups of four for typing. */
  personalCodeLength: 12,
  /** Characters of a venue code; with its `v=` prefix it fits a 小程序码 scene (≤ 32). */
  venueCodeLength: 10,
  /** Hours are credited in half hours, at most this many per event. */
  hoursMax: 12,
  reasonMax: 100,
  searchMax: 20,
} as const

/** `ABCDEFGHJKMN` → `ABCD EFGH JKMN`: easier to read out and type. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}

/** What staff type or a scanner reads, as the server compares it: upper case, no spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase()
}

/** 活动纪要: limits stated in the page and enforced by the contract (types/events-minutes.ts). */
export const MINUTES_LIMITS = { summaryMax: 2000, photosMax: 9, issueMax: 500 } as const
