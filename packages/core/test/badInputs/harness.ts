/**
 * The bad-input catalog's harness: each case runs against a fresh store over the mock with a few
 * seeded records, and must fail with the expected error class and a message naming the offending
 * value or key, send zero requests, and leave every record (and every draft's edits) unchanged.
 */
import { expect } from 'vitest';
import type { TestStash } from '@stashkit/testkit';
import {
  createStashStore,
  StashValidationError,
  type EntitySnapshot,
  type StashEntityStore,
} from '../../src/index';

export interface Seeded {
  readonly store: StashEntityStore;
  readonly scene: EntitySnapshot;
  readonly studio: EntitySnapshot;
  readonly tag: EntitySnapshot;
  readonly performer: EntitySnapshot;
  readonly gallery: EntitySnapshot;
  readonly image: EntitySnapshot;
  /** A draft of the scene with one edit (title), whose edits must survive every bad input. */
  readonly sceneDraft: Record<string, unknown> & { changes(): Record<string, unknown> };
  readonly galleryDraft: Record<string, unknown> & { changes(): Record<string, unknown> };
}

export interface BadInput {
  readonly name: string;
  readonly run: (t: Seeded) => unknown;
  /** Substrings (or patterns) the message must contain: the offending value or key. */
  readonly names: string | RegExp | readonly (string | RegExp)[];
  /** Default `StashValidationError`. */
  readonly error?: abstract new (...args: never[]) => Error;
}

function seed(stash: TestStash): Seeded {
  const store = createStashStore({ url: stash.url, apiKey: 'catalog-key' });
  const studio = store.ingest('Studio', { __typename: 'Studio', id: '2', name: 'S' });
  const tag = store.ingest('Tag', { __typename: 'Tag', id: '3', name: 'T' });
  const performer = store.ingest('Performer', { __typename: 'Performer', id: '4', name: 'P' });
  const gallery = store.ingest('Gallery', { __typename: 'Gallery', id: '5', title: 'G' });
  const image = store.ingest('Image', { __typename: 'Image', id: '6', title: 'I' });
  const scene = store.ingest('Scene', {
    __typename: 'Scene',
    id: '1',
    title: 'A',
    date: '2020-01-01',
    rating100: 50,
    o_counter: 1,
    organized: false,
    studio: { __typename: 'Studio', id: '2', name: 'S' },
    tags: [{ __typename: 'Tag', id: '3', name: 'T' }],
    performers: [],
  });
  const sceneDraft = store.edit(scene as never) as unknown as Seeded['sceneDraft'];
  sceneDraft.title = 'edited';
  const galleryDraft = store.edit(gallery as never) as unknown as Seeded['galleryDraft'];
  galleryDraft.title = 'edited';
  return { store, scene, studio, tag, performer, gallery, image, sceneDraft, galleryDraft };
}

const TYPES = ['Scene', 'Studio', 'Tag', 'Performer', 'Gallery', 'Image'] as const;

function state(t: Seeded): unknown[] {
  const out: unknown[] = [t.store.cacheStats(), t.sceneDraft.changes(), t.galleryDraft.changes()];
  for (const type of TYPES) for (const e of t.store.allCached(type)) out.push(e);
  return out;
}

// Two macrotasks: anything queued into the loader's tick would have been sent by then.
const flush = () => new Promise<void>((r) => setImmediate(() => setImmediate(r)));

/** Runs one catalog case; see the module comment for what it asserts. */
export async function checkBadInput(stash: TestStash, input: BadInput): Promise<void> {
  const t = seed(stash);
  const before = state(t);
  let batches = 0;
  t.store.subscribe(() => void batches++);
  stash.reset();
  let error: unknown;
  let threw = false;
  try {
    await input.run(t);
  } catch (e) {
    error = e;
    threw = true;
  }
  await flush();
  expect(threw, `${input.name}: should fail`).toBe(true);
  expect(error).toBeInstanceOf(input.error ?? StashValidationError);
  const message = (error as Error).message;
  const names =
    typeof input.names === 'string' || input.names instanceof RegExp ? [input.names] : input.names;
  for (const n of names) {
    if (typeof n === 'string') expect(message).toContain(n);
    else expect(message).toMatch(n);
  }
  expect(stash.requests.length, `${input.name}: requests sent`).toBe(0);
  expect(batches, `${input.name}: write batches`).toBe(0);
  const after = state(t);
  expect(after.length).toBe(before.length);
  after.forEach((v, i) => {
    if (typeof v === 'object' && v !== null && '__typename' in v) expect(v).toBe(before[i]);
    else expect(v).toEqual(before[i]);
  });
}
