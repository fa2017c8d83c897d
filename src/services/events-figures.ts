import type { OutputOf } from '../../types/contract'
import type { EventsContract } from '../../types/events'
import { client } from './transport/client'

type C = typeof EventsContract
const events = client<C>('events')

export type EventFiguresReport = OutputOf<C, 'figures'>
export type UnitEventFigures = EventFiguresReport['units'][number]

/**
 * 活动统计 (the figures actions of the `events` function): a unit's month per community, and
 * its Excel export. Every call rejects with a CallError whose message can be shown as is.
 */
export const eventFiguresService = {
  figures: (unitId: string, month: string) => events('figures', { unitId, month }),
  exportFigures: (unitId: string, month: string) => events('exportFigures', { unitId, month }),
}
