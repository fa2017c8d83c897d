/**
 * `lodash.kebabcase` for NutUI's ConfigProvider, which turns theme keys into CSS variable names
 * (`nutuiColorPrimaryStop1` → `nutui-color-primary-stop-1`). Both builds alias
 * `lodash.kebabcase` here (config/index.ts): lodash's copy carries Unicode word tables (5 KB in
 * the main package) that ASCII theme keys never need.
 */
const WORDS = /[A-Z]{2,}(?=[A-Z][a-z]|[0-9]|[^A-Za-z0-9]|$)|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g

export default function kebabCase(input: string): string {
  return (String(input).match(WORDS) ?? []).map((w) => w.toLowerCase()).join('-')
}
