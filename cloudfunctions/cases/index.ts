import { CasesContract } from '../../types/cases'
import { defineFunction } from '../core/define-function'
import { HANDLER_ROLES, SUPERVISOR_ROLES } from './actors'
import { getCase, loadCategories, myCases, rateCase, recordRevisit, resolveCase, signCase, submitCase } from './service'
import { deleteRoutingRule, listRules, previewRoute, saveCategory, saveRoutingRule } from './service-admin'
import { exportLedger, figures, inbox, ledger, similarNearby } from './service-reports'
import { addNote, followCase, markDuplicate, requestExtension, returnCase, reviewExtension, superviseCase, transferCase } from './service-work'

/*
 * The `cases` function (issue 6): 诉求 from submission to rating. `roles` here is only the
 * coarse gate (does the caller hold such a role anywhere); whether they may act on *this*
 * case or unit is decided below, by the state machine and `requireRoleAt`.
 */

const STAFF = HANDLER_ROLES
const ADMIN = ['admin'] as const

export const cases = defineFunction('cases', CasesContract, {
  categories: { roles: 'public', handler: async (_input, { rt }) => ({ items: (await loadCategories(rt.db)).filter((c) => c.active) }) },
  similarNearby: { roles: 'signed-in', handler: (input, ctx) => similarNearby(ctx, input) },
  submit: { roles: 'signed-in', handler: (input, ctx) => submitCase(ctx, input) },
  myCases: { roles: 'signed-in', handler: (input, ctx) => myCases(ctx, input) },
  get: { roles: 'signed-in', handler: (input, ctx) => getCase(ctx, input.caseId) },
  follow: { roles: 'signed-in', handler: (input, ctx) => followCase(ctx, input.caseId) },
  rate: { roles: 'signed-in', handler: (input, ctx) => rateCase(ctx, input) },
  // Petitioners add 补充说明 too, so notes are open to anyone signed in; the state machine decides.
  addNote: { roles: 'signed-in', handler: (input, ctx) => addNote(ctx, input) },

  inbox: { roles: STAFF, handler: (input, ctx) => inbox(ctx, input) },
  sign: { roles: STAFF, handler: (input, ctx) => signCase(ctx, input.caseId) },
  transfer: { roles: STAFF, handler: (input, ctx) => transferCase(ctx, input) },
  returnCase: { roles: STAFF, handler: (input, ctx) => returnCase(ctx, input) },
  requestExtension: { roles: STAFF, handler: (input, ctx) => requestExtension(ctx, input) },
  reviewExtension: { roles: SUPERVISOR_ROLES, handler: (input, ctx) => reviewExtension(ctx, input) },
  supervise: { roles: SUPERVISOR_ROLES, handler: (input, ctx) => superviseCase(ctx, input) },
  resolve: { roles: STAFF, handler: (input, ctx) => resolveCase(ctx, input) },
  markDuplicate: { roles: STAFF, handler: (input, ctx) => markDuplicate(ctx, input) },
  recordRevisit: { roles: STAFF, handler: (input, ctx) => recordRevisit(ctx, input) },
  ledger: { roles: STAFF, handler: (input, ctx) => ledger(ctx, input) },
  figures: { roles: STAFF, handler: (input, ctx) => figures(ctx, input) },
  export: { roles: STAFF, handler: (input, ctx) => exportLedger(ctx, input) },

  saveCategory: { roles: ADMIN, handler: (input, ctx) => saveCategory(ctx, input) },
  routingRules: { roles: ADMIN, handler: (_input, ctx) => listRules(ctx) },
  saveRoutingRule: { roles: ADMIN, handler: (input, ctx) => saveRoutingRule(ctx, input) },
  deleteRoutingRule: { roles: ADMIN, handler: (input, ctx) => deleteRoutingRule(ctx, input.id) },
  previewRoute: { roles: [...ADMIN, 'street_staff'], handler: (input, ctx) => previewRoute(ctx, input) },
})

export const main = cases.main
