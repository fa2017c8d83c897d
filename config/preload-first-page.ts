import type { Chunk, ChunkGraph, Compilation, Compiler, Module } from 'webpack'

interface TagGroups {
  headTags: { tagName: string; voidTag: boolean; attributes: Record<string, string | boolean> }[]
}
interface HtmlPluginClass {
  getHooks(compilation: Compilation): {
    alterAssetTagGroups: { tap(name: string, fn: (data: TagGroups) => TagGroups): void }
  }
}

const NAME = 'PreloadFirstPage'

/**
 * H5: Taro's router imports every page on demand, so the first page's chunks were only asked
 * for once the framework chunks had arrived and run — one more round trip (over half a second
 * on a slow phone network) before anything showed. This adds `<link rel="preload">` for the
 * chunks of the page the app opens on (`pagePath`, e.g. `pages/home/index`) to index.html, so
 * the browser fetches them alongside the framework. Other pages stay lazy.
 */
export class PreloadFirstPagePlugin {
  constructor(
    private readonly pagePath: string,
    private readonly publicPath: string,
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      // The HtmlWebpackPlugin instance Taro registered (its hooks are per class, so take its own).
      const html = compiler.options.plugins.find((p) => p?.constructor?.name === 'HtmlWebpackPlugin')
      if (!html) return
      const hooks = (html.constructor as unknown as HtmlPluginClass).getHooks(compilation)
      hooks.alterAssetTagGroups.tap(NAME, (data) => {
        for (const file of this.filesOf(compilation)) {
          data.headTags.push({
            tagName: 'link',
            voidTag: true,
            attributes: {
              rel: 'preload',
              as: file.endsWith('.css') ? 'style' : 'script',
              href: this.publicPath + file,
            },
          })
        }
        return data
      })
    })
  }

  /** The JS and CSS files of the page's lazy chunk group that index.html does not load already. */
  private filesOf(compilation: Compilation): string[] {
    const isPage = pageRequest(this.pagePath)
    const group = compilation.chunkGroups.find((g) => g.origins.some((o) => isPage.test(o.request ?? '')))
    if (!group) throw new Error(`${NAME}: no lazy chunk for ${this.pagePath}`)
    const lazy = group.chunks.filter((c: Chunk) => !c.canBeInitial())
    return lazy.flatMap((c) => [...c.files]).filter((f) => /\.(js|css)$/.test(f))
  }
}

/** Matches the request that imports the page (`./pages/home/index`, with or without extension). */
function pageRequest(pagePath: string): RegExp {
  const page = pagePath.replace(/\//g, '[\\\\/]')
  return new RegExp(`(^|[\\\\/])${page}(\\.tsx?)?$`)
}

/**
 * A splitChunks `test`: the modules of the page's own lazy chunk (the page, and the libraries
 * and shared code it imports that the app has not loaded already), wherever else they are used.
 */
export function inPageChunk(pagePath: string): (module: Module, context: { chunkGraph: ChunkGraph }) => boolean {
  const isPage = pageRequest(pagePath)
  const ofPage = new WeakMap<Chunk, boolean>()
  const isPageChunk = (chunk: Chunk) => {
    let found = ofPage.get(chunk)
    if (found === undefined) {
      found = [...chunk.groupsIterable].some((g) => g.origins.some((o) => isPage.test(o.request ?? '')))
      ofPage.set(chunk, found)
    }
    return found
  }
  return (module, { chunkGraph }) => [...chunkGraph.getModuleChunksIterable(module)].some(isPageChunk)
}
