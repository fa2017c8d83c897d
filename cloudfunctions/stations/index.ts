import { StationsContract } from '../../types/stations'
import { loadAssignments } from '../core/authz'
import { defineFunction } from '../core/define-function'
import type { Runtime } from '../core/runtime'
import { listAmenities, saveAmenity } from './amenities'
import {
  STATION_EDITOR_ROLES,
  canEditStation,
  createStation,
  listStations,
  loadStation,
  managedUnits,
  resolveOrigin,
  stationsOfUnits,
  toDetail,
  updateStation,
} from './service'

/** Photos are stored as file ids; the app needs something it can put in an <Image>. */
const photoUrl = (rt: Runtime) => (fileId: string) => rt.storage.url(fileId)

/** The `stations` function (issue 4): the 红色驿站 locator and its staff editing. */
export const stations = defineFunction('stations', StationsContract, {
  amenities: {
    roles: 'public',
    handler: async (_input, { rt }) => ({ items: await listAmenities(rt.db) }),
  },
  nearby: {
    roles: 'public',
    handler: async (input, { rt, user, now }) =>
      listStations(rt.db, input, await resolveOrigin(rt.db, input.point, user), now(), photoUrl(rt)),
  },
  search: {
    roles: 'public',
    handler: async (input, { rt, user, now }) =>
      listStations(rt.db, { ...input, radius: undefined }, await resolveOrigin(rt.db, input.point, user), now(), photoUrl(rt)),
  },
  get: {
    roles: 'public',
    handler: async (input, { rt, caller, now }) => {
      const doc = await loadStation(rt.db, input.id)
      // Public action: assignments are not preloaded, and only matter for the edit button.
      const assignments = caller ? await loadAssignments(rt.db, caller.openid) : []
      return toDetail(doc, input.point ?? null, now(), canEditStation(assignments, doc), photoUrl(rt))
    },
  },
  mine: {
    roles: [...STATION_EDITOR_ROLES, 'admin'],
    handler: async (_input, { rt, assignments, now }) => {
      const units = await managedUnits(rt.db, assignments)
      return {
        units: units.map((u) => ({ id: u._id, name: u.name, kind: u.kind })),
        items: await stationsOfUnits(
          rt.db,
          units.map((u) => u._id),
          now(),
          photoUrl(rt),
        ),
      }
    },
  },
  create: {
    roles: [...STATION_EDITOR_ROLES, 'admin'],
    handler: async (input, { rt, now, requireCaller, requireRoleAt }) =>
      createStation(rt.db, input, requireCaller().openid, now(), requireRoleAt),
  },
  update: {
    roles: [...STATION_EDITOR_ROLES, 'admin'],
    handler: async ({ id, ...input }, { rt, now, assignments, requireCaller, requireRoleAt }) =>
      updateStation(rt.db, id, input, requireCaller().openid, now(), assignments, requireRoleAt),
  },
  saveAmenity: {
    roles: ['admin'],
    handler: async (input, { rt, now, requireCaller }) => saveAmenity(rt.db, input, now(), requireCaller().openid),
  },
})
