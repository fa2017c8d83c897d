import type { PluginCreator } from 'postcss'

declare const trimNutui: PluginCreator<void> & { UNUSED: RegExp }
export = trimNutui
