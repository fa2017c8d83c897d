/**
 * WeChat: the QR holds the page path with the venue code; the scanner inside the app
 * (活动签到 → 扫现场签到码) reads it. A 小程序码 made from the answer's `scene` with
 * wxacode.getUnlimited opens the page from WeChat's own scanner; that needs the deployed
 * app's openapi permission and is not made here.
 */
export function venueLink(path: string): string {
  return path
}
