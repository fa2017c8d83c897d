import { createHash } from 'node:crypto'

/**
 * A document id derived from what makes the document unique (a person and a community, a
 * submitter and a client request id): writing it twice collides instead of duplicating,
 * and the id shows none of its parts — ids travel to other people (staff lists, links), an
 * openid must not.
 */
export function derivedId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)
}
