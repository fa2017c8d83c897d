/**
 * The new URL of a moved page with the query the old URL was opened with. Taro adds its own
 * `$`-prefixed parameters (`$taroTimestamp`), which are not the page's.
 */
export function movedUrl(url: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('$'))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${url}?${query}` : url
}
