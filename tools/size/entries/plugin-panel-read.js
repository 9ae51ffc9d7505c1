// A read-only Stash plugin panel: definePlugin and the host-session store of @stashkit/plugin/read
// (no drafts, mutations, live or graphql-ws) and the two read hooks (React is the host's).
export { definePlugin, createHostStore } from '@stashkit/plugin/read';
export { useEntity, useFindIter } from '@stashkit/react';
