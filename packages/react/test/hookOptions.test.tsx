// Catalog of bad hook options: each throws a StashValidationError naming the hook and the offending
// key or value at render (to the error boundary), sends no request and changes no record.
import { Component, type ReactNode } from 'react';
import { act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { StashValidationError, type StashEntityStore } from '@stashkit/core';
import { useEntity, useFind, useFindIter, useFindPage, usePopulate } from '../src/index';
import { newStore, React, renderWith, setupTestStash } from './helpers';

const stash = setupTestStash(20);

class Boundary extends Component<
  { onError: (e: unknown) => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

type Hook = (options: unknown) => unknown;
const as = (o: unknown) => o as never;
const HOOKS: Record<string, Hook> = {
  useEntity: (o) => useEntity('Scene', '1', as(o)),
  usePopulate: (o) => usePopulate({ __typename: 'Scene', id: '1' }, ['title'], as(o)),
  useFind: (o) => useFind('Scene', {}, as(o)),
  useFindIter: (o) => useFindIter('Scene', {}, as(o)),
  useFindPage: (o) => useFindPage('Scene', {}, as(o)),
};
const LISTS = ['useFind', 'useFindIter', 'useFindPage'];
const ALL = Object.keys(HOOKS);

function circular(): Record<string, unknown> {
  const f: Record<string, unknown> = { title: 'a' };
  f.AND = f;
  return f;
}

/** `[hook, options, texts the message names]`. */
const CASES: readonly (readonly [string, unknown, readonly string[]])[] = [
  ...ALL.map((h) => [h, { enabeld: false }, [`${h}: unknown option "enabeld"`, 'enabled']] as const),
  ...ALL.map((h) => [h, { enabled: 'no' }, [`${h}: enabled must be true or false`, '"no"']] as const),
  ...ALL.map((h) => [h, 'title', [`${h}: options must be an object`, '"title"']] as const),
  ...LISTS.map(
    (h) => [h, { signal: new AbortController().signal }, [`${h}: unknown option "signal"`]] as const,
  ),
  ...LISTS.map((h) => [h, { retry: -1 }, [`${h}: retry must be`, '-1']] as const),
  ...LISTS.map((h) => [h, { fields: 'title' }, [`${h}: fields must be an array`, '"title"']] as const),
  ...LISTS.map((h) => [h, { sort: 5 }, [`${h}: sort must be a string`, '5']] as const),
  ...LISTS.map((h) => [h, { direction: 'UP' }, [`${h}: direction must be one of`, '"UP"']] as const),
  ...LISTS.map((h) => [h, { q: ['a'] }, [`${h}: q must be a string`, '["a"]']] as const),
  ['useEntity', { fields: 'title' }, ['useEntity: fields must be an array', '"title"']],
  ['useEntity', { fields: 5 }, ['useEntity: fields must be an array', '5']],
  ['useEntity', { suspense: 1 }, ['useEntity: suspense must be true or false', '1']],
  ['useEntity', { forceRefetch: true }, ['useEntity: unknown option "forceRefetch"']],
  ['usePopulate', { fields: ['title'] }, ['usePopulate: unknown option "fields"']],
  ['usePopulate', { suspense: 'yes' }, ['usePopulate: suspense must be true or false', '"yes"']],
  ['useFind', { page: 2 }, ['useFind: unknown option "page"']],
  ['useFind', { batch: 10 }, ['useFind: unknown option "batch"']],
  ['useFindIter', { batch: 0 }, ['useFindIter: batch must be a positive integer', '0']],
  ['useFindIter', { batch: '40' }, ['useFindIter: batch must be a positive integer', '"40"']],
  ['useFindIter', { perPage: 10 }, ['useFindIter: unknown option "perPage"']],
  ['useFindPage', { page: '2' }, ['useFindPage: page must be an integer', '"2"']],
  ['useFindPage', { perPage: 2.5 }, ['useFindPage: perPage must be an integer', '2.5']],
  ['useFindPage', { batch: 10 }, ['useFindPage: unknown option "batch"']],
];

/** Filters with a cycle: refused as bad input, not by JSON.stringify. */
const FILTER_CASES: readonly (readonly [string, () => unknown])[] = [
  ['useFind', () => useFind('Scene', as(circular()))],
  ['useFindIter', () => useFindIter('Scene', as(circular()))],
  ['useFindPage', () => useFindPage('Scene', as(circular()))],
];

function seed(): StashEntityStore {
  const store = newStore(stash());
  store.ingest('Scene', { __typename: 'Scene', id: '1', title: 'A' });
  store.ingest('Tag', { __typename: 'Tag', id: '3', name: 'T' });
  return store;
}

async function expectRefused(use: () => unknown, names: readonly string[]): Promise<void> {
  const store = seed();
  const before = [store.cacheStats(), ...store.allCached('Scene'), ...store.allCached('Tag')];
  stash().reset();
  let error: unknown;
  vi.spyOn(console, 'error').mockImplementation(() => {});
  function Probe() {
    use();
    return <p>rendered</p>;
  }
  const view = renderWith(
    store,
    <Boundary onError={(e) => (error = e)}>
      <Probe />
    </Boundary>,
  );
  await act(async () => {
    await new Promise((r) => setImmediate(() => setImmediate(r)));
  });
  vi.restoreAllMocks();
  expect(view.container.textContent).toBe('');
  expect(error).toBeInstanceOf(StashValidationError);
  for (const n of names) expect((error as Error).message).toContain(n);
  expect(stash().requests).toHaveLength(0);
  const after = [store.cacheStats(), ...store.allCached('Scene'), ...store.allCached('Tag')];
  expect(after[0]).toEqual(before[0]);
  after.slice(1).forEach((e, i) => expect(e).toBe(before[i + 1]));
}

describe('hook options catalog', () => {
  it.each(CASES.map((c) => [`${c[0]}(${JSON.stringify(c[1])})`, c] as const))(
    '%s',
    (_name, [hook, options, names]) => expectRefused(() => HOOKS[hook](options), names),
  );
  it.each(FILTER_CASES.map((c) => [`${c[0]}(circular filter)`, c] as const))('%s', (_name, [, use]) =>
    expectRefused(use, ['circular reference at "AND"']),
  );
});

void React;
