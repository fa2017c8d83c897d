import type { InputOf, OutputOf } from '../../types/contract'
import type { StationsContract } from '../../types/stations'
import { client } from './transport/client'

type C = typeof StationsContract
const stations = client<C>('stations')

export type StationPage = OutputOf<C, 'nearby'>
export type StationSummary = StationPage['items'][number]
export type StationDetail = OutputOf<C, 'get'>
export type Amenity = OutputOf<C, 'amenities'>['items'][number]
export type NearbyInput = InputOf<C, 'nearby'>
export type StationInput = InputOf<C, 'create'>
export type ManagedUnit = OutputOf<C, 'mine'>['units'][number]

/**
 * The `stations` function as the pages see it: the 红色驿站 list, search and detail for
 * everyone, and creating and editing for staff. Every call rejects with a CallError whose
 * message can be shown as is.
 */
export const stationsService = {
  amenities: () => stations('amenities', {}),
  nearby: (input: NearbyInput) => stations('nearby', input),
  search: (input: InputOf<C, 'search'>) => stations('search', input),
  get: (input: InputOf<C, 'get'>) => stations('get', input),
  mine: () => stations('mine', {}),
  create: (input: StationInput) => stations('create', input),
  update: (input: InputOf<C, 'update'>) => stations('update', input),
  saveAmenity: (input: InputOf<C, 'saveAmenity'>) => stations('saveAmenity', input),
}
