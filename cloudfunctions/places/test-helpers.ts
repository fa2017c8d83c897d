import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { saveUpload } from '../core/photos'
import { createTestEnv, type TestEnv } from '../core/testing'

/** A cell as tests write it: text, a number, or a formula. */
export type TestCell = string | number | null | { formula: string; result?: number }

export const HEADER = ['小区', '楼栋', '所属网格', '单元数', '户数']

/** An .xlsx file with one sheet holding `rows` (the first row is the header). */
export async function xlsx(rows: Iterable<TestCell[]>): Promise<Buffer> {
  // The streaming writer: a 20,000-row sheet takes a fraction of the in-memory writer's time.
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true })
  const sheet = book.addWorksheet('楼栋')
  for (const row of rows) sheet.addRow(row).commit()
  sheet.commit()
  await book.commit()
  return Buffer.concat(chunks)
}

/** Stores a file as the host's upload route would, for `openid`; answers its file id. */
export function upload(env: TestEnv, openid: string, bytes: Buffer, name = 'sheet.xlsx'): Promise<string> {
  return saveUpload(env.rt, name, bytes, openid)
}

/** An envelope's error code, or OK. */
export const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error!.code)

/** Staff of another community (下马陵社区), for the "wrong unit" cases. */
export const OTHER_STAFF = 'staff-xiamaling'

export async function addOtherStaff(env: TestEnv): Promise<void> {
  const now = env.clock.now().toISOString()
  await env.rt.db
    .collection('users')
    .doc(OTHER_STAFF)
    .set({ name: '吴桂英', phone: '13991230099', communityId: 'c-xiamaling', createdAt: now, updatedAt: now })
  await env.rt.db
    .collection('role_assignments')
    .doc(`${OTHER_STAFF}:community_staff:c-xiamaling`)
    .set({ openid: OTHER_STAFF, role: 'community_staff', unitId: 'c-xiamaling', createdAt: now, grantedBy: null })
}

/**
 * A fresh demo database per test with the other community's staff added, a loosely typed
 * `places` caller (the harness already checks every answer against the contract) and a
 * snapshot of collections for "changed nothing" assertions.
 */
export function usePlacesEnv() {
  let env: TestEnv
  beforeEach(async () => {
    env = await createTestEnv()
    await addOtherStaff(env)
  })
  afterEach(() => env.close())
  return {
    env: () => env,
    places: (openid: string | null, event: Record<string, unknown>): Promise<any> => env.call(openid, 'places', event),
    snapshot: async (...collections: string[]) =>
      JSON.stringify(await Promise.all(collections.map((c) => env.docs(c)))),
  }
}
