import type { InputOf, OutputOf } from '../../types/contract'
import type { EventsContract } from '../../types/events'
import { client } from './transport/client'

type C = typeof EventsContract
const events = client<C>('events')

export type MyEventRating = OutputOf<C, 'myRating'>
export type EventRatingValue = InputOf<C, 'rate'>['value']
export type EventRatings = OutputOf<C, 'ratings'>

/**
 * 活动评价 (the rating actions of the `events` function): people who came rate an event once
 * after it ended; organisers read the counts and comments. Every call rejects with a
 * CallError whose message can be shown as is.
 */
export const ratingService = {
  mine: (eventId: string) => events('myRating', { eventId }),
  ratable: (eventIds: string[]) => events('ratable', { eventIds }),
  rate: (eventId: string, value: EventRatingValue, comment: string) => events('rate', { eventId, value, comment }),
  ratings: (eventId: string) => events('ratings', { eventId }),
}
