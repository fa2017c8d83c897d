export { WhenPicker } from './picker'
export type { WhenPickerProps } from './props'
