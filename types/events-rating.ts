import { z } from 'zod'
import { SATISFACTIONS } from './cases-labels'
import { RATING_LIMITS as L } from './events-figures-labels'

/*
 * 活动评价 (issue 12): an optional 1-tap rating after attending — 满意 / 基本满意 / 不满意
 * and a comment if the person wants — offered to people who checked in, once the event has
 * ended, once per person. Staff see the counts and the comments with masked names; the
 * figures count the satisfaction rate. `EventsContract` (types/events.ts) takes these in.
 */

const Id = z.string().trim().min(1, '缺少编号').max(128)
const EventRef = z.object({ eventId: Id })
const Iso = z.string().min(1)

export const EventRatingValueSchema = z.enum(SATISFACTIONS)

export const MyEventRatingSchema = z.object({
  value: EventRatingValueSchema,
  comment: z.string(),
  ratedAt: Iso,
})
export type MyEventRating = z.infer<typeof MyEventRatingSchema>

export const RATING_ACTIONS = {
  /** Whether the caller may rate this event now, and their rating once given. */
  myRating: {
    input: EventRef,
    output: z.object({ offered: z.boolean(), rating: MyEventRatingSchema.nullable(), closesAt: Iso }),
  },
  /** Which of these events (the 参加过的 list) the caller may still rate. */
  ratable: {
    input: z.object({ eventIds: z.array(Id).max(50) }),
    output: z.object({ eventIds: z.array(z.string()) }),
  },
  /** Once per person: a second call answers the first rating unchanged (`created` false). */
  rate: {
    input: EventRef.extend({
      value: EventRatingValueSchema,
      comment: z.string().trim().max(L.commentMax, `评价最多${L.commentMax}个字`).default(''),
    }),
    output: z.object({ rating: MyEventRatingSchema, created: z.boolean() }),
  },
  /** Staff: the counts and every comment, names masked. */
  ratings: {
    input: EventRef,
    output: z.object({
      counts: z.object({
        satisfied: z.number().int(),
        basically_satisfied: z.number().int(),
        dissatisfied: z.number().int(),
      }),
      attendees: z.number().int(),
      items: z.array(MyEventRatingSchema.extend({ name: z.string() })),
    }),
  },
} as const
