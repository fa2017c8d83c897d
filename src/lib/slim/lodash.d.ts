// The lodash originals the slim copies are tested against (slim.test.ts); they ship no types.
declare module 'lodash.isequal' {
  export default function isEqual(a: unknown, b: unknown): boolean
}
declare module 'lodash.kebabcase' {
  export default function kebabCase(input: string): string
}
