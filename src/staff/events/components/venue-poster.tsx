import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { QrCode } from '../../../components/qr-code'
import { toastError } from '../../../lib/feedback'
import { attendanceService, type VenueCode } from '../../../services/events-attendance'
import { formatDeadline } from '../../../pages/events/format'
import { venueLink } from './venue-link'

/** 现场签到码: shown on this screen (or printed) for residents to scan at the door. */
export function VenuePoster({ eventId }: { eventId: string }) {
  const [venue, setVenue] = useState<VenueCode | null>(null)
  const show = async () => {
    try {
      setVenue(await attendanceService.venueCode(eventId))
    } catch (error) {
      toastError(error)
    }
  }
  if (!venue) {
    return (
      <Button fill="outline" onClick={() => void show()} data-testid="door-venue">
        显示现场签到码
      </Button>
    )
  }
  return (
    <View data-testid="door-venue-code">
      <QrCode text={venueLink(venue.path)} caption={venue.venueCode} />
      <Text className="door__meta">
        居民用微信扫码即可自助签到（需已报名成功），有效时间 {formatDeadline(venue.window.opensAt)} 至{' '}
        {formatDeadline(venue.window.closesAt)}。
      </Text>
    </View>
  )
}
