import fs from 'node:fs'
import path from 'node:path'
import postcss from 'postcss'
import trimNutui from './postcss-trim-nutui'

const trim = (css: string) => postcss([trimNutui()]).process(css, { from: undefined }).css

/** Every `<Button …>` opening tag in the app (attributes may hold arrow functions and braces). */
function buttonTags(): string[] {
  const files = fs.readdirSync(path.resolve(__dirname, '..', 'src'), { recursive: true, encoding: 'utf8' })
  return files
    .filter((f) => f.endsWith('.tsx'))
    .flatMap((f) => {
      const source = fs.readFileSync(path.resolve(__dirname, '..', 'src', f), 'utf8')
      return [...source.matchAll(/<Button\b/g)].map((m) => {
        let depth = 0
        let i = m.index
        for (; i < source.length; i++) {
          if (source[i] === '{') depth++
          else if (source[i] === '}') depth--
          else if (source[i] === '>' && depth === 0) break
        }
        return source.slice(m.index, i)
      })
    })
}

describe('trim-nutui', () => {
  it('should drop the rules of Button variants and RTL layout nobody uses', () => {
    expect(trim('.nut-button-success{color:green}.nut-rtl .nut-cell{left:0}[dir=rtl] .nut-tag{right:0}')).toBe('')
  })
  it('should keep the variants in use and a mixed rule without its unused selector', () => {
    expect(trim('.nut-button-primary{color:red}')).toBe('.nut-button-primary{color:red}')
    expect(trim('.nut-button-mini,.nut-button-small{height:1px}')).toBe('.nut-button-small{height:1px}')
  })
  it('should match no Button variant that a page sets', () => {
    const tags = buttonTags()
    expect(tags.length).toBeGreaterThan(50)
    const values = tags.flatMap((tag) =>
      [...tag.matchAll(/\b(?:type|size|fill|shape)=(?:"([a-z]+)"|\{([^}]*)\})/g)].flatMap((m) =>
        m[1] ? [m[1]] : [...(m[2] ?? '').matchAll(/'([a-z]+)'/g)].map((q) => q[1] ?? ''),
      ),
    )
    expect(values).toContain('primary')
    for (const value of values) expect(trimNutui.UNUSED.test(`.nut-button-${value}`)).toBe(false)
  })
})
