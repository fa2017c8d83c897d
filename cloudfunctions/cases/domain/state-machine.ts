import {
  CaseActionSchema,
  type CaseAction,
  type CaseStatus,
  type Extension,
  type Satisfaction,
} from '../../../types/cases'
import { refuse, type Outcome } from './result'
import { MAX_REOPENS } from './satisfaction'

/*
 * Who may do what to a case, in which state. Authorisation is first (FORBIDDEN: you are
 * not the right person at all), then state (CONFLICT: right person, but not now). Input
 * shape errors never reach here: zod answers them at the function edge.
 */

/** Actions that act on one existing case: reading it, and what a person may do to it (`can`). */
export const CASE_ACTIONS = ['get', ...CaseActionSchema.options] as const
export type CaseActionName = (typeof CASE_ACTIONS)[number]

/**
 * What the caller is to this case, worked out by the service from the org tree:
 * - `petitioner`: submitted it, or it was submitted on their behalf.
 * - `handler`: holds a handling role at the handling unit or one above it.
 * - `supervisor`: holds a supervising role (社区书记, 街道, 管理员) strictly above the handling unit;
 *   a supervisor is usually a handler too, and the table says which one an action needs.
 * - `submitter` (optional): entered it for someone else (网格员代办, 热线, 窗口), so may follow
 *   it up — read it and add notes — wherever it was routed, but not rate it.
 */
export interface Actor {
  petitioner: boolean
  handler: boolean
  supervisor: boolean
  submitter?: boolean
}

/** The parts of a case the rules look at. */
export interface CaseFacts {
  status: CaseStatus
  rated: boolean
  extension: Pick<Extension, 'status'> | null
  /** When the 2-week revisit falls due (set on resolution), ISO. */
  revisitDueAt: string | null
  isFollower: boolean
}

type Need = 'petitioner' | 'handler' | 'supervisor' | 'party' | 'resident'

interface Rule {
  need: Need
  states: readonly CaseStatus[]
  /** A further check once person and state are right (returns a CONFLICT message or null). */
  guard?: (c: CaseFacts, now: Date) => string | null
  next?: CaseStatus
  /** Chinese name of the action for messages. */
  label: string
}

const OPEN: readonly CaseStatus[] = ['pending_sign', 'processing', 'returned']
const ALL: readonly CaseStatus[] = ['pending_sign', 'processing', 'returned', 'resolved', 'closed', 'duplicate']

const RULES: Record<CaseActionName, Rule> = {
  get: { need: 'party', states: ALL, label: '查看' },
  sign: { need: 'handler', states: ['pending_sign'], next: 'processing', label: '签收' },
  addNote: { need: 'party', states: ['pending_sign', 'processing', 'returned', 'resolved'], label: '补充说明' },
  transfer: { need: 'handler', states: OPEN, next: 'pending_sign', label: '转办' },
  returnCase: { need: 'handler', states: ['pending_sign', 'processing'], next: 'returned', label: '退单' },
  requestExtension: {
    need: 'handler',
    states: ['processing'],
    guard: (c) => (c.extension ? '每件诉求只能申请一次延期' : null),
    label: '申请延期',
  },
  reviewExtension: {
    need: 'supervisor',
    states: ['processing'],
    guard: (c) => (c.extension?.status === 'requested' ? null : '没有待审核的延期申请'),
    label: '审核延期',
  },
  supervise: { need: 'supervisor', states: OPEN, label: '督办' },
  resolve: { need: 'handler', states: ['processing'], next: 'resolved', label: '办结' },
  markDuplicate: { need: 'handler', states: OPEN, next: 'duplicate', label: '标记重复件' },
  follow: {
    need: 'resident',
    states: OPEN,
    guard: (c) => (c.isFollower ? '您已关注过这件诉求' : null),
    label: '关注',
  },
  rate: {
    need: 'petitioner',
    states: ['resolved'],
    guard: (c) => (c.rated ? '这件诉求已经评价过了' : null),
    next: 'closed',
    label: '评价',
  },
  recordRevisit: {
    need: 'handler',
    states: ['resolved'],
    guard: (c, now) => {
      if (c.rated) return '诉求人已评价，无需回访'
      if (!c.revisitDueAt || now.getTime() < Date.parse(c.revisitDueAt)) return '评价期未满两周，请等待诉求人评价'
      return null
    },
    next: 'closed',
    label: '回访',
  },
}

function fits(need: Need, a: Actor): boolean {
  switch (need) {
    case 'petitioner':
      return a.petitioner
    case 'handler':
      return a.handler
    case 'supervisor':
      return a.supervisor
    case 'party':
      return a.petitioner || a.handler || a.supervisor || !!a.submitter
    case 'resident':
      // Anyone signed in may follow (我也遇到), except the petitioner, whose case it already
      // is, and its handlers, who hear of it anyway.
      return !a.petitioner && !a.handler
  }
}

const STATUS_WORDS: Record<CaseStatus, string> = {
  pending_sign: '待签收',
  processing: '办理中',
  returned: '已退单',
  resolved: '已办结',
  closed: '已结案',
  duplicate: '已合并',
}

/**
 * Decides one action. On success gives the next status; `rate` and `recordRevisit` with
 * 不满意 reopen the case to `processing` once (satisfaction.ts says what else changes).
 */
export function decide(
  action: CaseActionName,
  c: CaseFacts,
  actor: Actor,
  now: Date,
  input: { satisfaction?: Satisfaction; reopenCount?: number } = {},
): Outcome<{ next: CaseStatus }> {
  const rule = RULES[action]
  if (!fits(rule.need, actor)) {
    if (action === 'follow') return refuse('CONFLICT', actor.petitioner ? '这是您自己提交的诉求' : '您正在办理这件诉求')
    return refuse('FORBIDDEN', `您没有${rule.label}这件诉求的权限`)
  }
  if (!rule.states.includes(c.status)) return refuse('CONFLICT', `诉求${STATUS_WORDS[c.status]}，不能${rule.label}`)
  const blocked = rule.guard?.(c, now)
  if (blocked) return refuse('CONFLICT', blocked)
  let next = rule.next ?? c.status
  const reopens = input.satisfaction === 'dissatisfied' && (input.reopenCount ?? 0) < MAX_REOPENS
  if ((action === 'rate' || action === 'recordRevisit') && reopens) next = 'processing'
  return { ok: true, next }
}

/** The actions this person may take on this case now: the app shows exactly these buttons. */
export function allowedActions(c: CaseFacts, actor: Actor, now: Date): CaseAction[] {
  return CASE_ACTIONS.filter((a): a is CaseAction => a !== 'get' && decide(a, c, actor, now).ok)
}
