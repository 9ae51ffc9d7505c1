// The browser panel of issue 13 on the default transport (graphql-request): a store, the
// provider and the two read hooks.
export { createStashStore } from '@stashkit/core';
export { StashProvider, useEntity, useFindIter } from '@stashkit/react';
