import { EMPTY_FORM, STAFF_ACTION_SPECS, buildStaffCall, type StaffForm } from './actions'

const form = (patch: Partial<StaffForm>): StaffForm => ({ ...EMPTY_FORM, ...patch })

describe('buildStaffCall', () => {
  it.each([
    ['resolve', form({ ledger: 'general', text: '已派人清理完毕' }), '请选择办理方式'],
    ['resolve', form({ disposition: 'solved', text: '已派人清理完毕' }), '请选择归入哪本台账'],
    ['resolve', form({ disposition: 'solved', ledger: 'general', text: '已清理' }), '请至少写 5 个字'],
    ['transfer', form({ text: '属于供水问题' }), '请选择转办单位'],
    ['requestExtension', form({ days: '45', text: '等配件' }), '延期天数为 1–30 天'],
    ['markDuplicate', form({ number: '12345' }), '请填写原诉求的编号，如 BL-20261122-0001'],
    ['recordRevisit', form({}), '请选择回访结果'],
  ] as const)('should refuse %s with a form that misses something', (action, f, message) => {
    expect(buildStaffCall('case-1', action, f)).toBe(message)
  })

  it.each([
    ['sign', form({})],
    ['resolve', form({ disposition: 'solved', ledger: 'general', text: '已派人清理完毕' })],
    ['markDuplicate', form({ number: 'bl-20261122-0001' })],
    ['reviewExtension', form({})],
  ] as const)('should build the call for %s when the form is complete', (action, f) => {
    expect(typeof buildStaffCall('case-1', action, f)).toBe('function')
  })
})

describe('STAFF_ACTION_SPECS', () => {
  it('should ask before the actions that hand the case on or close it, and run 签收 without a form', () => {
    expect(STAFF_ACTION_SPECS.transfer.confirm).toContain('确定转办吗')
    expect(STAFF_ACTION_SPECS.resolve.form?.submit).toBe('确定办结')
    expect(STAFF_ACTION_SPECS.sign.form).toBeUndefined()
    expect(STAFF_ACTION_SPECS.sign.confirm).toBeUndefined()
  })
})
