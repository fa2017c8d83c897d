import { useRef, useState } from 'react'
import { toastError } from '../../lib/feedback'
import { casesService, type CaseDetail, type SimilarCase, type SubmitCaseInput } from '../../services/cases'
import { newClientRequestId } from './format'

export type CaseDraft = Omit<SubmitCaseInput, 'clientRequestId'>

/**
 * Sending a case. `check` first looks for open cases like it nearby (when the draft has a point
 * and none were looked for yet); none, or no point → `send` at once. The hook keeps one client
 * request id, so a retried submit makes one case.
 */
export function useCaseSubmit() {
  const [similar, setSimilar] = useState<SimilarCase[] | null>(null)
  const [saving, setSaving] = useState(false)
  const [created, setCreated] = useState<CaseDetail | null>(null)
  const requestId = useRef(newClientRequestId())

  const send = async (draft: CaseDraft) => {
    setSaving(true)
    try {
      const res = await casesService.submit({ clientRequestId: requestId.current, ...draft })
      setCreated(res.case)
    } catch (error) {
      // The same request id goes out again on the next tap, so a retry cannot make a second case.
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  const check = async (draft: CaseDraft) => {
    if (draft.location && similar === null) {
      setSaving(true)
      try {
        const found = await casesService.similarNearby({ categoryCode: draft.categoryCode, location: draft.location })
        if (found.items.length > 0) {
          setSimilar(found.items)
          setSaving(false)
          return
        }
      } catch {
        // Suggestions are a courtesy: failing to fetch them must not stop the resident.
      }
      setSaving(false)
    }
    await send(draft)
  }

  return { similar, saving, created, send, check, clearSimilar: () => setSimilar(null) }
}
