import { activates } from './keys'

describe('activates', () => {
  it.each([
    ['Enter', 'button', true],
    [' ', 'button', true],
    ['Spacebar', 'button', true],
    ['Enter', 'link', true],
    [' ', 'link', false],
    ['Tab', 'button', false],
    ['a', 'link', false],
    ['Escape', 'button', false],
  ] as const)('should say %j on a %s activates: %s', (key, role, expected) => {
    expect(activates(key, role)).toBe(expected)
  })
})
