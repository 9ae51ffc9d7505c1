// The same panel with the store from @stashkit/core/fetch (fetchTransport, no graphql-request).
export { createStashStore } from '@stashkit/core/fetch';
export { StashProvider, useEntity, useFindIter } from '@stashkit/react';
