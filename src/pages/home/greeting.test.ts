import { greeting } from './greeting'

describe('greeting', () => {
  it('should say 早上好 in the morning', () => expect(greeting(8)).toBe('早上好'))
  it('should say 中午好 at noon', () => expect(greeting(12)).toBe('中午好'))
  it('should say 下午好 in the afternoon', () => expect(greeting(15)).toBe('下午好'))
  it('should say 晚上好 late at night', () => expect(greeting(2)).toBe('晚上好'))
})
