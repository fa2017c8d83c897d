export { WhenPicker } from './picker'
export { ChoicePicker } from './choice'
export type { WhenPickerProps, ChoicePickerProps } from './props'
