import path from 'node:path'

/**
 * miniprogram-simulate renders components (`Component()`); a Taro page registers itself
 * with `Page()` and mounts through `getApp()`. These shims turn a page's options into a
 * component definition with the same lifecycle order WeChat uses (onLoad → onShow →
 * onReady), and keep the page stack `getCurrentPages()` reads.
 */
type AnyFn = (...args: unknown[]) => unknown
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> }

const pageStack: Record<string, unknown>[] = []
let app: Record<string, unknown> | null = null

export function installPageHost(distDir: string): void {
  const g = globalThis as unknown as Record<string, unknown>
  g.App = (options: Record<string, unknown>) => {
    app = options
  }
  g.getApp = () => app
  g.getCurrentPages = () => pageStack
  g.Page = (options: PageOptions) => {
    const methods: Record<string, AnyFn> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value as AnyFn
    const route = currentRoute
    ;(g.Component as (o: unknown) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          this.route = route
          this.__route__ = route
          pageStack.push(this)
          methods.onLoad?.call(this, {})
          methods.onShow?.call(this)
        },
        ready(this: Record<string, unknown>) {
          methods.onReady?.call(this)
        },
        detached(this: Record<string, unknown>) {
          pageStack.splice(pageStack.indexOf(this), 1)
          methods.onUnload?.call(this)
        },
      },
    })
  }
  // app.js registers the App (and runs the shared chunks) once, as WeChat does at launch.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle is loaded at run time
  require(path.join(distDir, 'app.js'))
  ;(app?.onLaunch as AnyFn | undefined)?.call(app, { path: '', query: {}, scene: 1001 })
}

let currentRoute = ''
/** The route the next `Page()` call belongs to (set before simulate.load runs its js). */
export function setRoute(route: string): void {
  currentRoute = route
}
