/** Shared test helpers: a mock Stash over HTTP, a store per test, render counting. */
import React, { StrictMode, type ReactNode } from 'react';
import { act, cleanup, render, waitFor, type RenderResult } from '@testing-library/react';
import { createStashStore, type StashEntityStore } from '@stashkit/core';
import { startTestStash, type TestStash } from '@stashkit/testkit';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { StashProvider } from '../src/index';

/** Starts the mock for the file; `stash()` is the running one (requests reset before each test). */
export function setupTestStash(size = 200): () => TestStash {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ size });
  });
  afterAll(async () => {
    await stash.close();
  });
  beforeEach(() => stash.reset());
  // RTL only cleans up by itself when test globals exist; vitest has none by default.
  afterEach(() => cleanup());
  return () => stash;
}

// Injected faults are asserted one request at a time: no retries (core's retry tests cover them).
export function newStore(stash: TestStash): StashEntityStore {
  return createStashStore({ url: stash.url, retry: false });
}

export function renderWith(store: StashEntityStore, ui: ReactNode, strict = false): RenderResult {
  const tree = <StashProvider store={store}>{ui}</StashProvider>;
  return render(strict ? <StrictMode>{tree}</StrictMode> : tree);
}

/** Runs store writes inside act and lets the batched notifications flush. */
export async function write(fn: () => void): Promise<void> {
  await act(async () => {
    fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export { act, waitFor, React };
