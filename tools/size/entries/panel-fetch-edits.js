// The fetch panel plus editing: drafts saved through useSave (what a read-only panel must not pay for).
export { createStashStore } from '@stashkit/core/fetch';
export { StashProvider, useEntity, useFindIter, useSave, useDelete } from '@stashkit/react';
