/**
 * weapp: WeChat's title bar names the page and its templates drop `role`/`aria-level`, so a
 * hidden heading would only be stray text (page-heading.tsx is the H5 one).
 */
export function PageHeading() {
  return null
}
