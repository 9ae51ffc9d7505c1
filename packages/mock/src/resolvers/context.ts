import type { MockDb } from '../db/MockDb';
import type { MockRuntime } from '../jobs/MockRuntime';

/** What every resolver gets as its GraphQL context. */
export interface ResolverContext {
  db: MockDb;
  /** Scheme, host and any prefix of the request, e.g. `http://127.0.0.1:9999`; media URLs are built from it. */
  baseUrl: string;
  /** The configured API key, added to `Scene.paths.stream` as Stash does. */
  apiKey: string | null;
  /** Jobs, the server log, scan notifications and plugins of this mock instance. */
  runtime: MockRuntime;
}
