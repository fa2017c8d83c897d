/**
 * What runs inside the page to copy 首页's first screen (scripts/h5-first-paint.ts). It is
 * sent as source text, not a function: the TypeScript runner would wrap inner functions in
 * helpers the page does not have. Plain ES5, as the inline script of index.html is.
 *
 * Given the real 首页 as it first renders (its data still loading), it returns:
 * - markup: the tab bar container with the page in it, cloned and made a picture: no ids,
 *   `data-testid` renamed `data-first-paint` (the same names, so a test can pair each copy
 *   with the real part, and no testid is ever doubled), no roles, aria-*, tabindex or links,
 *   custom elements as plain divs (Taro's stencil must never adopt the copy), nothing that is
 *   not displayed, and the text of the parts named in `blank` kept for their size but hidden
 *   (they depend on the hour or the person);
 * - css: every rule of the page's style sheets (except the one at `skipHref`, which
 *   index.html inlines whole) that applies to the copy, to html or to body, in cascade order,
 *   inside its @media/@supports; :hover-like states and ::before/::after are ignored when
 *   deciding whether a rule applies, so a rule for a copied part is kept with its states;
 *   then the custom properties the app put on html, as a rule.
 */
export const CAPTURE_IN_PAGE = String.raw`(function (rootSelector, blank, skipHref) {
  var root = document.querySelector(rootSelector)
  if (!root) throw new Error('first paint: no ' + rootSelector + ' on the page')
  var hidden = []
  var all = root.querySelectorAll('*')
  for (var i = 0; i < all.length; i++) {
    if (getComputedStyle(all[i]).display === 'none') hidden.push(all[i])
  }
  var marks = 'data-first-paint-drop'
  for (var h = 0; h < hidden.length; h++) hidden[h].setAttribute(marks, '')
  var copy = root.cloneNode(true)
  for (var u = 0; u < hidden.length; u++) hidden[u].removeAttribute(marks)
  var dropped = copy.querySelectorAll('[' + marks + ']')
  for (var d = 0; d < dropped.length; d++) {
    if (dropped[d].parentNode) dropped[d].parentNode.removeChild(dropped[d])
  }

  function plain(el) {
    if (el.tagName.indexOf('-') < 0) return el
    var div = document.createElement('div')
    for (var a = 0; a < el.attributes.length; a++) div.setAttribute(el.attributes[a].name, el.attributes[a].value)
    while (el.firstChild) div.appendChild(el.firstChild)
    el.parentNode.replaceChild(div, el)
    return div
  }
  var wrapper = document.createElement('div')
  wrapper.appendChild(copy)
  var els = copy.querySelectorAll('*')
  var list = [copy]
  for (var e = 0; e < els.length; e++) list.push(els[e])
  for (var k = 0; k < list.length; k++) {
    var el = plain(list[k])
    var names = []
    for (var n = 0; n < el.attributes.length; n++) names.push(el.attributes[n].name)
    for (var m = 0; m < names.length; m++) {
      var name = names[m]
      if (name === 'data-testid') {
        el.setAttribute('data-first-paint', el.getAttribute(name))
        el.removeAttribute(name)
      } else if (name === 'id' || name === 'role' || name === 'tabindex' || name === 'href' ||
        name === 'data-nut-key' || name.indexOf('aria-') === 0) {
        el.removeAttribute(name)
      }
    }
    if (blank.indexOf(el.getAttribute('data-first-paint')) >= 0) el.style.visibility = 'hidden'
  }
  var shell = document.createElement('div')
  shell.className = 'first-paint'
  shell.appendChild(wrapper.firstChild)
  document.body.appendChild(shell)

  var states = /::?(hover|active|focus|focus-visible|focus-within|visited|link|before|after|placeholder|selection|first-letter|first-line|marker|backdrop|-webkit-[a-z-]+|-moz-[a-z-]+)(\([^)]*\))?/g
  var targets = [document.documentElement, document.body]
  function applies(selectorText) {
    var parts = selectorText.split(',')
    for (var p = 0; p < parts.length; p++) {
      var sel = parts[p].replace(states, '').trim() || '*'
      if (/[>+~]$/.test(sel)) sel += ' *'
      try {
        if (shell.querySelector(sel)) return true
        for (var t = 0; t < targets.length; t++) if (targets[t].matches(sel)) return true
      } catch (err) {
        // A selector this browser cannot read cannot style the copy here either.
      }
    }
    return false
  }
  function keep(rules) {
    var out = ''
    for (var r = 0; r < rules.length; r++) {
      var rule = rules[r]
      if (rule.type === CSSRule.STYLE_RULE) {
        if (applies(rule.selectorText)) out += rule.cssText + '\n'
      } else if (rule.type === CSSRule.MEDIA_RULE || rule.type === CSSRule.SUPPORTS_RULE) {
        var inner = keep(rule.cssRules)
        if (inner) out += (rule.type === CSSRule.MEDIA_RULE ? '@media ' : '@supports ') + rule.conditionText + ' {\n' + inner + '}\n'
      }
    }
    return out
  }
  var css = ''
  for (var s = 0; s < document.styleSheets.length; s++) {
    var sheet = document.styleSheets[s]
    if (sheet.ownerNode && shell.contains(sheet.ownerNode)) continue
    if (sheet.href && sheet.href.slice(-skipHref.length) === skipHref) continue
    css += keep(sheet.cssRules)
  }
  // The custom properties the app sets on html itself (the 大字 scale, the tab bar's height) come
  // last, as the inline style they are outranks every rule. Not its font-size: index.html's own
  // script sets that from the phone's width.
  var own = document.documentElement.style
  var vars = ''
  for (var v = 0; v < own.length; v++) {
    if (own[v].indexOf('--') === 0) vars += own[v] + ':' + own.getPropertyValue(own[v]) + ';'
  }
  if (vars) css += ':root{' + vars + '}\n'
  shell.parentNode.removeChild(shell)
  return { markup: shell.innerHTML, css: css }
})`
