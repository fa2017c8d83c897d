/**
 * The running half of config/weapp-templates.ts (which has Taro import this file before the app):
 * Taro ships the page data under short names (`p0`, `p1`…) numbered over each component's
 * sorted attribute list, so the runtime must know the same extra attributes as the templates.
 */
import { mergeInternalComponents } from '@tarojs/shared'
import attributes from './attributes.json'

mergeInternalComponents(attributes)
