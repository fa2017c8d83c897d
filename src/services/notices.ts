import type { InputOf, OutputOf } from '../../types/contract'
import type { NoticesContract } from '../../types/notices'
import { client } from './transport/client'

type C = typeof NoticesContract
const notices = client<C>('notices')

export type NoticeSummary = OutputOf<C, 'list'>['items'][number]
export type NoticeDetail = OutputOf<C, 'get'>
export type NoticeStaffView = OutputOf<C, 'staffGet'>
export type NoticeReach = OutputOf<C, 'reach'>
export type NotReachedPerson = OutputOf<C, 'notReached'>['items'][number]
export type ComposeNoticeInput = InputOf<C, 'create'>

/**
 * The `notices` function as the pages see it: residents' list, 首页 summary, opening (marks
 * read), 我已知晓 and following a 公示; staff compose, count, publish, approve, edit,
 * withdraw, reach, not-reached, follow-up, remind and export. Every call rejects with a
 * CallError whose message can be shown as is.
 */
export const noticesService = {
  list: (input: InputOf<C, 'list'> = {}) => notices('list', input),
  home: () => notices('home', {}),
  get: (noticeId: string) => notices('get', { noticeId }),
  acknowledge: (noticeId: string) => notices('acknowledge', { noticeId }),
  follow: (noticeId: string, following: boolean) => notices('follow', { noticeId, following }),

  create: (input: ComposeNoticeInput) => notices('create', input),
  countRecipients: (input: InputOf<C, 'countRecipients'>) => notices('countRecipients', input),
  publish: (noticeId: string) => notices('publish', { noticeId }),
  approve: (noticeId: string) => notices('approve', { noticeId }),
  edit: (input: InputOf<C, 'edit'>) => notices('edit', input),
  withdraw: (noticeId: string, reason: string) => notices('withdraw', { noticeId, reason }),
  addProgress: (noticeId: string, text: string) => notices('addProgress', { noticeId, text }),
  staffList: (input: InputOf<C, 'staffList'>) => notices('staffList', input),
  staffGet: (noticeId: string) => notices('staffGet', { noticeId }),
  reach: (noticeId: string, unitId?: string) => notices('reach', { noticeId, unitId }),
  notReached: (input: InputOf<C, 'notReached'>) => notices('notReached', input),
  /** `ref` is the opaque reference `notReached` gave (the contract names the field `openid`). */
  recordFollowUp: (input: {
    noticeId: string
    ref: string
    method: InputOf<C, 'recordFollowUp'>['method']
    note: string
  }) =>
    notices('recordFollowUp', { noticeId: input.noticeId, openid: input.ref, method: input.method, note: input.note }),
  remind: (noticeId: string, ref: string) => notices('remind', { noticeId, ref }),
  exportReach: (noticeId: string) => notices('exportReach', { noticeId }),
}

export type { PickedPdf } from './upload/pdf-file'
/** Picks one PDF and uploads it (per platform: services/upload/pdf.*.ts); null when none was chosen. */
export { pickAndUploadPdf } from './upload/pdf'
