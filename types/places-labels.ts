/**
 * 小区、楼栋、住址、在职党员双报到、为我服务: the words and limits the place pages show and
 * the `places` contract enforces. Plain values without zod, so the app imports them directly.
 */

/** Where a resident's address stands: self-declared until community staff confirm it. */
export const ADDRESS_STATUSES = ['pending', 'confirmed'] as const
export type AddressStatus = (typeof ADDRESS_STATUSES)[number]
export const ADDRESS_STATUS_LABELS: Record<AddressStatus, string> = { pending: '待确认', confirmed: '已确认' }

/** 在职党员双报到: a report waits for the community to verify it. */
export const PARTY_REPORT_STATUSES = ['pending', 'verified', 'rejected'] as const
export type PartyReportStatus = (typeof PARTY_REPORT_STATUSES)[number]
export const PARTY_REPORT_STATUS_LABELS: Record<PartyReportStatus, string> = {
  pending: '待社区核实',
  verified: '已核实',
  rejected: '未通过核实',
}

/**
 * Posts on places (长安 "2+4", 高陵 楼栋红色管家, 碑林 党员中心户). The first five are people
 * with an account or at least a name the community records; the last three are contacts
 * that are not accounts. `grid_worker` is not a post: 网格员 come from role assignments.
 */
export const PLACE_POSTS = [
  'building_head',
  'red_steward',
  'party_household',
  'service_head',
  'liaison_head',
  'police',
  'legal_adviser',
  'property',
] as const
export type PlacePost = (typeof PLACE_POSTS)[number]
export const PLACE_POST_LABELS: Record<PlacePost, string> = {
  building_head: '楼栋长',
  red_steward: '红色管家',
  party_household: '党员中心户',
  service_head: '服务长',
  liaison_head: '联系长',
  police: '社区民警',
  legal_adviser: '法律顾问',
  property: '物业',
}

/** The unit kinds each post may be set on ("2+4": 服务长/联系长 per 小区; 楼栋长 per 楼栋). */
export const POST_UNIT_KINDS: Record<PlacePost, readonly ('community' | 'grid' | 'estate' | 'building')[]> = {
  building_head: ['building'],
  red_steward: ['building'],
  party_household: ['building'],
  service_head: ['estate'],
  liaison_head: ['estate'],
  police: ['community', 'grid', 'estate'],
  legal_adviser: ['community', 'grid', 'estate'],
  property: ['estate'],
}

/** Contacts that are not accounts: always a name and a phone typed in by staff. */
export const CONTACT_POSTS: readonly PlacePost[] = ['police', 'legal_adviser', 'property']

/** Who serves me, in the order 为我服务 lists them. */
export const SERVER_KINDS = ['grid_worker', ...PLACE_POSTS] as const
export type ServerKind = (typeof SERVER_KINDS)[number]
export const SERVER_KIND_LABELS: Record<ServerKind, string> = { grid_worker: '网格员', ...PLACE_POST_LABELS }

export const PLACE_LIMITS = {
  estateNameMax: 30,
  buildingLabelMax: 20,
  roomMax: 30,
  unitCountMax: 50,
  householdsMax: 2000,
  workUnitMax: 50,
  partyOrgMax: 50,
  skillMax: 20,
  skillsMax: 10,
  /** Spreadsheets: bytes and data rows (a whole street is ~2,000 buildings). */
  sheetBytesMax: 5 * 1024 * 1024,
  sheetRowsMax: 10000,
  /** Residents confirmed in one go. */
  confirmMax: 200,
} as const

/** The columns of an import sheet, as the header row names them (first row). */
export const SHEET_COLUMNS = {
  estate: '小区',
  building: '楼栋',
  grid: '所属网格',
  unitCount: '单元数',
  households: '户数',
  lng: '经度',
  lat: '纬度',
} as const
export type SheetColumn = keyof typeof SHEET_COLUMNS
export const REQUIRED_SHEET_COLUMNS: readonly SheetColumn[] = ['estate', 'building', 'grid']

/**
 * `sheets/<openid>/`: where the app stores an import spreadsheet in CloudBase storage, so
 * the function can tell from the fileID who uploaded it (like types/photos.ts for photos).
 */
export function sheetCloudDir(openid: string): string {
  return `sheets/${openid}/`
}
