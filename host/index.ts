export { createHost, MAX_JSON_BYTES, type Host, type HostOptions } from './server'
export { signToken, verifyToken } from './token'
