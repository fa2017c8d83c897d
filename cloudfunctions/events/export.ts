import ExcelJS from 'exceljs'
import { CANCEL_REASON_LABELS, EVENT_KIND_LABELS, REGISTRATION_STATUS_LABELS } from '../../types/events-labels'
import type { ActionContext } from '../core/define-function'
import { instantToLocal } from './domain/schedule'
import { eventRoster } from './service-read'

/** The roster as an .xlsx (签到表 and 台账), with the same masking as the roster on screen. */
export async function exportRoster(
  ctx: ActionContext,
  eventId: string,
): Promise<{ fileId: string; url: string; fileName: string; rowCount: number }> {
  const { event, roster: list } = await eventRoster(ctx, eventId)
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('报名名单')
  sheet.addRow([`${EVENT_KIND_LABELS[event.kind]}：${event.title}`])
  sheet.addRow([
    `时间：${instantToLocal(event.startAt)}–${instantToLocal(event.endAt).slice(11)}；地点：${event.place.name} ${event.place.address}`,
  ])
  sheet.addRow([
    `名额 ${event.capacity === 0 ? '不限' : event.capacity}，已占 ${list.seatsTaken}；已报名 ${list.counts.confirmed}，待确认 ${list.counts.offered}，候补 ${list.counts.waiting}，待审核 ${list.counts.pending}`,
  ])
  const questions = event.questions
  sheet.addRow([
    '序号',
    '姓名',
    '电话',
    '状态',
    '候补位次',
    '随行人数',
    '报名方式',
    '报名时间',
    '取消原因',
    ...questions.map((q) => q.label),
    '签到',
  ])
  list.items.forEach((r, i) => {
    const answers = new Map(r.answers.map((a) => [a.questionId, a.value]))
    sheet.addRow([
      i + 1,
      r.name,
      r.phone,
      REGISTRATION_STATUS_LABELS[r.status],
      r.waitPosition ?? '',
      r.guests,
      r.proxy ? '代报名' : '本人报名',
      instantToLocal(r.joinedAt),
      r.cancelReason ? CANCEL_REASON_LABELS[r.cancelReason] : '',
      ...questions.map((q) => answers.get(q.id) ?? ''),
      '',
    ])
  })
  sheet.getColumn(2).width = 12
  sheet.getColumn(3).width = 14
  sheet.getColumn(8).width = 18
  const fileName = `${event.title}报名名单${instantToLocal(event.startAt).slice(0, 10)}.xlsx`
  const fileId = await ctx.rt.storage.save(fileName, Buffer.from(await book.xlsx.writeBuffer()))
  return { fileId, url: await ctx.rt.storage.url(fileId), fileName, rowCount: list.items.length }
}
