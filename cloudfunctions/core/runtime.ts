import type { Db } from '@cloudbase/database'
import type { TemplateMap } from '../../types/notifications'

/**
 * The ports a function's domain code may use (docs/design.md "Ports").
 * The cloud entry builds the CloudBase adapters; the local host and the tests build the
 * local ones. Domain code gets them through the action context and never reads the
 * environment or knows which adapter it has.
 */
/** Verified identity: the platform context in the cloud, a signed token on the local host. */
export interface Caller {
  openid: string
}

export interface Clock {
  now(): Date
}

export type ContentVerdict = 'pass' | 'review' | 'risky'
export interface ContentCheck {
  /** WeChat security.msgSecCheck v2 in the cloud; the shipped keyword list locally. */
  check(text: string, openid: string): Promise<ContentVerdict>
}

export interface SubscribeMessage {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
}
/** `errcode` 0 is success; anything else is the WeChat error code (43101: user refused). */
export interface Messaging {
  sendSubscribe(message: SubscribeMessage): Promise<{ errcode: number; errmsg?: string }>
}

export interface Storage {
  /** Stores a file and returns its id (a cloud fileID, or a local path key). */
  save(name: string, content: Buffer): Promise<string>
  /** A URL the app can show for a stored file id. */
  url(fileId: string): Promise<string>
  /** The bytes of a stored file (an uploaded spreadsheet); rejects when there is none. */
  read(fileId: string): Promise<Buffer>
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export interface Runtime {
  db: Db
  /** Which WeChat template carries each message kind: deployment configuration (SUBSCRIBE_TEMPLATES). */
  templates: TemplateMap
  clock: Clock
  contentCheck: ContentCheck
  messaging: Messaging
  storage: Storage
  log: Logger
}
