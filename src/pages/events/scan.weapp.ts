import Taro from '@tarojs/taro'

/** WeChat: the camera scanner; a 小程序码 answers its path (with the scene), a QR its text. */
export const CAN_SCAN = true

/** What was scanned, or null when the person closed the scanner. */
export async function scanCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return res.path || res.result || null
  } catch {
    return null
  }
}
