import type { InputOf, OutputOf } from '../../types/contract'
import type { PlacesContract } from '../../types/places'
import { client } from './transport/client'

type C = typeof PlacesContract
const places = client<C>('places')

export type EstateView = OutputOf<C, 'places'>['estates'][number]
export type ServerView = OutputOf<C, 'myServers'>['servers'][number]
export type MyAddress = NonNullable<OutputOf<C, 'myServers'>['address']>
export type ResidentView = OutputOf<C, 'residents'>['items'][number]
export type PartyReport = OutputOf<C, 'partyReports'>['items'][number]
export type PostView = OutputOf<C, 'posts'>['items'][number]
export type ImportPreview = OutputOf<C, 'importPreview'>
export type AssignPostInput = InputOf<C, 'assignPost'>

/** Picks an .xlsx and uploads it (per platform: services/upload/sheet.*.ts). */
export { pickAndUploadSheet } from './upload/sheet'

/**
 * The `places` function as the pages see it: 小区/楼栋, my address, 为我服务, 双报到, and
 * the staff side (residents to confirm, import, posts). Rejects with a CallError whose
 * message can be shown as is.
 */
export const placesService = {
  places: (communityId: string) => places('places', { communityId }),
  setAddress: (input: InputOf<C, 'setAddress'>) => places('setAddress', input),
  myServers: () => places('myServers', {}),
  reportParty: (input: InputOf<C, 'reportParty'>) => places('reportParty', input),
  myPartyReport: () => places('myPartyReport', {}),
  residents: (input: InputOf<C, 'residents'>) => places('residents', input),
  confirmResidents: (input: InputOf<C, 'confirmResidents'>) => places('confirmResidents', input),
  importPreview: (input: InputOf<C, 'importPreview'>) => places('importPreview', input),
  importCommit: (input: InputOf<C, 'importCommit'>) => places('importCommit', input),
  partyReports: (input: InputOf<C, 'partyReports'>) => places('partyReports', input),
  verifyParty: (input: InputOf<C, 'verifyParty'>) => places('verifyParty', input),
  posts: (communityId: string) => places('posts', { communityId }),
  assignPost: (input: AssignPostInput) => places('assignPost', input),
  removePost: (postId: string) => places('removePost', { postId }),
  setPhoneHidden: (hidden: boolean) => places('setPhoneHidden', { hidden }),
  setWorkPhone: (workPhone: string | null) => places('setWorkPhone', { workPhone }),
}
