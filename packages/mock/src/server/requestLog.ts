/** One request the mock received (including rejected and faulted ones). */
export interface RequestLogEntry {
  operationName: string | null;
  /** The document text as received ('' when the body had none). */
  query: string;
  variables: Record<string, unknown> | null;
  /** When the request arrived (ms since epoch). */
  time: number;
  /** HTTP status answered; 0 when the connection was dropped. */
  status: number;
  /** Time taken to answer, in ms. */
  durationMs: number;
}

/** The request log: a plain array, emptied in place by `reset()` so held references stay valid. */
export type RequestLog = RequestLogEntry[];
