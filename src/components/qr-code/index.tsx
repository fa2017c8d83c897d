import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUrl } from './qr'
import { Photo } from '../photo'
import './qr-code.scss'

/** A QR code with a caption under it (the code typed out, for when scanning fails). */
export function QrCode({ text, caption, testId }: { text: string; caption?: string; testId?: string }) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return (
    <View className="qr-code" data-testid={testId}>
      <Photo className="qr-code__image" src={src} mode="aspectFit" alt="二维码" />
      {caption ? <Text className="qr-code__caption">{caption}</Text> : null}
    </View>
  )
}
