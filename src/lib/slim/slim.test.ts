import lodashIsEqual from 'lodash.isequal'
import lodashKebabCase from 'lodash.kebabcase'
import { createElement } from 'react'
import isEqual from './is-equal'
import kebabCase from './kebab-case'

describe('kebabCase', () => {
  const keys = [
    'nutuiColorPrimary',
    'nutuiColorPrimaryStop1',
    'nutuiGray1',
    'button2Large',
    'XMLHttpRequest',
    'nutuiButtonBorderRadius',
    'foo_bar baz',
    '--foo-bar--',
    'already-kebab',
    '',
  ]
  it.each(keys)('should name %p as lodash does', (key) => {
    expect(kebabCase(key)).toBe(lodashKebabCase(key))
  })
})

describe('isEqual', () => {
  const cyclic = () => {
    const node: Record<string, unknown> = { name: 'fiber' }
    node.self = node
    return node
  }
  const cases: [string, unknown, unknown][] = [
    ['equal numbers', 1, 1],
    ['different numbers', 1, 2],
    ['NaN and NaN', NaN, NaN],
    ['a string and a number', '1', 1],
    ['null and undefined', null, undefined],
    ['equal nested objects', { a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }],
    ['objects with a different value', { a: 1 }, { a: 2 }],
    ['objects with an extra key', { a: 1 }, { a: 1, b: undefined }],
    ['arrays of a different length', [1, 2], [1, 2, 3]],
    ['an array and an array-like object', [1], { 0: 1, length: 1 }],
    ['equal dates', new Date(5), new Date(5)],
    ['different dates', new Date(5), new Date(6)],
    ['equal maps', new Map([['a', { x: 1 }]]), new Map([['a', { x: 1 }]])],
    ['different sets', new Set([1]), new Set([2])],
    ['equal regular expressions', /a/g, /a/g],
    ['the same function', isEqual, isEqual],
    ['two different functions', () => 1, () => 1],
    ['two cyclic structures', cyclic(), cyclic()],
    [
      'equal React elements',
      createElement('view', { className: 'a' }, '好'),
      createElement('view', { className: 'a' }, '好'),
    ],
    ['React elements with other text', createElement('view', null, '好'), createElement('view', null, '坏')],
  ]
  it.each(cases)('should answer as lodash for %s', (_, a, b) => {
    expect(isEqual(a, b)).toBe(lodashIsEqual(a, b))
  })
  it('should tell props that differ only deep inside apart', () => {
    expect(
      isEqual({ title: '删除', content: { lines: ['确定吗'] } }, { title: '删除', content: { lines: ['确定'] } }),
    ).toBe(false)
  })
})
