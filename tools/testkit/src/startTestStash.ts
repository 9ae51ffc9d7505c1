import { startMockStash, type RunningMockStash, type StartMockStashOptions } from '@stashkit/mock';
import { validateDocument } from './validateDocument';

export interface TestStash extends RunningMockStash {
  /** Documents received so far that the real schema rejects, with the reasons. */
  invalidDocuments(): { query: string; operationName: string | null; errors: string[] }[];
}

/**
 * Starts the mock on a free port for a test suite. `close()` stops it and then throws if any
 * document it received is invalid against the real Stash schema (shared introspection), so every
 * suite that uses it proves its operations are valid: `afterAll(() => stash.close())`.
 * Documents the test sent on purpose as invalid can be allowed with `expectInvalid(query)`.
 */
export async function startTestStash(
  options: Omit<StartMockStashOptions, 'port'> = {},
): Promise<TestStash & { expectInvalid(query: string): void }> {
  const mock = await startMockStash({ ...options, port: 0 });
  const checked = new Map<string, string[]>();
  const allowed = new Set<string>();
  // The log is emptied by reset(), so documents are checked as they arrive.
  const seen: { query: string; operationName: string | null }[] = [];
  const originalPush = mock.requests.push.bind(mock.requests);
  mock.requests.push = (...entries) => {
    for (const e of entries) seen.push({ query: e.query, operationName: e.operationName });
    return originalPush(...entries);
  };

  const invalidDocuments = () => {
    const out: { query: string; operationName: string | null; errors: string[] }[] = [];
    for (const { query, operationName } of seen) {
      if (!query || allowed.has(query)) continue;
      let errors = checked.get(query);
      if (!errors) {
        errors = validateDocument(query);
        checked.set(query, errors);
      }
      if (errors.length > 0 && !out.some((o) => o.query === query))
        out.push({ query, operationName, errors });
    }
    return out;
  };

  return {
    ...mock,
    invalidDocuments,
    expectInvalid: (query: string) => void allowed.add(query),
    async close() {
      await mock.close();
      const invalid = invalidDocuments();
      if (invalid.length > 0) {
        const list = invalid.map(
          (d) =>
            `- ${d.operationName ?? '(anonymous)'}: ${d.errors.join('; ')}\n  ${d.query.replace(/\s+/g, ' ').slice(0, 300)}`,
        );
        throw new Error(
          `testkit: ${invalid.length} document(s) sent to the mock are invalid against the real Stash schema:\n${list.join('\n')}`,
        );
      }
    },
  };
}
