import { EventDraftSchema } from '../../../types/events'
import { EMPTY_FORM, fromDraft, nextQuestionId, splitOptions, toDraft, type FormState } from './form-state'

const FORM: FormState = {
  ...EMPTY_FORM,
  title: '义诊进社区',
  kind: 'clinic',
  date: '2026-12-12',
  placeName: '社区卫生服务站',
  capacity: '40',
  audience: 'places',
  placeIds: ['e-dongxianmen-1-1'],
  questions: [
    { id: 'q1', kind: 'choice', label: '想看哪一科', options: '内科，眼科、 牙科', required: true, sensitive: false },
    { id: 'q2', kind: 'phone', label: '紧急联系人电话', options: 'ignored', required: false, sensitive: true },
  ],
}

describe('staff event form state', () => {
  it('should make a draft the contract accepts, with choice options split and places kept', () => {
    const draft = EventDraftSchema.parse(toDraft(FORM, 'c-dongxianmen'))
    expect(draft.audience).toEqual({ kind: 'places', placeIds: ['e-dongxianmen-1-1'] })
    expect(draft.questions.map((q) => q.options)).toEqual([['内科', '眼科', '牙科'], []])
    expect(draft.capacity).toBe(40)
  })

  it('should drop chosen places when the audience is no longer places', () => {
    expect(toDraft({ ...FORM, audience: 'community' }, 'c-dongxianmen').audience).toEqual({
      kind: 'community',
      placeIds: [],
    })
  })

  it('should keep what the form does not show when editing a stored draft', () => {
    const stored = EventDraftSchema.parse({
      ...toDraft(FORM, 'c-dongxianmen'),
      place: { name: '卫生服务站', address: '', location: { lng: 108.95, lat: 34.25 } },
      offerHoldHours: 6,
    })
    const edited = EventDraftSchema.parse(
      toDraft({ ...fromDraft(stored), title: '义诊（改期）' }, 'c-dongxianmen', stored),
    )
    expect(edited).toEqual({ ...stored, title: '义诊（改期）' })
  })

  it('should send the further settings as typed and none for an empty window', () => {
    const typed = {
      ...FORM,
      reservedSeats: '5',
      guestsMax: '1',
      approvalRequired: true,
      terms: '请带医保卡',
      reminderHours: [24],
      signUpOpensAt: '2026-12-05 08:00',
    }
    const draft = EventDraftSchema.parse(toDraft(typed, 'c-dongxianmen'))
    expect(draft).toMatchObject({
      reservedSeats: 5,
      guestsMax: 1,
      approvalRequired: true,
      terms: '请带医保卡',
      reminderHours: [24],
      signUpOpensAt: '2026-12-05 08:00',
      signUpClosesAt: null,
      cancelDeadline: null,
    })
  })

  it('should move the sign-up window and the cancellation deadline with the event', () => {
    const stored = EventDraftSchema.parse({
      ...toDraft(FORM, 'c-dongxianmen'),
      signUpOpensAt: '2026-12-05 09:30',
      cancelDeadline: '2026-12-12 07:30',
    })
    const earlier = toDraft({ ...fromDraft(stored), date: '2026-12-01', startTime: '08:00' }, 'c-dongxianmen', stored)
    expect(earlier).toMatchObject({
      signUpOpensAt: '2026-11-24 08:00',
      signUpClosesAt: null,
      cancelDeadline: '2026-12-01 06:00',
    })
    expect(EventDraftSchema.safeParse(earlier).success).toBe(true)
    // a window the organiser typed anew is sent as typed
    expect(
      toDraft({ ...fromDraft(stored), date: '2026-12-01', signUpOpensAt: '2026-11-28 09:00' }, 'c-dongxianmen', stored)
        .signUpOpensAt,
    ).toBe('2026-11-28 09:00')
  })

  it('should be refused by the contract when a choice question has one option', () => {
    const one = { ...FORM, questions: [{ ...FORM.questions[0]!, options: '内科' }] }
    expect(EventDraftSchema.safeParse(toDraft(one, 'c-dongxianmen')).success).toBe(false)
  })

  it('should split options on Chinese and Latin commas and skip blanks', () => {
    expect(splitOptions(' 上午 ，下午,, 晚上、')).toEqual(['上午', '下午', '晚上'])
  })

  it('should give a new question an id no other question has', () => {
    expect(nextQuestionId([])).toBe('q1')
    expect(nextQuestionId([{ ...FORM.questions[0]!, id: 'q2' }])).toBe('q3')
  })
})
