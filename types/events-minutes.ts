import { z } from 'zod'
import { MINUTES_LIMITS } from './events-attendance-labels'

/*
 * 活动纪要 (issue 12): the minutes of an event — summary, photos, the attendee count filled
 * from the check-ins — and issues raised at a 板凳会 / 议事协商会 / 党代表接待日 that become
 * 诉求 in one step (channel 座谈征, or 代表提 at a 接待日), linked back to the event.
 * `EventsContract` (types/events.ts) takes these actions in as they are.
 */

const Id = z.string().trim().min(1, '缺少编号').max(128)
const EventRef = z.object({ eventId: Id })

/** Event kinds whose issues become cases: 板凳会, 议事协商会 (座谈征) and 党代表接待日 (代表提). */
export const CASE_RAISING_KINDS = ['bench_meeting', 'consultation', 'deputy_reception'] as const

export const RaisedIssueSchema = z.object({
  caseId: z.string(),
  number: z.string(),
  text: z.string(),
  petitionerName: z.string(),
  raisedAt: z.string(),
})
export type RaisedIssue = z.infer<typeof RaisedIssueSchema>

export const MinutesSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  summary: z.string(),
  photos: z.array(z.object({ fileId: z.string(), url: z.string() })),
  /** People checked in (walk-ins included) plus the guests they brought. */
  attendeeCount: z.number().int(),
  /** Whether issues here may become cases, and with which channel. */
  raisesCases: z.enum(['forum', 'deputy']).nullable(),
  issues: z.array(RaisedIssueSchema),
  updatedAt: z.string().nullable(),
})
export type Minutes = z.infer<typeof MinutesSchema>

export const MINUTES_ACTIONS = {
  minutes: { input: EventRef, output: MinutesSchema },
  saveMinutes: {
    input: EventRef.extend({
      summary: z.string().trim().max(MINUTES_LIMITS.summaryMax, `纪要最多${MINUTES_LIMITS.summaryMax}个字`),
      photos: z
        .array(z.string().min(1).max(256))
        .max(MINUTES_LIMITS.photosMax, `最多${MINUTES_LIMITS.photosMax}张照片`)
        .default([]),
    }),
    output: MinutesSchema,
  },
  /** One issue → one 诉求, entered for the resident who raised it. A retry with the same `clientRequestId` answers the same case. */
  raiseCase: {
    input: EventRef.extend({
      clientRequestId: z.string().min(8).max(64),
      categoryCode: z.string().min(1, '请选择诉求类别').max(64),
      description: z
        .string()
        .trim()
        .min(5, '请至少写 5 个字')
        .max(MINUTES_LIMITS.issueMax, `最多${MINUTES_LIMITS.issueMax}个字`),
      petitioner: z.object({
        name: z.string().trim().min(1, '请填写提出人姓名').max(20),
        phone: z
          .string()
          .trim()
          .regex(/^[0-9+\-\s]{5,20}$/, '请填写提出人的联系电话'),
      }),
    }),
    output: z.object({ issue: RaisedIssueSchema, created: z.boolean() }),
  },
} as const
