import type { ReactSubject } from './reactSubject';

/** `@stashkit/react` `useEntity` under `StashProvider`; null until the package exports them. */
export const stashkitReactSubject: ReactSubject | null = null;
export const unavailableReason = '@stashkit/react does not export useEntity/StashProvider yet';
