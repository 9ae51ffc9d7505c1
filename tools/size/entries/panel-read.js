// The read-only panel as the docs write it: the store from @stashkit/core/read (fetchTransport, no
// drafts, mutations or live), the provider and the two read hooks.
export { createStashStore } from '@stashkit/core/read';
export { StashProvider, useEntity, useFindIter } from '@stashkit/react';
