import { z } from 'zod'
import {
  MessageKindSchema,
  TemplateConfigSchema,
  templateMapProblems,
  type TemplateMap,
} from '../../types/notifications'
import type { Logger } from './runtime'

const MapSchema = z.record(MessageKindSchema, TemplateConfigSchema)

/**
 * The deployment's template map from its configuration text (the functions' environment
 * variable SUBSCRIBE_TEMPLATES, JSON; docs/notifications.md). A kind whose template is
 * wrong is dropped and logged — its messages still reach the in-app inbox — rather than
 * sending pushes WeChat would refuse with 47003.
 */
export function templatesFromConfig(text: string | undefined, log: Pick<Logger, 'error'>): TemplateMap {
  if (!text?.trim()) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    log.error('SUBSCRIBE_TEMPLATES is not JSON: no subscribe messages will be sent')
    return {}
  }
  const checked = MapSchema.safeParse(parsed)
  if (!checked.success) {
    log.error('SUBSCRIBE_TEMPLATES has the wrong shape: no subscribe messages will be sent', {
      issues: checked.error.issues.map((i) => i.message),
    })
    return {}
  }
  const map: TemplateMap = {}
  for (const kind of MessageKindSchema.options) {
    const config = checked.data[kind]
    if (config === undefined) continue
    const problems = templateMapProblems({ [kind]: config })
    if (problems.length > 0) log.error(`SUBSCRIBE_TEMPLATES: ${kind} left out`, { problems })
    else map[kind] = config
  }
  return map
}
