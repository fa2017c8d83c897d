/**
 * The error every service call rejects with, for pages and hooks: they import it from here,
 * never from `services/transport/`, so the transport stays one replaceable seam.
 */
export { CallError, messageOf, type CallErrorCode } from './transport/call-error'
