import Taro, { useLoad } from '@tarojs/taro'
import { movedUrl } from './moved-url'

/**
 * A page that moved to a subpackage (to keep the main package small) keeps its old URL as
 * this stub, so a bookmark or an old link still arrives: it replaces itself with the new
 * page, passing the query on.
 */
export function movedTo(url: string) {
  return function MovedPage() {
    useLoad((params: Record<string, string | undefined>) => void Taro.redirectTo({ url: movedUrl(url, params) }))
    return null
  }
}
