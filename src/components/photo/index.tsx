import { Image } from '@tarojs/components'
import { Tappable } from '../tappable'

export interface PhotoProps {
  src: string
  /** What the picture shows, read out by a screen reader (心愿照片1, 东县门驿站照片2). */
  alt: string
  className?: string
  mode?: 'aspectFill' | 'widthFix' | 'aspectFit'
  /** Tapping it (usually to see it large): it becomes a button named 查看<alt>. */
  onTap?(): void
}

/**
 * A picture with its text alternative. Taro's `ariaLabel` stays on H5's wrapper and never
 * reaches the <img>, so the name goes to the image itself too (`imgProps.alt`).
 */
export function Photo({ src, alt, className, mode = 'aspectFill', onTap }: PhotoProps) {
  const image = <Image className={className} src={src} mode={mode} ariaLabel={alt} imgProps={{ alt }} />
  if (!onTap) return image
  return (
    <Tappable className="photo__tap" label={`查看${alt}`} onTap={onTap}>
      {image}
    </Tappable>
  )
}
