import { useEffect, useState } from 'react'
import type { AudienceFilter, NoticeCategory, NoticeKind, NoticePriority } from '../../../types/notices-labels'
import { noticesService, type ComposeNoticeInput } from '../../services/notices'
import type { UploadedPhoto } from '../../components/photo-picker'
import type { PickedPdf } from '../../services/notices'
import type { LinkedEvent } from './components/event-link'
import { instantOf, type WallTime, type WhenField } from './when'

export interface ComposeForm {
  title: string
  summary: string
  body: string
  category: NoticeCategory
  priority: NoticePriority
  kind: NoticeKind
  filter: AudienceFilter
  unitIds: string[]
  ackRequired: boolean
  photos: UploadedPhoto[]
  attachments: PickedPdf[]
  event: LinkedEvent | null
  times: Record<WhenField, WallTime | null>
}

const EMPTY: ComposeForm = {
  title: '',
  summary: '',
  body: '',
  category: 'other',
  priority: 'normal',
  kind: 'notice',
  filter: 'all',
  unitIds: [],
  ackRequired: false,
  photos: [],
  attachments: [],
  event: null,
  times: { publishAt: null, pinnedUntil: null, expiresAt: null, ackDeadline: null },
}

/**
 * The compose form's state and its live recipient count: every change of units or filter
 * asks the server again (the newest answer wins), so the number on the confirm is the
 * number the fan-out will write.
 */
export function useCompose(senderId: string | null) {
  const [form, setForm] = useState<ComposeForm>(EMPTY)
  const [count, setCount] = useState<number | null>(null)
  const set = <K extends keyof ComposeForm>(key: K, value: ComposeForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const setTime = (field: WhenField, value: WallTime | null) =>
    setForm((f) => ({ ...f, times: { ...f.times, [field]: value } }))
  const toggleUnit = (id: string) =>
    set('unitIds', form.unitIds.includes(id) ? form.unitIds.filter((u) => u !== id) : [...form.unitIds, id])

  useEffect(() => {
    if (!senderId || form.unitIds.length === 0) return setCount(null)
    let live = true
    noticesService
      .countRecipients({ unitId: senderId, unitIds: form.unitIds, filter: form.filter })
      .then((r) => live && setCount(r.count))
      .catch(() => live && setCount(null))
    return () => {
      live = false
    }
  }, [senderId, form.unitIds, form.filter])

  const input = (): ComposeNoticeInput => ({
    unitId: senderId ?? '',
    kind: form.kind,
    title: form.title,
    summary: form.summary,
    body: form.body,
    category: form.category,
    priority: form.priority,
    images: form.photos.map((p) => p.fileId),
    attachments: form.attachments,
    eventId: form.event?.id ?? null,
    publishAt: instantOf(form.times.publishAt),
    pinnedUntil: instantOf(form.times.pinnedUntil),
    expiresAt: instantOf(form.times.expiresAt),
    ackRequired: form.ackRequired,
    // A deadline left set while acknowledgement was switched off again is not sent.
    ackDeadline: form.ackRequired ? instantOf(form.times.ackDeadline) : null,
    audience: { unitIds: form.unitIds, filter: form.filter },
  })
  return { form, set, setTime, toggleUnit, count, input }
}
