import { CasesContract } from '../../types/cases'
import { AppError } from '../core/app-error'
import { defineFunction } from '../core/define-function'
import { getCase, loadCategories, myCases, rateCase, recordRevisit, resolveCase, signCase, submitCase } from './service'

const STAFF = ['grid_worker', 'community_staff', 'community_secretary', 'street_staff', 'department_handler'] as const

/** Actions of the contract not built yet answer plainly instead of pretending. */
const notYet = {
  roles: 'signed-in' as const,
  handler: async (): Promise<never> => {
    throw new AppError('BAD_REQUEST', '该功能即将开放')
  },
}

/** The `cases` function (issue 6): 诉求 from submission to rating. Logic in service.ts and domain/. */
export const cases = defineFunction('cases', CasesContract, {
  categories: { roles: 'public', handler: async (_input, { rt }) => ({ items: (await loadCategories(rt.db)).filter((c) => c.active) }) },
  submit: { roles: 'signed-in', handler: (input, ctx) => submitCase(ctx, input) },
  myCases: { roles: 'signed-in', handler: (input, ctx) => myCases(ctx, input) },
  get: { roles: 'signed-in', handler: (input, ctx) => getCase(ctx, input.caseId) },
  sign: { roles: [...STAFF], handler: (input, ctx) => signCase(ctx, input.caseId) },
  resolve: { roles: [...STAFF], handler: (input, ctx) => resolveCase(ctx, input) },
  rate: { roles: 'signed-in', handler: (input, ctx) => rateCase(ctx, input) },
  recordRevisit: { roles: [...STAFF], handler: (input, ctx) => recordRevisit(ctx, input) },
  similarNearby: notYet,
  follow: notYet,
  inbox: notYet,
  addNote: notYet,
  transfer: notYet,
  returnCase: notYet,
  requestExtension: notYet,
  reviewExtension: notYet,
  supervise: notYet,
  markDuplicate: notYet,
  ledger: notYet,
  figures: notYet,
  export: notYet,
  saveCategory: notYet,
  routingRules: notYet,
  saveRoutingRule: notYet,
  deleteRoutingRule: notYet,
  previewRoute: notYet,
})

export const main = cases.main
