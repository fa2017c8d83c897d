import type { Open311Form } from '../cloudfunctions/cases/domain/open311-post'

/*
 * A POST body as the form the cases function checks: every field as the list of its values.
 * Form-encoded bodies are that already. A JSON object maps onto it the way the spec's form
 * does: a value or a list of values per field, and `attribute` — the one nested field
 * GeoReport has — as `attribute[code]` (`attribute[code][]` for a list). Any other object
 * is refused with the field's name: turned into text it would be "[object Object]".
 */

type Scalar = string | number | boolean | null

const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
const text = (v: Scalar): string => (v === null ? '' : String(v))

/** The values of one field, or null when it holds something a form cannot. */
function valuesOf(v: unknown): string[] | null {
  if (isScalar(v)) return [text(v)]
  if (Array.isArray(v) && v.every(isScalar)) return v.map(text)
  return null
}

export type FormResult = { ok: true; form: Open311Form } | { ok: false; error: string }

const notAForm = (error: string): FormResult => ({ ok: false, error })

function jsonForm(body: string): FormResult {
  let value: unknown
  try {
    value = JSON.parse(body || '{}')
  } catch {
    return notAForm('the body must be form fields or a JSON object')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return notAForm('the body must be form fields or a JSON object')
  const out: Record<string, string[]> = {}
  for (const [key, v] of Object.entries(value)) {
    if (key === 'attribute' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [code, answer] of Object.entries(v)) {
        const values = valuesOf(answer)
        if (!values) return notAForm(`attribute[${code}] must be text or a number (or a list of them)`)
        out[Array.isArray(answer) ? `attribute[${code}][]` : `attribute[${code}]`] = values
      }
      continue
    }
    const values = valuesOf(v)
    if (!values) return notAForm(`${key} must be text or a number (or a list of them), not an object`)
    out[key] = values
  }
  return { ok: true, form: out }
}

/** Repeated fields keep every value (FixMyStreet repeats `media_url`). */
export function paramsOf(params: URLSearchParams): Open311Form {
  const out: Record<string, string[]> = {}
  for (const [k, v] of params) (out[k] ??= []).push(v)
  return out
}

/** The body of a POST, form-encoded or JSON (by its Content-Type), as form fields. */
export function formOf(body: string, type: string): FormResult {
  return /^application\/json/i.test(type) ? jsonForm(body) : { ok: true, form: paramsOf(new URLSearchParams(body)) }
}
