import { useState } from 'react'
import { toast, toastError } from '../lib/feedback'

/**
 * A review list's decisions (核实, 审核): one row busy at a time, its buttons showing it, a
 * toast when done, the list read again; a refusal is shown and the row is free again.
 */
export function useRowAction(reload: () => Promise<unknown>) {
  const [acting, setActing] = useState<string | null>(null)
  const act = async (rowId: string, work: () => Promise<unknown>, done: string): Promise<void> => {
    setActing(rowId)
    try {
      await work()
      toast(done, 'success')
      await reload()
    } catch (error) {
      toastError(error)
    } finally {
      setActing(null)
    }
  }
  return { acting, act }
}
