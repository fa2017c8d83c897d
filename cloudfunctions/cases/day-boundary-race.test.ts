import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seedDemo } from '../../demo'
import { openEmbeddedDb } from '../../embedded-db'
import { INDEXES } from '../core/indexes'
import { createLocalRuntime, createSettableClock } from '../core/local-runtime'
import { CASE_COLLECTIONS, type CaseCounterDoc, type CaseDoc, type FigureCounterDoc } from './collections'
import { tallyFigureCounters } from './figure-counters'
import { counterViews } from './test-helpers'

/*
 * The first 诉求 of a day once failed with INTERNAL "duplicate _id in case_counters": two
 * processes on one database file, the counter created by one while the other still took the
 * collection for missing. Here two real processes open a fresh database (no case yet, so no
 * counter collection), then both submit at once on both sides of midnight in Shanghai: every
 * submission must succeed, each day's numbers must run 1..n without a gap or a repeat, and
 * the day counters and the per-unit per-day figure counters must agree with the cases.
 */

const CHILD = path.join(__dirname, 'fixtures', 'day-boundary-submitter.ts')
const BEFORE = '2026-11-22T15:59:59.900Z' // 23:59:59.9 on 11月22日 in Shanghai
const AFTER = '2026-11-22T16:00:00.100Z' // 00:00:00.1 on 11月23日
const PER_SIDE = 8

interface Child {
  ready: Promise<void>
  go(): void
  answers: Promise<Array<{ ok: boolean; error?: { code: string; message: string }; logged?: string[] }>>
}

function submitter(file: string, dataDir: string, openid: string): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, file, dataDir, openid, String(PER_SIDE), BEFORE, AFTER],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let out = ''
  let err = ''
  let onReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (out.startsWith('ready\n')) onReady()
  })
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const answers = new Promise<Child['answers'] extends Promise<infer T> ? T : never>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`submitter ${openid} failed (${code}): ${err}`))
      resolve(
        out
          .split('\n')
          .slice(1)
          .filter(Boolean)
          .map((line) => JSON.parse(line)),
      )
    })
  })
  return { ready, go: () => child.stdin.end('go\n'), answers }
}

describe('case numbers at a day boundary across two processes', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'minhu-day-race-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('should give every submission a number, each day 1..n once, with counters that agree', async () => {
    const file = path.join(dir, 'race.sqlite')
    const setup = openEmbeddedDb({ file, indexes: INDEXES })
    await seedDemo(createLocalRuntime({ db: setup.db, clock: createSettableClock(BEFORE), dataDir: dir, quiet: true }))
    setup.close()

    const children = [submitter(file, dir, 'demo-resident-1'), submitter(file, dir, 'demo-resident-2')]
    await Promise.all(children.map((c) => c.ready))
    for (const c of children) c.go()
    const answers = (await Promise.all(children.map((c) => c.answers))).flat()
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(answers).toHaveLength(4 * PER_SIDE)

    const check = openEmbeddedDb({ file, indexes: INDEXES })
    try {
      const stored = (await check.db.collection(CASE_COLLECTIONS.cases).limit(1000).get()).data as CaseDoc[]
      const byDay = new Map<string, number[]>()
      for (const c of stored) {
        const [, day, seq] = c.number.split('-')
        byDay.set(day!, [...(byDay.get(day!) ?? []), Number(seq)])
      }
      const range = Array.from({ length: 2 * PER_SIDE }, (_, i) => i + 1)
      expect(Object.fromEntries([...byDay].map(([day, seqs]) => [day, seqs.sort((a, b) => a - b)]))).toEqual({
        '20261122': range,
        '20261123': range,
      })
      const counters = (await check.db.collection(CASE_COLLECTIONS.counters).get()).data as CaseCounterDoc[]
      expect(counters.map((c) => [c._id, c.seq]).sort()).toEqual([
        ['case-number:BL:20261122', 2 * PER_SIDE],
        ['case-number:BL:20261123', 2 * PER_SIDE],
      ])
      const kept = (await check.db.collection(CASE_COLLECTIONS.figureCounters).limit(1000).get())
        .data as FigureCounterDoc[]
      const recounted = tallyFigureCounters(stored, new Date(AFTER))
      expect(counterViews(kept)).toEqual(counterViews(recounted))
      expect(recounted.map((c) => c.day).sort()).toEqual(['2026-11-22', '2026-11-23'])
    } finally {
      check.close()
    }
  }, 90_000)
})
