import Taro from '@tarojs/taro'
import { createStore, useStore } from '../lib/store'
import { fontScale } from '../lib/font-scale'
import { systemFontSize } from './system-font-size'

const LARGE_TEXT_KEY = 'mhwx.largeText'

function readLargeText(): boolean {
  try {
    return Taro.getStorageSync(LARGE_TEXT_KEY) === true
  } catch {
    return false
  }
}

const largeTextStore = createStore<boolean>(readLargeText())
const systemSize = systemFontSize()

/** Turns 大字 on or off and remembers it across launches. */
export function setLargeText(on: boolean): void {
  Taro.setStorageSync(LARGE_TEXT_KEY, on)
  largeTextStore.set(on)
}

export function useFontScale(): { largeText: boolean; scale: number; systemFontSize: number | undefined } {
  const largeText = useStore(largeTextStore)
  return { largeText, scale: fontScale(largeText, systemSize), systemFontSize: systemSize }
}
