/**
 * H5: the browser has no scanner. Staff type the code shown on the resident's phone, and a
 * resident opens the venue QR with the phone's own camera (it is a link to the page).
 * (scan.weapp.ts uses WeChat's scanner.)
 */
export const CAN_SCAN = false

export async function scanCode(): Promise<string | null> {
  return null
}
