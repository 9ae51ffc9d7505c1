import type { MockDb } from '../db/MockDb';
import type { MockConfig } from '../config/MockConfig';
import type { MockDlna } from '../config/MockDlna';
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
  /** This instance's Stash configuration (`configuration`, `configure*`). */
  config: MockConfig;
  /** This instance's DLNA service state. */
  dlna: MockDlna;
}
