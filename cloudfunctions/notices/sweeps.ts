import type { Sweep } from '../scheduler/sweeps'
import { noticeSweep } from './publication'

/** Scheduled publication and the resumption of any fan-out left unfinished (a crash, or a large audience). */
export const NOTICE_SWEEPS: Sweep[] = [{ name: 'notices', run: noticeSweep }]
