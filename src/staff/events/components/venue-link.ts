/** H5: the venue QR is a link to the check-in page of this site, which the phone's camera opens. */
export function venueLink(path: string): string {
  return `${window.location.origin}${window.location.pathname}#/${path}`
}
