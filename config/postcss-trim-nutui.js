/**
 * weapp only (config/index.ts `mini.postcss`): drops the NutUI style rules no page can use, since
 * CSS used by the tab pages and by two subpackages lands in the main package's common.wxss. The
 * Button variants we never set (success, info, danger, warning; xlarge, mini; dashed; square:
 * trim-nutui.test.ts checks every <Button> in src/) and right-to-left layout (RTL rules).
 * A rule is removed when all of its selectors are unused; a mixed rule keeps the others.
 */
const UNUSED = /\.nut-rtl\b|\[dir=rtl\]|\.nut-button-(success|info|danger|warning|xlarge|mini|dashed|square)\b/

const trimNutui = () => ({
  postcssPlugin: 'trim-nutui',
  Rule(rule) {
    const kept = rule.selectors.filter((s) => !UNUSED.test(s))
    if (kept.length === 0) rule.remove()
    else if (kept.length < rule.selectors.length) rule.selectors = kept
  },
})
trimNutui.postcss = true
trimNutui.UNUSED = UNUSED

module.exports = trimNutui
