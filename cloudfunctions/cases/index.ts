import { CasesContract } from '../../types/cases-contract'
import { defineFunction } from '../core/define-function'
import { requestExtension, reviewExtension } from './extension'
import { followCase } from './following'
import { addNote, markDuplicate, resolveCase, returnCase, signCase, superviseCase, transferCase } from './handling'
import { getCase, inbox, myCases, similarNearby, workload } from './queries'
import { rateCase, recordRevisit } from './rating'
import { exportLedger, figures, ledger } from './reports'
import { deleteRoutingRule, listRules, loadCategories, previewRoute, saveCategory, saveRoutingRule } from './settings'
import { submitCase } from './submission'

/*
 * The `cases` function (issue 6): 诉求 from submission to rating. `access` here is only the
 * coarse gate (does the caller hold the capability anywhere); whether they may act on *this*
 * case or unit is decided below, by the state machine and `requireCapabilityAt`.
 */

export const cases = defineFunction('cases', CasesContract, {
  categories: {
    access: 'public',
    handler: async (_input, { rt }) => ({ items: (await loadCategories(rt.db)).filter((c) => c.active) }),
  },
  similarNearby: { access: 'signed-in', handler: (input, ctx) => similarNearby(ctx, input) },
  submit: { access: 'signed-in', limit: 'submission', handler: (input, ctx) => submitCase(ctx, input) },
  myCases: { access: 'signed-in', handler: (input, ctx) => myCases(ctx, input) },
  get: { access: 'signed-in', handler: (input, ctx) => getCase(ctx, input.caseId) },
  follow: { access: 'signed-in', handler: (input, ctx) => followCase(ctx, input.caseId) },
  rate: { access: 'signed-in', handler: (input, ctx) => rateCase(ctx, input) },
  // Petitioners add 补充说明 too, so notes are open to anyone signed in; the state machine decides.
  addNote: { access: 'signed-in', limit: 'submission', handler: (input, ctx) => addNote(ctx, input) },

  inbox: { access: 'cases.handle', handler: (input, ctx) => inbox(ctx, input) },
  workload: { access: 'cases.handle', handler: (_input, ctx) => workload(ctx) },
  sign: { access: 'cases.handle', handler: (input, ctx) => signCase(ctx, input.caseId) },
  transfer: { access: 'cases.handle', handler: (input, ctx) => transferCase(ctx, input) },
  returnCase: { access: 'cases.handle', handler: (input, ctx) => returnCase(ctx, input) },
  requestExtension: { access: 'cases.handle', handler: (input, ctx) => requestExtension(ctx, input) },
  reviewExtension: { access: 'cases.supervise', handler: (input, ctx) => reviewExtension(ctx, input) },
  supervise: { access: 'cases.supervise', handler: (input, ctx) => superviseCase(ctx, input) },
  resolve: { access: 'cases.handle', handler: (input, ctx) => resolveCase(ctx, input) },
  markDuplicate: { access: 'cases.handle', handler: (input, ctx) => markDuplicate(ctx, input) },
  recordRevisit: { access: 'cases.handle', handler: (input, ctx) => recordRevisit(ctx, input) },
  ledger: { access: 'cases.handle', handler: (input, ctx) => ledger(ctx, input) },
  figures: { access: 'cases.handle', handler: (input, ctx) => figures(ctx, input) },
  export: { access: 'cases.handle', handler: (input, ctx) => exportLedger(ctx, input) },

  saveCategory: { access: 'cases.configure', handler: (input, ctx) => saveCategory(ctx, input) },
  routingRules: { access: 'cases.configure', handler: (_input, ctx) => listRules(ctx) },
  saveRoutingRule: { access: 'cases.configure', handler: (input, ctx) => saveRoutingRule(ctx, input) },
  deleteRoutingRule: { access: 'cases.configure', handler: (input, ctx) => deleteRoutingRule(ctx, input.id) },
  previewRoute: { access: 'cases.previewRoute', handler: (input, ctx) => previewRoute(ctx, input) },
})

export const main = cases.main
