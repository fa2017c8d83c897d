/** Hooks the platform's privacy events. Resolved per platform: listen.weapp.ts / listen.h5.ts. */
export function listenForPrivacyRequests(): void {}
