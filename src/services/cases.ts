import type { InputOf, OutputOf } from '../../types/contract'
import type { CasesContract } from '../../types/cases-contract'
import { client } from './transport/client'

type C = typeof CasesContract
const cases = client<C>('cases')

export type CaseSummary = OutputOf<C, 'myCases'>['items'][number]
export type CaseDetail = OutputOf<C, 'get'>
export type SimilarCase = OutputOf<C, 'similarNearby'>['items'][number]
export type SubmitCaseInput = InputOf<C, 'submit'>
export type InboxBox = NonNullable<InputOf<C, 'inbox'>['box']>
export type CaseFigures = OutputOf<C, 'figures'>

/**
 * The `cases` function as the pages see it: the resident's side (categories, similar cases
 * nearby, submit, my cases, a case's timeline, follow, rate, 补充说明) and the unit's side
 * (boxes, every step of handling, ledgers, figures, export). Every call rejects with a
 * CallError whose message can be shown as is.
 */
export const casesService = {
  categories: () => cases('categories', {}),
  similarNearby: (input: InputOf<C, 'similarNearby'>) => cases('similarNearby', input),
  submit: (input: SubmitCaseInput) => cases('submit', input),
  myCases: (input: InputOf<C, 'myCases'> = {}) => cases('myCases', input),
  get: (caseId: string) => cases('get', { caseId }),
  follow: (caseId: string) => cases('follow', { caseId }),
  rate: (input: InputOf<C, 'rate'>) => cases('rate', input),
  addNote: (input: InputOf<C, 'addNote'>) => cases('addNote', input),
  inbox: (input: InputOf<C, 'inbox'>) => cases('inbox', input),
  workload: () => cases('workload', {}),
  sign: (caseId: string) => cases('sign', { caseId }),
  transfer: (input: InputOf<C, 'transfer'>) => cases('transfer', input),
  returnCase: (input: InputOf<C, 'returnCase'>) => cases('returnCase', input),
  requestExtension: (input: InputOf<C, 'requestExtension'>) => cases('requestExtension', input),
  reviewExtension: (input: InputOf<C, 'reviewExtension'>) => cases('reviewExtension', input),
  supervise: (input: InputOf<C, 'supervise'>) => cases('supervise', input),
  resolve: (input: InputOf<C, 'resolve'>) => cases('resolve', input),
  markDuplicate: (input: InputOf<C, 'markDuplicate'>) => cases('markDuplicate', input),
  recordRevisit: (input: InputOf<C, 'recordRevisit'>) => cases('recordRevisit', input),
  ledger: (input: InputOf<C, 'ledger'>) => cases('ledger', input),
  figures: (input: InputOf<C, 'figures'>) => cases('figures', input),
  export: (input: InputOf<C, 'export'>) => cases('export', input),
}
