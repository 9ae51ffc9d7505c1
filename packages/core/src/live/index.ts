/**
 * `@stashkit/core/live`: Stash's job and scan events over graphql-ws (a separate entry, so the main
 * bundle stays free of the websocket client). `store.connectLive()` loads it on demand.
 */
export {
  LiveConnection,
  connectLive,
  liveUrl,
  type LiveEvent,
  type LiveOptions,
  type LiveState,
  type LiveStatus,
  type LiveStore,
} from './liveConnection';
export { ALL_LISTS, JOB_RULES, jobRule, type JobRule } from './jobRules';
