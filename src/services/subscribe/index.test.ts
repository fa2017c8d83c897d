import { templatesToAsk } from '.'
import type { ReminderSetting } from '../users'

const setting = (
  kind: ReminderSetting['kind'],
  ask: string,
  templateId: string | null,
  lastResult: ReminderSetting['lastResult'] = null,
): ReminderSetting => ({
  kind,
  label: kind,
  ask,
  templateId,
  remaining: 0,
  lastResult,
})

describe('templatesToAsk', () => {
  const settings = [
    setting('caseAccepted', 'case', 't-accepted'),
    setting('caseProgress', 'case', 't-progress', 'ban'),
    setting('caseResolved', 'case', null),
    setting('wishStatus', 'wish', 't-wish', 'accept'),
  ]
  it('should ask for the kinds of the group that have a template, leaving out those turned off in WeChat', () => {
    expect(templatesToAsk(settings, 'case')).toEqual(['t-accepted'])
    expect(templatesToAsk(settings, 'wish')).toEqual(['t-wish'])
  })
  it('should ask for nothing before the settings have loaded', () => {
    expect(templatesToAsk(null, 'case')).toEqual([])
  })
})
