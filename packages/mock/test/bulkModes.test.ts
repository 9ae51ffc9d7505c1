import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { data, startTestStash, type TestStash } from './helpers';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 300 });
});
beforeEach(() => stash.reset());
afterAll(() => stash.close());

// Every BulkUpdateIds field of every bulk mutation, including links stored on the other side
// (gallery scenes, image galleries, tag children, scene groups), read back as sorted ids.
// The default size-300 library has 45 tags; tags 40-44 are not ancestors of tags 1-3.
const CASES: {
  mutation: string;
  input: string;
  field: string;
  read: string;
  targets: string[];
  ids: [string, string, string];
}[] = [
  {
    mutation: 'bulkSceneUpdate',
    input: 'BulkSceneUpdateInput',
    field: 'performer_ids',
    read: 'performers { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkSceneUpdate',
    input: 'BulkSceneUpdateInput',
    field: 'gallery_ids',
    read: 'galleries { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkSceneUpdate',
    input: 'BulkSceneUpdateInput',
    field: 'group_ids',
    read: 'groups { group { id } }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkImageUpdate',
    input: 'BulkImageUpdateInput',
    field: 'tag_ids',
    read: 'tags { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkImageUpdate',
    input: 'BulkImageUpdateInput',
    field: 'performer_ids',
    read: 'performers { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkImageUpdate',
    input: 'BulkImageUpdateInput',
    field: 'gallery_ids',
    read: 'galleries { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkGalleryUpdate',
    input: 'BulkGalleryUpdateInput',
    field: 'tag_ids',
    read: 'tags { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkGalleryUpdate',
    input: 'BulkGalleryUpdateInput',
    field: 'performer_ids',
    read: 'performers { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkGalleryUpdate',
    input: 'BulkGalleryUpdateInput',
    field: 'scene_ids',
    read: 'scenes { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkPerformerUpdate',
    input: 'BulkPerformerUpdateInput',
    field: 'tag_ids',
    read: 'tags { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkStudioUpdate',
    input: 'BulkStudioUpdateInput',
    field: 'tag_ids',
    read: 'tags { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkGroupUpdate',
    input: 'BulkGroupUpdateInput',
    field: 'tag_ids',
    read: 'tags { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkSceneMarkerUpdate',
    input: 'BulkSceneMarkerUpdateInput',
    field: 'tag_ids',
    read: 'tags { id }',
    targets: ['11', '12'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkTagUpdate',
    input: 'BulkTagUpdateInput',
    field: 'parent_ids',
    read: 'parents { id }',
    targets: ['43', '44'],
    ids: ['1', '2', '3'],
  },
  {
    mutation: 'bulkTagUpdate',
    input: 'BulkTagUpdateInput',
    field: 'child_ids',
    read: 'children { id }',
    targets: ['1', '2'],
    ids: ['40', '41', '42'],
  },
];

const idsOf = (list: any[]) =>
  list.map((item) => (item.group ? item.group.id : item.id)).sort((a: string, b: string) => +a - +b);

describe('bulk updates: SET replaces, ADD unions, REMOVE subtracts, on every target', () => {
  for (const c of CASES) {
    it(`${c.mutation} ${c.field}`, async () => {
      const document = `mutation Bulk($input: ${c.input}!) { ${c.mutation}(input: $input) { id ${c.read} } }`;
      const run = async (ids: string[], mode: string) => {
        const result = await data(stash.url, document, {
          input: { ids: c.targets, [c.field]: { ids, mode } },
        });
        return (result[c.mutation] as any[]).map((row) => idsOf(Object.values(row)[1] as any[]));
      };
      const [a, b, d] = c.ids;
      expect(await run([a, b], 'SET')).toEqual([[a, b].map(String), [a, b].map(String)]);
      expect(await run([b, d], 'ADD')).toEqual([
        [a, b, d],
        [a, b, d],
      ]);
      expect(await run([a], 'REMOVE')).toEqual([
        [b, d],
        [b, d],
      ]);
    });
  }
});
