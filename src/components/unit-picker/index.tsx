export { UnitPicker, type UnitPickerProps } from './picker'
export { UnitSelect } from './select'
export type { Choice, PickUnit } from './groups'
