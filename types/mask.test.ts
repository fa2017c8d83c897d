import { maskName, maskPhone } from './mask'

describe('mask', () => {
  it('should keep only the first character of a name', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('王秀兰')).toBe('王**')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('李')).toBe('李*')
    expect(maskName(null)).toBe('')
  })
  it('should show a mobile number as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('138 1234 1234')).toBe('138****1234')
    expect(maskPhone('029-87654321')).toBe('*********21')
    expect(maskPhone(undefined)).toBe('')
  })
})
