import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { QrCode } from '../../components/qr-code'
import { useAsync } from '../../hooks/use-async'
import { toast, toastError } from '../../lib/feedback'
import { attendanceService, type MyCode } from '../../services/events-attendance'
import { checkInLine, hm, venueFrom, venueFromScan } from './checkin-format'
import { formatDeadline } from './format'
import { CAN_SCAN, scanCode } from './scan'
import './checkin.scss'

/** My code for staff to scan, with the code typed out; and, in WeChat, a way to scan the venue code myself. */
function MyCodeCard({ code, onScanned }: { code: MyCode; onScanned(text: string): void }) {
  const scan = async () => {
    const text = await scanCode()
    if (text) onScanned(text)
  }
  return (
    <View className="event-checkin__card" data-testid="checkin-my-code">
      {code.checkedInAt ? (
        <Text className="event-checkin__done" data-testid="checkin-done">
          已签到 {hm(code.checkedInAt)}
        </Text>
      ) : (
        <Text className="event-checkin__lead">请向工作人员出示此签到码</Text>
      )}
      <QrCode text={code.code} caption={code.display} testId="checkin-qr" />
      <Text className="event-checkin__hint">
        签到时间：{formatDeadline(code.window.opensAt)} 至 {formatDeadline(code.window.closesAt)}
        。扫不出来时，可把下面的数字字母念给工作人员。
      </Text>
      {CAN_SCAN && !code.checkedInAt ? (
        <Button type="primary" onClick={() => void scan()} data-testid="checkin-scan-venue">
          扫现场签到码
        </Button>
      ) : null}
    </View>
  )
}

/** The venue code opened this page: say which event, and check in with one tap. */
function VenueCard({ venueCode, eventId }: { venueCode: string; eventId: string | null }) {
  const target = useAsync(
    () => (eventId ? Promise.resolve({ eventId, title: '' }) : attendanceService.venueEvent(venueCode)),
    [venueCode, eventId],
  )
  const [line, setLine] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const go = async (id: string) => {
    setBusy(true)
    try {
      const res = await attendanceService.selfCheckIn(id, venueCode)
      const text = checkInLine(res)
      setLine(text)
      toast(text, 'success')
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <AsyncView state={target}>
      {(t) => (
        <View className="event-checkin__card" data-testid="checkin-venue">
          <Text className="event-checkin__lead">{t.title ? `「${t.title}」现场签到` : '活动现场签到'}</Text>
          {line ? (
            <Text className="event-checkin__done" data-testid="checkin-done">
              {line}
            </Text>
          ) : (
            <Button type="primary" loading={busy} onClick={() => void go(t.eventId)} data-testid="checkin-self">
              确认签到
            </Button>
          )}
          <Button
            fill="outline"
            onClick={() => void Taro.redirectTo({ url: `/pages/events/detail?id=${encodeURIComponent(t.eventId)}` })}
          >
            查看活动
          </Button>
        </View>
      )}
    </AsyncView>
  )
}

/**
 * 活动签到 for a resident: opened from the event (`id`: my code) or by the venue code
 * (`eventId` + `v` from the H5 QR, `scene` from a 小程序码: check in myself).
 */
export default function EventCheckInPage() {
  const { params } = useRouter()
  const [venue, setVenue] = useState(() => venueFrom(params))
  const eventId = venue.eventId ?? ''
  const code = useAsync(
    () => (venue.venueCode ? Promise.resolve(null) : attendanceService.myCode(eventId)),
    [eventId, venue.venueCode],
  )
  usePullDownRefresh(() => void code.reload().finally(() => Taro.stopPullDownRefresh()))
  const onScanned = (text: string) => {
    const found = venueFromScan(text)
    if (!found.venueCode) return toast('这不是活动现场的签到码', 'fail')
    setVenue({ eventId: found.eventId ?? eventId, venueCode: found.venueCode })
  }
  return (
    <PageShell className="event-checkin" testId="event-checkin-page">
      {venue.venueCode ? (
        <VenueCard venueCode={venue.venueCode} eventId={venue.eventId} />
      ) : (
        <AsyncView state={code}>{(c) => (c ? <MyCodeCard code={c} onScanned={onScanned} /> : null)}</AsyncView>
      )}
    </PageShell>
  )
}
