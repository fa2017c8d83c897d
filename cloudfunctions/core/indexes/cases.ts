/** The cases function's collections (诉求). Part of INDEXES (core/indexes.ts). */
import type { IndexSpec } from '../../../embedded-db/index-spec'

export const CASE_INDEXES: IndexSpec[] = [
  // cases (诉求, issue 6): 我的诉求 newest first; a unit's boxes by status and deadline; the
  // subtree of a street or district (unitScope holds the handling unit and its ancestors);
  // lookup by the human number; similar cases nearby; figures over a submission range.
  {
    collection: 'cases',
    name: 'petitioner_submittedAt',
    fields: [
      { field: 'petitionerOpenid', order: 1 },
      { field: 'submittedAt', order: -1 },
    ],
  },
  {
    collection: 'cases',
    name: 'unit_status_due',
    fields: [
      { field: 'handlingUnitId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'handleDueAt', order: 1 },
    ],
  },
  {
    collection: 'cases',
    name: 'scope_status',
    fields: [
      { field: 'unitScope', order: 1 },
      { field: 'status', order: 1 },
    ],
  },
  { collection: 'cases', name: 'number', fields: [{ field: 'number', order: 1 }], unique: true },
  { collection: 'cases', name: 'location', fields: [{ field: 'location', order: '2dsphere' }] },
  {
    collection: 'cases',
    name: 'status_submittedAt',
    fields: [
      { field: 'status', order: 1 },
      { field: 'submittedAt', order: 1 },
    ],
  },
  // Open311's public list (docs/open311.md): newest first in a date range, optionally by service code.
  { collection: 'cases', name: 'submittedAt', fields: [{ field: 'submittedAt', order: -1 }] },
  {
    collection: 'cases',
    name: 'categoryCode_submittedAt',
    fields: [
      { field: 'categoryCode', order: 1 },
      { field: 'submittedAt', order: -1 },
    ],
  },
  // a unit's 超期 box (unsigned past the acknowledgement deadline) and 待回访 box.
  {
    collection: 'cases',
    name: 'unit_status_ack',
    fields: [
      { field: 'handlingUnitId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'ackDueAt', order: 1 },
    ],
  },
  // `rating` is in it so the 待回访 count (rating: null) is answered from the index alone.
  {
    collection: 'cases',
    name: 'unit_status_revisit',
    fields: [
      { field: 'handlingUnitId', order: 1 },
      { field: 'status', order: 1 },
      { field: 'rating', order: 1 },
      { field: 'revisitDueAt', order: 1 },
    ],
  },
  // 延期待审核: the extension requests below a supervisor's unit (queries.ts extensionWaiting).
  {
    collection: 'cases',
    name: 'scope_extension_status',
    fields: [
      { field: 'unitScope', order: 1 },
      { field: 'extension.status', order: 1 },
      { field: 'status', order: 1 },
    ],
  },
  // case_figure_counters: a unit's subtree (unitScope) over a range of submission days.
  {
    collection: 'case_figure_counters',
    name: 'scope_day',
    fields: [
      { field: 'unitScope', order: 1 },
      { field: 'day', order: 1 },
    ],
  },
]
