import tcb from '@cloudbase/node-sdk'
import type { Db } from '@cloudbase/database'
import type { Caller, ContentVerdict, Logger, Runtime, SubscribeMessage } from './runtime'
import { templatesFromConfig } from './templates'

/**
 * CloudBase adapters, used only by a function's `main` in the cloud.
 *
 * WeChat open APIs (msgSecCheck, subscribeMessage.send) go through
 * `app.callWxOpenApi({ apiName, requestData })`, the node-sdk's "wx.api" cloud-call route:
 * it is what wx-server-sdk's `cloud.openapi.*` used before it switched to protobuf, needs no
 * access_token or AppSecret in the function, and is authorised by listing the API under
 * `permissions.openapi` in the function's config.json. `requestData` is the JSON body of
 * the HTTPS API of the same name (snake_case fields). Not verified against a live
 * environment from here: see the report of issue 3.
 */
type CloudApp = ReturnType<typeof tcb.init>

let cached: Runtime | null = null

const logger: Logger = {
  // CloudBase collects stdout/stderr per invocation; one JSON line each keeps them searchable.
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
}

/** The verified caller: CloudBase puts the mini-program user's OPENID in the invocation context. */
export function callerFromContext(context: unknown): Caller | null {
  try {
    // Cast: the platform's context object, which the SDK parses (and throws on if it cannot).
    const openid = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID
    return openid ? { openid } : null
  } catch {
    return null
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** A WeChat open API's answer: `errcode` 0 (or none) is success; `result` is the API's own body. */
interface WxAnswer {
  errcode?: number
  errmsg?: string
  result?: unknown
}

async function wxApi(app: CloudApp, apiName: string, requestData: unknown): Promise<WxAnswer> {
  // The SDK declares only `result`; a failed call also carries `code` and `message`.
  const res: unknown = await app.callWxOpenApi({ apiName, requestData })
  if (!isRecord(res)) return { errcode: -1, errmsg: String(res) }
  if (res.code)
    return {
      errcode: -1,
      errmsg: `${typeof res.code === 'string' ? res.code : 'error'}: ${typeof res.message === 'string' ? res.message : ''}`,
    }
  const body = res.result
  if (!isRecord(body)) return { errcode: -1, errmsg: String(body) }
  return {
    errcode: typeof body.errcode === 'number' ? body.errcode : undefined,
    errmsg: typeof body.errmsg === 'string' ? body.errmsg : undefined,
    result: body.result,
  }
}

/** Built once per container: CloudBase reuses warm instances between invocations. */
export function getCloudRuntime(): Runtime {
  if (cached) return cached
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  const db: Db = app.database()
  cached = {
    db,
    templates: templatesFromConfig(process.env.SUBSCRIBE_TEMPLATES, logger),
    clock: { now: () => new Date() },
    contentCheck: {
      async check(text, openid): Promise<ContentVerdict> {
        try {
          const res = await wxApi(app, 'security.msgSecCheck', { content: text, version: 2, scene: 2, openid })
          const suggest = isRecord(res.result) ? res.result.suggest : undefined
          if (res.errcode === 0 && (suggest === 'pass' || suggest === 'review' || suggest === 'risky')) return suggest
          logger.error('msgSecCheck failed', { errcode: res.errcode, errmsg: res.errmsg })
        } catch (error) {
          logger.error('msgSecCheck threw', { cause: String(error) })
        }
        // When WeChat cannot tell, a person decides: nothing is published unchecked.
        return 'review'
      },
    },
    messaging: {
      async sendSubscribe(message: SubscribeMessage) {
        const res = await wxApi(app, 'subscribeMessage.send', {
          touser: message.touser,
          template_id: message.templateId,
          page: message.page,
          data: message.data,
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        })
        return { errcode: res.errcode ?? 0, errmsg: res.errmsg }
      },
    },
    storage: {
      async save(name, content) {
        const res = await app.uploadFile({ cloudPath: `uploads/${Date.now()}-${name}`, fileContent: content })
        return res.fileID
      },
      async url(fileId) {
        const res = await app.getTempFileURL({ fileList: [fileId] })
        return res.fileList[0]?.tempFileURL ?? ''
      },
      async read(fileId) {
        const res = await app.downloadFile({ fileID: fileId })
        return res.fileContent as Buffer
      },
    },
    log: logger,
  }
  return cached
}
