/**
 * The inline script index.html runs right after the first-paint template (plain ES5: it runs
 * before any bundle, on every browser the H5 build supports; if it fails, the app starts as it
 * did without a first paint).
 *
 * It shows the copy of 首页 only when 首页 is what the app will show: the address is 首页's
 * (or none), a session token is stored and not expired (a visitor is sent to the login page
 * and must not see 首页 flash first), and 大字 is off (the copy is drawn at the normal size;
 * the large one would jump). The keys and Taro's storage format (`{"data": value}` as JSON) are
 * the app's: src/services/transport/session.ts TOKEN_KEY, src/hooks/use-font-scale.ts
 * LARGE_TEXT_KEY; e2e/first-paint.e2e.ts fails if they drift.
 *
 * The copy goes as soon as Taro has put a page with content on screen (React has mounted 首页
 * under it, or the app went elsewhere), in the same task as that change, so the two never show
 * or exist side by side for anything outside this script.
 */
export const SHOW_IN_PAGE = String.raw`(function () {
  var template = document.currentScript && document.currentScript.previousElementSibling
  if (!template || !template.content) return
  function stored(key) {
    var raw = localStorage.getItem(key)
    return raw ? JSON.parse(raw).data : null
  }
  try {
    var hash = location.hash
    if (hash && hash !== '#/' && hash.indexOf('#/pages/home/index') !== 0) return
    var token = stored('mhwx.token')
    if (typeof token !== 'string') return
    var body = JSON.parse(atob(token.split('.')[0].replace(/-/g, '+').replace(/_/g, '/')))
    if (!(body.exp * 1000 > Date.now())) return
    if (stored('mhwx.largeText') === true) return
  } catch (err) {
    return
  }
  var shell = document.importNode(template.content, true).firstElementChild
  document.body.appendChild(shell)
  var observer = new MutationObserver(function () {
    var pages = document.querySelectorAll('.taro_page')
    for (var i = 0; i < pages.length; i++) {
      if (pages[i].firstElementChild && !shell.contains(pages[i])) {
        observer.disconnect()
        shell.parentNode.removeChild(shell)
        return
      }
    }
  })
  observer.observe(document.body, { childList: true, subtree: true })
})()`
