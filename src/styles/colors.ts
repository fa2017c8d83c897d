/**
 * The few colours TypeScript needs (app.config.ts's navigation and tab bars, the tab icon
 * renderer): the same values as _tokens.scss, which holds every colour of the stylesheets.
 */
export const COLORS = {
  brand: '#c8161d',
  pageBg: '#f5f5f5',
  surface: '#ffffff',
  /** Tab bar words: #666 is WCAG AA on white. */
  inkSecondary: '#666666',
  /** An idle tab icon: a graphic, so 3:1 is enough. */
  iconIdle: '#777777',
} as const
