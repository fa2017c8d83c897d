import type { StationsContract } from '../../types/stations'
import { ADMIN, COMMUNITY, POINT, SECRETARY, STATION, type KindsOf, type Script } from './script'

const STATIONS_KINDS: KindsOf<typeof StationsContract> = {
  amenities: 'read',
  nearby: 'read',
  search: 'read',
  get: 'read',
  mine: 'read',
  create: 'write',
  update: 'write',
  saveAmenity: 'write',
}

const NEW_STATION = {
  ...{ unitId: COMMUNITY, name: '东县门社区南门驿站', address: '碑林区东县门 80 号' },
  ...{ location: { lng: 108.9605, lat: 34.2571 }, amenities: ['tea'], contact: { phone: '13991238888' } },
  hours: { sat: [{ open: '08:30', close: '12:00' }] },
}

/** 红色驿站: finding one, then staff keeping theirs up to date. */
export const stationsScript: Script = {
  fn: 'stations',
  kinds: STATIONS_KINDS,
  async play(call) {
    await call(null, 'stations', { action: 'amenities' })
    await call(null, 'stations', { action: 'nearby', point: POINT })
    await call(null, 'stations', { action: 'search', keyword: '驿站', point: POINT })
    await call(null, 'stations', { action: 'get', id: STATION })
    await call(SECRETARY, 'stations', { action: 'mine' })
    await call(ADMIN, 'stations', { action: 'saveAmenity', key: 'wheelchair', label: '轮椅借用', icon: '♿' })
    const created = await call<{ id: string }>(SECRETARY, 'stations', { action: 'create', ...NEW_STATION })
    await call(SECRETARY, 'stations', {
      action: 'update',
      id: created.id,
      ...NEW_STATION,
      name: '东县门社区第二驿站（新）',
    })
  },
}
