/*
 * Writes cut to a goal (issue 18), each with what its requests are: a change that makes one
 * of them dearer fails round-trips.test.ts. "Caller" is the user and roles read of every
 * signed-in call; a transaction costs its start and commit besides what it reads and writes.
 */

/** Most requests each of these actions may send, as the round-trip scripts play them. */
export const WRITES_AT_GOAL: Record<string, number> = {
  // caller; transaction: the wish read and written, the claim slot read and written, the notice
  'wishes.fulfil': 8,
  'wishes.release': 8,
  'wishes.dispute': 8,
  // caller; transaction: the wish read and written, the ledger entry, the notice
  'wishes.confirm': 7,
  // caller; transaction: the wish read and written, the notice
  'wishes.review': 6,
  'wishes.hide': 6,
  'wishes.thank': 6,
  // caller; the code with its event, registration and tally; transaction: the record read
  // and written, the person's 双报到 read, the tally (read and written: the event's first), the notice
  'events.checkIn': 10,
  // caller; the event with its confirmed people and tally; transaction as checkIn, the tally added to
  'events.checkInPerson': 9,
  // caller; the event with the caller's registration and tally; transaction as checkInPerson, no user read
  'events.selfCheckIn': 8,
  // caller; the event with the record; transaction: the record, the tally, the ledger entry, the notice
  'events.reverseHours': 9,
  // caller; the event with the record; the conditional update
  'events.checkOut': 3,
  // caller; the event with the caller's registration and record; the code's record inserted;
  // here also the signing secret made (a transaction, once per database; a warm runtime holds it)
  'events.myCode': 7,
  // caller; the event; the code's record inserted
  'events.venueCode': 3,
  // caller; the receipt with its notice and the person's grant; transaction: the receipt read
  // and written, the message
  'notices.remind': 7,
  // caller; the event with its book; the capacity; the event over the version read; the book for the answer
  'events.update': 5,
  // caller; the event with its book; the event over the version read
  'events.publish': 3,
  // caller; transaction: every occurrence in one insert, their books in another
  'events.createSeries': 5,
  // caller; the event; the call-off; the people signed up; the fan-out mark cleared; the book for the answer
  'events.cancelEvent': 6,
  'events.skip': 6,
  // caller; the event with the caller's registration; the book marked; transaction: the
  // registration read and written, its end notice; the seat given back; the book with the
  // longest waiting; the head seated; transaction: their registration, its offer notice
  // (read first: an offer is not once a round for certain); the book again, nobody left waiting
  'events.cancel': 18,
  // caller; the event with the caller's registration and any by their phone; the registration
  // inserted; placed in the book; the book read; transaction: the registration read and
  // written, its first notice of the round
  'events.signUp': 10,
  // caller; the event with its check-ins and minutes; the case as cases.submit stores it (its
  // categories, rules, settings and roster read cold here: the events script warms only its
  // own caches); the minutes created by one insert
  'events.raiseCase': 15,
  // caller; the receipt with its notice; the follow-up written
  'notices.recordFollowUp': 3,
  // caller; the caller's receipt with its notice; marked read (one conditional update as read)
  'notices.get': 3,
  // as notices.get, and the acknowledgement
  'notices.acknowledge': 4,
  // caller; the caller's receipt with its notice; following set
  'notices.follow': 3,
}
