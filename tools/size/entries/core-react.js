// Everything @stashkit/core and @stashkit/react export (graphql, graphql-request and React external).
export * from '@stashkit/core';
export * from '@stashkit/react';
