// A Stash plugin panel: definePlugin, the host-session store and the two read hooks (React is the host's).
export { definePlugin, createHostStore } from '@stashkit/plugin';
export { useEntity, useFindIter } from '@stashkit/react';
