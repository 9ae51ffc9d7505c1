export { startMockStash, type RunningMockStash, type StartMockStashOptions } from './server/startMockStash';
export { createMockStashHandler, type MockStashHandler } from './server/createMockStashHandler';
export {
  MockStashCore,
  type MockStashOptions,
  type CoreRequest,
  type CoreResponse,
} from './server/MockStashCore';
export {
  FaultController,
  HoldGate,
  type Fault,
  type FaultMatcher,
  type HeldResponse,
  type InjectedGraphQLError,
} from './server/faults';
export type { RequestLog, RequestLogEntry } from './server/requestLog';
export { MockStashError } from './errors';
export { createManualClock, systemClock, type MockClock, type ManualClock } from './jobs/MockClock';
export { MockRuntime, type MockJobOptions } from './jobs/MockRuntime';
export type { Job, JobStatus, JobStatusUpdate, JobSpec, JobTiming } from './jobs/JobManager';
export type { LogEntry, LogLevel } from './jobs/MockLog';
export { MockDb, createDb } from './db/MockDb';
export { memoryPluginSource, type PluginSource } from './plugins/PluginSource';
export { nodePluginSource } from './plugins/nodePluginSource';
export { parsePluginManifest, type PluginManifest } from './plugins/pluginManifest';
export { PluginRegistry, type LoadedPlugin } from './plugins/PluginRegistry';
export {
  generateDataset,
  datasetCounts,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  MAX_SIZE,
  type Dataset,
} from './data/generateDataset';
export { createExecutableSchema } from './schema/createExecutableSchema';
export type * from './db/rows';
export { MockConfig, type MockConfigSeed } from './config/MockConfig';
