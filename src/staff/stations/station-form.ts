import type { Closure } from '../../../types/stations'
import type { HoursForm } from './components/hours-editor'
import type { StationDetail, StationInput } from '../../services/stations'

/** The station editor's fields as typed (coordinates as text until saved). */
export interface Form {
  unitId: string
  name: string
  address: string
  lng: string
  lat: string
  amenities: string[]
  hours: HoursForm
  closures: Closure[]
  photos: { fileId: string; url: string }[]
  contactName: string
  phone: string
  description: string
}

export const MAX_PHOTOS = 9
const WEEKDAY_HOURS = [{ open: '08:00', close: '18:00' }]
export const EMPTY: Form = {
  unitId: '',
  name: '',
  address: '',
  lng: '',
  lat: '',
  amenities: [],
  hours: {
    mon: WEEKDAY_HOURS,
    tue: WEEKDAY_HOURS,
    wed: WEEKDAY_HOURS,
    thu: WEEKDAY_HOURS,
    fri: WEEKDAY_HOURS,
    sat: [],
    sun: [],
  },
  closures: [],
  photos: [],
  contactName: '',
  phone: '',
  description: '',
}

export function fromDetail(s: StationDetail): Form {
  return {
    unitId: s.unitId,
    name: s.name,
    address: s.address,
    lng: String(s.location.lng),
    lat: String(s.location.lat),
    amenities: s.amenities,
    hours: s.hours,
    closures: s.closures,
    photos: s.photos,
    contactName: s.contact.name ?? '',
    phone: s.contact.phone,
    description: s.description ?? '',
  }
}

export function toInput(f: Form): StationInput {
  return {
    unitId: f.unitId,
    name: f.name,
    address: f.address,
    location: { lng: Number(f.lng), lat: Number(f.lat) },
    amenities: f.amenities,
    hours: f.hours,
    closures: f.closures,
    photos: f.photos.map((p) => p.fileId),
    contact: { phone: f.phone, ...(f.contactName.trim() ? { name: f.contactName } : {}) },
    ...(f.description.trim() ? { description: f.description } : {}),
  }
}
