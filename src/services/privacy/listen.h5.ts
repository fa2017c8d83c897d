/** H5 has no platform privacy event: locate.h5.ts asks for consent itself. */
export function listenForPrivacyRequests(): void {}
