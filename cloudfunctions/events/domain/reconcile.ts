import type { RegistrationStatus } from '../collections'

/*
 * Bringing a registration in line with the seat book (pure). The book is the truth about
 * seats; a registration's status follows it. Seats are given in the book first and taken
 * back in the registration first, so after a crash at any step the two disagree in only
 * these ways, and each has one repair.
 */

export type Placement = 'held' | 'offered' | 'waiting' | 'none'

export type Fix =
  | { kind: 'none' }
  /** Write this status (with its notice). */
  | { kind: 'set'; status: 'confirmed' | 'pending' | 'offered' | 'waiting' }
  /** Not in the book yet (a sign-up stopped before placing it): place it. */
  | { kind: 'place' }
  /** Ended but still holding a seat or a place in line: give it back. */
  | { kind: 'release' }

const ENDED: readonly RegistrationStatus[] = ['cancelled', 'rejected']

export function reconcileRegistration(
  status: RegistrationStatus,
  placement: Placement,
  approvalRequired: boolean,
): Fix {
  if (ENDED.includes(status)) return placement === 'none' ? { kind: 'none' } : { kind: 'release' }
  switch (placement) {
    case 'none':
      // Only a sign-up that stopped before the book lacks it: a seat is never taken back
      // from an active registration in the book first.
      return { kind: 'place' }
    case 'waiting':
      return status === 'waiting' ? { kind: 'none' } : { kind: 'set', status: 'waiting' }
    case 'offered':
      return status === 'offered' ? { kind: 'none' } : { kind: 'set', status: 'offered' }
    case 'held':
      if (status === 'confirmed' || status === 'pending') return { kind: 'none' }
      // A new sign-up waits for approval where the event asks for it; someone moved up
      // from the waitlist (directly, or by accepting an offer) has their seat.
      return { kind: 'set', status: status === 'new' && approvalRequired ? 'pending' : 'confirmed' }
  }
}
