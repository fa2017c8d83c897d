import { z } from 'zod'

/**
 * The one paging convention of every list action: `{ page, pageSize }` in (page from 1),
 * `{ items, page, pageSize, hasMore }` out. A list whose page shows a count adds `total`,
 * but only where counting is one index range (a wall of tens of thousands of wishes has
 * no total: counting would read them all; `hasMore` is found by reading one extra item).
 */
export function pageInput(options: { maxPageSize?: number; defaultPageSize?: number } = {}) {
  const { maxPageSize = 50, defaultPageSize = 20 } = options
  return {
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(maxPageSize).default(defaultPageSize),
  }
}

/** Items skipped before a page. */
export const skipOf = (p: { page: number; pageSize: number }) => (p.page - 1) * p.pageSize

/** A refinement for lists read only from the top: pages that start deeper than `maxSkip` are refused. */
export function maxDepth(
  maxSkip: number,
): [(p: { page: number; pageSize: number }) => boolean, { message: string; path: string[] }] {
  return [(p) => skipOf(p) <= maxSkip, { message: '页码过大，请缩小查询范围', path: ['page'] }]
}

/** One page of items and whether another follows. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), hasMore: z.boolean() })
}

/** One page with the count of all matching items (`total`), for lists whose page shows it. */
export function countedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ total: z.number().int() })
}
