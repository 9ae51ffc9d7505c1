// Only the error helpers of the main entry (a plugin that checks errors of another's store): what
// @stashkit/core's module-level code costs when the store is not used (tree-shaking's floor).
export { StashError, isStashError } from '@stashkit/core';
