/** The shared collections (core/collections.ts): the org tree, roles, volunteer applications,
 * subscribe grants, uploads, the outbox, the inbox and the recorded dev messages. Part of INDEXES (core/indexes.ts). */
import type { IndexSpec } from '../../../embedded-db/index-spec'

export const SHARED_INDEXES: IndexSpec[] = [
  // units: the org tree. `ancestors` (root first) answers "every unit below X".
  { collection: 'units', name: 'parentId', fields: [{ field: 'parentId', order: 1 }] },
  { collection: 'units', name: 'ancestors', fields: [{ field: 'ancestors', order: 1 }] },
  {
    collection: 'units',
    name: 'kind',
    fields: [
      { field: 'kind', order: 1 },
      { field: 'name', order: 1 },
    ],
  },

  // users: 角色管理 finds a person again by the opaque ref it handed out, and by a whole phone number.
  { collection: 'users', name: 'ref', fields: [{ field: 'ref', order: 1 }] },
  { collection: 'users', name: 'phone', fields: [{ field: 'phone', order: 1 }] },

  // role_assignments: one person's roles, and who holds a role at a unit.
  { collection: 'role_assignments', name: 'openid', fields: [{ field: 'openid', order: 1 }] },
  {
    collection: 'role_assignments',
    name: 'unit_role',
    fields: [
      { field: 'unitId', order: 1 },
      { field: 'role', order: 1 },
    ],
  },

  // volunteer_applications: a staff review queue per unit.
  { collection: 'volunteer_applications', name: 'openid', fields: [{ field: 'openid', order: 1 }] },
  {
    collection: 'volunteer_applications',
    name: 'unit_status',
    fields: [
      { field: 'unitId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },

  // subscriptions: subscribe-message grants per person and template.
  {
    collection: 'subscriptions',
    name: 'openid_template',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'templateId', order: 1 },
    ],
  },

  // uploads: who uploaded a file (photo ownership) and how much each account keeps (quota).
  { collection: 'uploads', name: 'openid', fields: [{ field: 'openid', order: 1 }] },

  // outbox: the drain picks due records. A record's `_id` is its dedupe key, unique as every
  // `_id` is: a unique index on `dedupeKey` as well cost two more B-tree inserts per record
  // and nothing queries by it.
  {
    collection: 'outbox',
    name: 'due',
    fields: [
      { field: 'status', order: 1 },
      { field: 'nextAttemptAt', order: 1 },
    ],
  },

  // inbox: a person's messages, newest first.
  {
    collection: 'inbox',
    name: 'openid_createdAt',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },

  // dev_messages: what the local messaging port would have sent, newest first.
  {
    collection: 'dev_messages',
    name: 'touser_createdAt',
    fields: [
      { field: 'touser', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },

  // Appended by the functions engineer (issue 3): the fields the users function and the
  // outbox actually query.
  {
    collection: 'volunteer_applications',
    name: 'community_status',
    fields: [
      { field: 'communityId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'createdAt', order: -1 },
    ],
  },
  {
    collection: 'inbox',
    name: 'openid_readAt',
    fields: [
      { field: 'openid', order: 1 },
      { field: 'readAt', order: 1 },
    ],
  },
  { collection: 'dev_messages', name: 'sentAt', fields: [{ field: 'sentAt', order: -1 }] },
]
