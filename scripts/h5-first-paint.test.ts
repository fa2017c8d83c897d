import { withFirstPaint } from './h5-first-paint'

const TARO_INDEX =
  '<!doctype html><html><head><script defer="defer" src="/js/app.1.js"></script>' +
  '<link href="/css/app.1.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'
const APP_CSS = { href: '/css/app.1.css', text: '[class$=x]{color:red}' }
const SHOT = { markup: '<div class="home">首页</div>', css: '.home{color:$&}' }

describe('withFirstPaint', () => {
  it('should put app.css inline instead of linking it, so the first paint waits for no sheet', () => {
    const html = withFirstPaint(TARO_INDEX, APP_CSS, SHOT)
    expect(html).not.toContain('<link href="/css/app.1.css"')
    expect(html).toContain('<style>[class$=x]{color:red}</style>')
  })

  it('should put the copy in a hidden, inert template with its inline script just before the mount point', () => {
    const html = withFirstPaint(TARO_INDEX, APP_CSS, SHOT)
    const body = html.slice(html.indexOf('<body>'))
    expect(body).toMatch(
      /^<body><template hidden data-first-paint-template><div class="first-paint" aria-hidden="true" inert><style>[^<]*\.home\{color:\$&\}<\/style><div class="home">首页<\/div><\/div><\/template><script>\(function \(\) \{[\s\S]*\}\)\(\)<\/script><div id="app"><\/div>/,
    )
  })

  it('should refuse text that would close the element it is put in', () => {
    expect(() => withFirstPaint(TARO_INDEX, APP_CSS, { ...SHOT, markup: '</template><p>' })).toThrow(/close/)
    expect(() => withFirstPaint(TARO_INDEX, { ...APP_CSS, text: 'a{}</style>' }, SHOT)).toThrow(/close/)
  })

  it('should refuse an index.html that does not link the sheet or has no mount point', () => {
    expect(() => withFirstPaint(TARO_INDEX.replace('<link', '<meta'), APP_CSS, SHOT)).toThrow(/not linked/)
    expect(() => withFirstPaint(TARO_INDEX.replace('id="app"', 'id="root"'), APP_CSS, SHOT)).toThrow(/mount|app/)
  })
})
