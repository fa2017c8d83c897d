import { StationsContract } from '../../types/stations'
import { defineFunction } from '../core/define-function'
import type { Runtime } from '../core/runtime'
import { listAmenities, saveAmenity } from './amenities'
import {
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
    access: 'public',
    handler: async (_input, { rt }) => ({ items: await listAmenities(rt.db) }),
  },
  nearby: {
    access: 'public',
    handler: async (input, { rt, user, now }) =>
      listStations(rt.db, input, await resolveOrigin(rt.db, input.point, user), now(), photoUrl(rt)),
  },
  search: {
    access: 'public',
    handler: async (input, { rt, user, now }) =>
      listStations(
        rt.db,
        { ...input, radius: undefined },
        await resolveOrigin(rt.db, input.point, user),
        now(),
        photoUrl(rt),
      ),
  },
  get: {
    access: 'public',
    handler: async (input, { rt, assignments, now }) => {
      const doc = await loadStation(rt.db, input.id)
      // Public action: the signed-in caller's assignments only decide the edit button.
      return toDetail(doc, input.point ?? null, now(), canEditStation(assignments, doc), photoUrl(rt))
    },
  },
  mine: {
    access: 'stations.edit',
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
    access: 'stations.edit',
    handler: async (input, { rt, now, requireCaller, requireCapabilityAt }) =>
      createStation(rt.db, input, requireCaller().openid, now(), (unitId) =>
        requireCapabilityAt('stations.edit', unitId),
      ),
  },
  update: {
    access: 'stations.edit',
    handler: async ({ id, ...input }, { rt, now, assignments, requireCaller, requireCapabilityAt }) =>
      updateStation(rt.db, id, input, requireCaller().openid, now(), assignments, (unitId) =>
        requireCapabilityAt('stations.edit', unitId),
      ),
  },
  saveAmenity: {
    access: 'stations.configure',
    handler: async (input, { rt, now, requireCaller }) => saveAmenity(rt.db, input, now(), requireCaller().openid),
  },
})
