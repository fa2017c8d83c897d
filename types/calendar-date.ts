import { z } from 'zod'

/** A calendar day as `YYYY-MM-DD` that really exists (no 2 月 30 日), with Chinese messages. */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-10-01')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, '没有这一天，请检查日期')
