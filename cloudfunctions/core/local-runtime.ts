import { randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Db } from '@cloudbase/database'
import { demoTemplateMap, type TemplateMap } from '../../types/notifications'
import { COLLECTIONS } from './collections'
import { checkKeywords } from './content-keywords'
import { signFileUrl } from './file-urls'
import type { Clock, Logger, Messaging, Runtime, Storage, SubscribeMessage } from './runtime'

/** A clock tests and the demo can move: sweeps and deadlines read time only through it. */
export interface SettableClock extends Clock {
  set(time: Date | string): void
  advance(ms: number): void
}

export function createSettableClock(start: Date | string = new Date()): SettableClock {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    set: (time) => {
      current = new Date(time).getTime()
    },
    advance: (ms) => {
      current += ms
    },
  }
}

/**
 * Messaging that sends nothing: it records each subscribe message it would have sent in
 * `dev_messages` (the dev inbox shows them). Tests can make it answer a WeChat error code.
 */
export interface RecordingMessaging extends Messaging {
  /** Answer `errcode` to every send until called again with null. */
  failWith(errcode: number | null): void
  /** Answer `errcode` to the next `times` sends only. */
  failNext(errcode: number, times?: number): void
}

export function createRecordingMessaging(db: Db, clock: Clock): RecordingMessaging {
  let always: number | null = null
  const queued: number[] = []
  return {
    failWith(errcode) {
      always = errcode
    },
    failNext(errcode, times = 1) {
      for (let i = 0; i < times; i++) queued.push(errcode)
    },
    async sendSubscribe(message: SubscribeMessage) {
      const failure = queued.shift() ?? always
      if (failure !== null && failure !== 0) return { errcode: failure, errmsg: `模拟失败 ${failure}` }
      await db.collection(COLLECTIONS.devMessages).add({
        touser: message.touser,
        templateId: message.templateId,
        page: message.page ?? null,
        data: message.data,
        sentAt: clock.now().toISOString(),
      })
      return { errcode: 0, errmsg: 'ok' }
    },
  }
}

/**
 * Files on disk under `<dataDir>/uploads`; the id is `local:<key>`, served by the host at
 * `/files/<key>`. With `signing` (the host's), a URL is signed and expires (file-urls.ts).
 */
export function createDiskStorage(dataDir: string, signing?: { secret: string; clock: Clock }): Storage {
  const root = path.join(dataDir, 'uploads')
  return {
    async save(name, content) {
      const safe =
        path
          .basename(name)
          .replace(/[^\w.-]/g, '_')
          .slice(-80) || 'file'
      const key = `${randomUUID()}-${safe}`
      await mkdir(root, { recursive: true })
      await writeFile(path.join(root, key), content)
      return `local:${key}`
    },
    async url(fileId) {
      const key = fileId.replace(/^local:/, '')
      return signing ? signFileUrl(signing.secret, key, signing.clock.now()) : `/files/${encodeURIComponent(key)}`
    },
    async read(fileId) {
      // basename: a file id can never reach outside the uploads folder.
      return readFile(path.join(root, path.basename(fileId.replace(/^local:/, ''))))
    },
  }
}

/** Console logger; `quiet` keeps test output clean while still recording the lines. */
export interface RecordingLogger extends Logger {
  lines: { level: 'info' | 'error'; message: string; fields?: Record<string, unknown> }[]
}

export function createConsoleLogger(options: { quiet?: boolean } = {}): RecordingLogger {
  const lines: RecordingLogger['lines'] = []
  return {
    lines,
    info(message, fields) {
      lines.push({ level: 'info', message, fields })
      if (!options.quiet) console.log(`[info] ${message}`, fields ?? '')
    },
    error(message, fields) {
      lines.push({ level: 'error', message, fields })
      if (!options.quiet) console.error(`[error] ${message}`, fields ?? '')
    },
  }
}

export interface LocalRuntime extends Runtime {
  clock: SettableClock
  messaging: RecordingMessaging
  log: RecordingLogger
}

/**
 * The local adapters the host, the demo and the tests run with: the embedded database
 * behind the real SDK, the shipped keyword list, recorded messages and files on disk.
 */
export function createLocalRuntime(options: {
  db: Db
  dataDir: string
  clock?: SettableClock
  quiet?: boolean
  /** Signs the URLs of stored files (the host's secret); without it they are plain paths. */
  fileUrlSecret?: string
  templates?: TemplateMap
}): LocalRuntime {
  const clock = options.clock ?? createSettableClock()
  return {
    db: options.db,
    // Locally every kind has a stand-in template, so the dev inbox shows what would be pushed.
    templates: options.templates ?? demoTemplateMap(),
    clock,
    contentCheck: { check: async (text) => checkKeywords(text) },
    messaging: createRecordingMessaging(options.db, clock),
    storage: createDiskStorage(
      options.dataDir,
      options.fileUrlSecret ? { secret: options.fileUrlSecret, clock } : undefined,
    ),
    log: createConsoleLogger({ quiet: options.quiet }),
  }
}
