import type { Db } from '@cloudbase/database'
import { renderTemplate, type MessageKind, type TemplateMap } from '../../types/notifications'
import { quietHoursEnd } from '../../types/quiet-hours'
import { COLLECTIONS, type InboxDoc, type OutboxDoc, type PushInput, type SubscribeStep } from './collections'
import {
  collection,
  existingIds,
  isDuplicateWrite,
  transaction,
  type Body,
  type CollectionName,
  type Doc,
  type Tx,
} from './data'
import type { Runtime } from './runtime'

/**
 * The notification outbox (docs/design.md "The outbox"): a state change writes its
 * notification records in the same transaction; `drainOutbox` delivers them later.
 *
 * Delivery is at most once per channel: each record is claimed with a conditional update
 * (compare-and-set on `attempts`) and a lease, and each step is recorded as it happens —
 * the in-app message together with its step mark in one transaction; the subscribe message
 * by first reserving a grant and marking the step `sending`. A drain that finds a step still
 * `sending` (the process died around the send) cannot know whether WeChat delivered it, so
 * it marks it `unknown` and never sends it again: the in-app message is the record of truth,
 * the subscribe message only a nudge.
 */

export interface NotifyInput {
  /** Unique per person and event, e.g. `case:123:routed:openid`; a retry with the same key adds nothing. */
  dedupeKey: string
  openid: string
  title: string
  body: string
  /** Mini-program page to open, e.g. `/pages/cases/detail?id=123`. */
  link?: string
  /**
   * A subscribe message of this kind (types/notifications.ts MESSAGE_KINDS), with the kind's
   * fields; sent only where the deployment has a template for the kind and the person holds
   * a grant for it. Not `urgent`: it waits out the quiet hours (the in-app message does not).
   */
  template?: PushInput
  /** Not delivered before this moment (e.g. the end of quiet hours); now when absent. */
  notBefore?: Date
}

export type { InboxDoc, OutboxDoc, PushInput, SubscribeStep, SubscriptionDoc } from './collections'

export function subscriptionId(openid: string, templateId: string): string {
  return `${openid}:${templateId}`
}

/** The grant a push of this kind would use, or null where the deployment has no template for it. */
export function grantIdFor(templates: TemplateMap, openid: string, kind: MessageKind): string | null {
  const id = templates[kind]?.id
  return id ? subscriptionId(openid, id) : null
}

/** WeChat codes that will fail again however often we retry. */
export const PERMANENT_ERRCODES: ReadonlySet<number> = new Set([
  40003, // invalid openid
  40037, // invalid template id
  41030, // invalid page
  43101, // user refused (no grant left)
  47003, // template data invalid
])

export const OUTBOX_POLICY = {
  leaseMs: 2 * 60_000,
  baseBackoffMs: 60_000,
  maxBackoffMs: 6 * 3600_000,
  maxAttempts: 6,
}

/** Exponential backoff after the n-th failed attempt: 1, 2, 4 … minutes, capped at 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(OUTBOX_POLICY.baseBackoffMs * 2 ** Math.max(attempts - 1, 0), OUTBOX_POLICY.maxBackoffMs)
}

async function insertIfAbsent<T extends Doc>(
  tx: Tx,
  name: CollectionName<T>,
  id: string,
  doc: Body<T>,
): Promise<boolean> {
  const ref = tx.collection(name).doc(id)
  if (await ref.get()) return false
  await ref.set(doc)
  return true
}

function outboxDoc(input: NotifyInput, now: Date): OutboxDoc {
  const at = now.toISOString()
  return {
    _id: input.dedupeKey,
    dedupeKey: input.dedupeKey,
    openid: input.openid,
    title: input.title,
    body: input.body,
    link: input.link ?? null,
    template: input.template
      ? { kind: input.template.kind, data: input.template.data, urgent: input.template.urgent ?? false }
      : null,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: (input.notBefore ?? now).toISOString(),
    inboxStep: 'pending',
    subscribeStep: input.template ? 'pending' : 'none',
    lastError: null,
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * Queues a notification. Pass the transaction of the state change it reports, so both are
 * written or neither; with a plain `db` it runs its own small transaction. Returns false
 * when a record with this dedupe key already exists.
 */
export async function notify(target: Tx | Db, input: NotifyInput, now: Date): Promise<boolean> {
  const { _id, ...doc } = outboxDoc(input, now)
  // Not a named arrow: tsx, which runs the local host, names one with Object.defineProperty.
  if ('runTransaction' in target) return transaction(target, (tx) => insertIfAbsent(tx, COLLECTIONS.outbox, _id, doc))
  return insertIfAbsent(target, COLLECTIONS.outbox, _id, doc)
}

/**
 * Queues notifications whose dedupe keys name something only this same transaction can
 * write — a document it creates (a new case), the version of a document it writes (a
 * wish's next version), a one-time step of a record it guards (an attendance record's
 * check-in) — so none can exist yet and no read is needed to keep them unique: all go in
 * one insert. Should one exist after all, the insert fails the transaction rather than
 * adding a second record.
 */
export async function notifyNew(tx: Tx, inputs: readonly NotifyInput[], now: Date): Promise<void> {
  await tx.collection(COLLECTIONS.outbox).insertMany(inputs.map((input) => outboxDoc(input, now)))
}

/**
 * Queues many notifications about a change already made (a notice's new version or its
 * withdrawal, told to everyone who read it), each once by its dedupe key: one read of the
 * keys already queued and one insert of the rest, instead of a transaction per record. Should
 * a key be queued in between (a retry running alongside), the rest go one by one through
 * `notify`, which skips what exists.
 */
export async function notifyMany(db: Db, inputs: readonly NotifyInput[], now: Date): Promise<void> {
  const byKey = new Map(inputs.map((input) => [input.dedupeKey, input]))
  if (byKey.size === 0) return
  for (const id of await existingIds(db, COLLECTIONS.outbox, [...byKey.keys()])) byKey.delete(id)
  const fresh = [...byKey.values()]
  try {
    await collection(db, COLLECTIONS.outbox).insertMany(fresh.map((input) => outboxDoc(input, now)))
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error
    for (const input of fresh) await notify(db, input, now)
  }
}

/** Points where a drain has just recorded progress; tests stop the process there. */
export type DrainStep = 'claimed' | 'inbox-done' | 'grant-reserved' | 'message-sent'

export interface DrainOptions {
  limit?: number
  /** Called after each recorded step; throwing from it simulates a crash at that point. */
  onStep?: (step: DrainStep, id: string) => void | Promise<void>
}

export interface DrainReport {
  claimed: number
  inbox: number
  subscribeSent: number
  retried: number
  failed: number
}

/**
 * Delivers due outbox records: the in-app message always, the subscribe message when the
 * user holds a grant (consuming one). Transient WeChat errors are retried with backoff;
 * permanent ones fail the record. Safe to run concurrently and after a crash.
 */
export async function drainOutbox(rt: Runtime, options: DrainOptions = {}): Promise<DrainReport> {
  const { db } = rt
  const _ = db.command
  const report: DrainReport = { claimed: 0, inbox: 0, subscribeSent: 0, retried: 0, failed: 0 }
  const due = await collection(db, COLLECTIONS.outbox)
    .where({ status: _.in(['pending', 'sending']), nextAttemptAt: _.lte(rt.clock.now().toISOString()) })
    .orderBy('nextAttemptAt', 'asc')
    .limit(options.limit ?? 50)
    .get()
  for (const doc of due) {
    await deliver(rt, doc, options, report)
  }
  return report
}

async function deliver(rt: Runtime, doc: OutboxDoc, options: DrainOptions, report: DrainReport): Promise<void> {
  const { db } = rt
  const _ = db.command
  const outbox = () => collection(db, COLLECTIONS.outbox).doc(doc._id)
  const now = rt.clock.now()
  const attempts = doc.attempts + 1

  const claimed = await collection(db, COLLECTIONS.outbox)
    .where({ _id: doc._id, attempts: doc.attempts, status: _.in(['pending', 'sending']) })
    .update({
      status: 'sending',
      attempts,
      nextAttemptAt: new Date(now.getTime() + OUTBOX_POLICY.leaseMs).toISOString(),
      updatedAt: now.toISOString(),
    })
  if (claimed !== 1) return // another drain has it
  report.claimed++
  await options.onStep?.('claimed', doc._id)

  if (doc.inboxStep !== 'done') {
    await transaction(db, async (tx) => {
      await insertIfAbsent<InboxDoc>(tx, COLLECTIONS.inbox, doc._id, {
        openid: doc.openid,
        title: doc.title,
        body: doc.body,
        link: doc.link,
        createdAt: doc.createdAt,
        readAt: null,
      })
      await tx.collection(COLLECTIONS.outbox).doc(doc._id).update({ inboxStep: 'done' })
    })
    report.inbox++
    await options.onStep?.('inbox-done', doc._id)
  }

  let step = doc.subscribeStep
  let lastError: string | null = doc.lastError
  if (step === 'sending') {
    // A previous drain reserved a grant and died around the send: it may have gone out.
    step = 'unknown'
    await outbox().update({ subscribeStep: step })
    rt.log.error('outbox: subscribe outcome unknown after a crash, not resent', { id: doc._id })
  } else if (step === 'pending' && doc.template && !doc.template.urgent && quietHoursEnd(now)) {
    // Quiet hours: the in-app message is there already; the push waits for the morning.
    // Waiting is not a failed attempt, so the claim's count is given back.
    await outbox().update({
      status: 'pending',
      attempts: doc.attempts,
      nextAttemptAt: quietHoursEnd(now)!.toISOString(),
      updatedAt: now.toISOString(),
    })
    return
  } else if (step === 'pending' && doc.template) {
    const result = await sendSubscribe(rt, doc, options)
    step = result.step
    lastError = result.error ?? lastError
    if (step === 'sent') report.subscribeSent++
  }

  const retry = step === 'pending'
  const exhausted = retry && attempts >= OUTBOX_POLICY.maxAttempts
  const status: OutboxDoc['status'] = step === 'failed' || exhausted ? 'failed' : retry ? 'pending' : 'done'
  if (status === 'failed') report.failed++
  else if (retry) report.retried++
  const at = rt.clock.now()
  await outbox().update({
    status,
    subscribeStep: exhausted ? 'failed' : step,
    lastError,
    nextAttemptAt: retry ? new Date(at.getTime() + backoffMs(attempts)).toISOString() : doc.nextAttemptAt,
    updatedAt: at.toISOString(),
  })
}

async function sendSubscribe(
  rt: Runtime,
  doc: OutboxDoc,
  options: DrainOptions,
): Promise<{ step: SubscribeStep; error?: string }> {
  const { db } = rt
  const _ = db.command
  const template = renderTemplate(doc.template!.kind, doc.template!.data, rt.templates)
  // This deployment has no template for the kind: nothing to push, nothing to retry.
  if (!template) return { step: 'skipped' }
  const grantId = subscriptionId(doc.openid, template.id)
  const grants = () => collection(db, COLLECTIONS.subscriptions).doc(grantId)

  // Reserve one grant and mark the step in one transaction: either both or neither.
  const reserved = await transaction(db, async (tx) => {
    const grant = await tx.collection(COLLECTIONS.subscriptions).doc(grantId).get()
    if (!grant || grant.remaining < 1) {
      await tx.collection(COLLECTIONS.outbox).doc(doc._id).update({ subscribeStep: 'skipped' })
      return false
    }
    await tx
      .collection(COLLECTIONS.subscriptions)
      .doc(grantId)
      .update({ remaining: grant.remaining - 1 })
    await tx.collection(COLLECTIONS.outbox).doc(doc._id).update({ subscribeStep: 'sending' })
    return true
  })
  if (!reserved) return { step: 'skipped' }
  await options.onStep?.('grant-reserved', doc._id)

  let errcode: number
  let errmsg: string | undefined
  try {
    const res = await rt.messaging.sendSubscribe({
      touser: doc.openid,
      templateId: template.id,
      page: doc.link ?? undefined,
      data: Object.fromEntries(Object.entries(template.data).map(([k, value]) => [k, { value }])),
    })
    errcode = res.errcode
    errmsg = res.errmsg
  } catch (error) {
    // No answer: it may or may not have been delivered. Never risk sending it twice.
    rt.log.error('outbox: subscribe send threw, outcome unknown', { id: doc._id, cause: String(error) })
    return { step: 'unknown', error: String(error) }
  }
  if (errcode === 0) {
    await options.onStep?.('message-sent', doc._id)
    return { step: 'sent' }
  }
  const error = `${errcode} ${errmsg ?? ''}`.trim()
  if (errcode === 43101) {
    // WeChat holds no grant for this template: our count was stale.
    await grants().update({ remaining: 0, updatedAt: rt.clock.now().toISOString() })
    return { step: 'failed', error }
  }
  // Not delivered, so the grant was not used up: give it back.
  await grants().update({ remaining: _.inc(1) })
  return { step: PERMANENT_ERRCODES.has(errcode) ? 'failed' : 'pending', error }
}
