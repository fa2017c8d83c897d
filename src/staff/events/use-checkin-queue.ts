import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toast } from '../../lib/feedback'
import { CallError } from '../../services/errors'
import { attendanceService, type CheckInResult } from '../../services/events-attendance'
import { checkInLine } from '../../pages/events/checkin-format'
import {
  dismiss,
  enqueue,
  parseQueue,
  syncQueue,
  type QueueEntry,
  type QueuedCheckIn,
  type SendOutcome,
} from './checkin-queue'

const RETRY_MS = 15_000

/**
 * A live check-in takes the server's time; only one sent again from the queue says when it
 * was made (the device's clock, which the server accepts within a day).
 */
function call(eventId: string, entry: QueueEntry, queued: boolean): Promise<CheckInResult> {
  const c = entry.checkIn
  const scannedAt = queued ? entry.scannedAt : undefined
  if (c.kind === 'code') return attendanceService.checkIn(eventId, c.code, scannedAt)
  if (c.kind === 'person') return attendanceService.checkInPerson(eventId, c.attendeeId, scannedAt)
  return attendanceService.walkIn({ eventId, name: c.name, phone: c.phone, scannedAt })
}

async function send(eventId: string, entry: QueueEntry, queued: boolean): Promise<SendOutcome> {
  try {
    const res = await call(eventId, entry, queued)
    return { ok: true, message: checkInLine({ outcome: res.outcome, checkedInAt: res.attendee.checkedInAt }) }
  } catch (error) {
    if (error instanceof CallError) return { ok: false, code: error.code, message: error.message }
    return { ok: false, code: 'INTERNAL', message: '系统开小差了，请稍后再试' }
  }
}

/**
 * Check-ins at the door, kept on the device while the connection is down: `submit` sends
 * at once and queues on a network failure; the queue is sent again every 15 seconds and
 * whenever staff pull to refresh; refusals stay listed as conflicts until dismissed.
 */
export function useCheckInQueue(eventId: string, onSynced: () => void) {
  const key = `checkin-queue:${eventId}`
  const [queue, setQueue] = useState<QueueEntry[]>(() => parseQueue(Taro.getStorageSync(key)))
  const latest = useRef(queue)
  const save = useCallback(
    (next: QueueEntry[]) => {
      latest.current = next
      setQueue(next)
      Taro.setStorageSync(key, next)
    },
    [key],
  )

  const submit = async (checkIn: QueuedCheckIn, label: string): Promise<boolean> => {
    const [entry] = enqueue([], checkIn, label, new Date())
    const outcome = await send(eventId, entry!, false)
    if (outcome.ok) {
      toast(outcome.message, 'success')
      onSynced()
      return true
    }
    if (outcome.code === 'NETWORK') {
      save([...latest.current, entry!])
      toast('网络不好，签到已暂存在手机上，恢复后自动同步')
      return true
    }
    toast(outcome.message, 'fail')
    return false
  }

  const sync = useCallback(async () => {
    if (!latest.current.some((e) => e.state === 'pending')) return
    const res = await syncQueue(latest.current, (e) => send(eventId, e, true))
    save(res.queue)
    if (res.done.length > 0) {
      toast(`已同步 ${res.done.length} 条签到`, 'success')
      onSynced()
    }
  }, [eventId, onSynced, save])

  const pending = queue.filter((e) => e.state === 'pending').length
  useEffect(() => {
    if (pending === 0) return
    const timer = setInterval(() => void sync(), RETRY_MS)
    return () => clearInterval(timer)
  }, [pending, sync])

  return { queue, pending, submit, sync, dismiss: (id: string) => save(dismiss(latest.current, id)) }
}
