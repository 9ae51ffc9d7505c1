import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { data, gql, startTestStash, type TestStash } from './helpers';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 100 });
});
beforeEach(() => stash.reset());
afterAll(() => stash.close());

const SUBS = `query Subs($id: ID!) { findGroup(id: $id) { sub_groups { group { name } description } } }`;
const REORDER = `mutation Reorder($input: ReorderSubGroupsInput!) { reorderSubGroups(input: $input) }`;

/** A containing group P whose sub-groups are new groups A, B, C, D (given in the order C, A, B, D). */
async function family(): Promise<Record<string, string>> {
  const id: Record<string, string> = {};
  for (const name of ['A', 'B', 'C', 'D']) {
    id[name] = (
      await data(stash.url, `mutation New($n: String!) { groupCreate(input: { name: $n }) { id } }`, {
        n: name,
      })
    ).groupCreate.id;
  }
  const subs = ['C', 'A', 'B', 'D'].map((n) => ({ group_id: id[n], description: n.toLowerCase() }));
  id.P = (
    await data(
      stash.url,
      `mutation P($subs: [GroupDescriptionInput!]) { groupCreate(input: { name: "P", sub_groups: $subs }) { id } }`,
      {
        subs,
      },
    )
  ).groupCreate.id;
  return id;
}

const order = async (id: string) =>
  ((await data(stash.url, SUBS, { id })).findGroup.sub_groups as { group: { name: string } }[])
    .map((s) => s.group.name)
    .join('');

describe('sub-group order', () => {
  it('keeps the order sub_groups were given in, and reorderSubGroups moves before or after a sub-group', async () => {
    const id = await family();
    expect(await order(id.P!)).toBe('CABD');
    await data(stash.url, REORDER, { input: { group_id: id.P, sub_group_ids: [id.D], insert_at_id: id.C } });
    expect(await order(id.P!)).toBe('DCAB');
    await data(stash.url, REORDER, {
      input: { group_id: id.P, sub_group_ids: [id.D, id.C], insert_at_id: id.B, insert_after: true },
    });
    // each id in turn goes right after B, so the later one ends up first after it (as Stash's loop does)
    expect(await order(id.P!)).toBe('ABCD');
    await data(stash.url, REORDER, { input: { group_id: id.P, sub_group_ids: [id.A], insert_at_id: id.A } });
    expect(await order(id.P!)).toBe('ABCD');
    // descriptions stay with their links
    const subs = (await data(stash.url, SUBS, { id: id.P })).findGroup.sub_groups;
    expect(subs.map((s: any) => s.description).join('')).toBe('abcd');
  });

  it('addGroupSubGroups appends, or inserts before the sub-group at insert_index', async () => {
    const id = await family();
    const E = (await data(stash.url, `mutation E { groupCreate(input: { name: "E" }) { id } }`)).groupCreate
      .id;
    const F = (await data(stash.url, `mutation F { groupCreate(input: { name: "F" }) { id } }`)).groupCreate
      .id;
    const add = `mutation Add($input: GroupSubGroupAddInput!) { addGroupSubGroups(input: $input) }`;
    await data(stash.url, add, { input: { containing_group_id: id.P, sub_groups: [{ group_id: E }] } });
    expect(await order(id.P!)).toBe('CABDE');
    await data(stash.url, add, {
      input: { containing_group_id: id.P, sub_groups: [{ group_id: F }], insert_index: 2 },
    });
    expect(await order(id.P!)).toBe('CFABDE');
    const refusals: [Record<string, unknown>, string][] = [
      [
        { containing_group_id: id.P, sub_groups: [{ group_id: id.A }, { group_id: E }] },
        `subgroups with IDs [${id.A} ${E}] already in group`,
      ],
      [{ containing_group_id: '99999', sub_groups: [{ group_id: E }] }, 'not found'],
      [
        { containing_group_id: E, sub_groups: [{ group_id: id.P }] },
        'a group cannot be contained by one of its subgroups',
      ],
    ];
    for (const [input, message] of refusals) {
      const answer = await gql(stash.url, add, { input });
      expect(answer.body).toEqual({ data: null, errors: [{ message, path: ['addGroupSubGroups'] }] });
    }
    const update = await gql(
      stash.url,
      `mutation U { groupUpdate(input: { id: "99999", name: "x" }) { id } }`,
    );
    expect(update.body.errors).toEqual([{ message: 'not found', path: ['groupUpdate'] }]);
  });

  it('fails as Stash does', async () => {
    const id = await family();
    const cases: [Record<string, unknown>, string][] = [
      [{ group_id: '99999', sub_group_ids: [id.A], insert_at_id: id.B }, 'not found'],
      [{ group_id: id.P, sub_group_ids: [id.A], insert_at_id: '-1' }, 'invalid insert index'],
      [
        { group_id: id.P, sub_group_ids: [id.A], insert_at_id: id.P },
        `sub-group ${id.P} not found in containing group ${id.P}`,
      ],
      [
        { group_id: 'x', sub_group_ids: [], insert_at_id: '1' },
        'converting group id: strconv.Atoi: parsing "x": invalid syntax',
      ],
    ];
    for (const [input, message] of cases) {
      const answer = await gql(stash.url, REORDER, { input });
      expect(answer.body).toEqual({ data: null, errors: [{ message, path: ['reorderSubGroups'] }] });
    }
    expect(await order(id.P!)).toBe('CABD');
  });
});

describe('deprecated movie mutations', () => {
  it('create, update, bulk update and destroy group rows, as Stash still answers them', async () => {
    const created = await data(
      stash.url,
      `mutation MC { movieCreate(input: { name: " Old Movie ", url: "https://m.example", back_image: "data:," }) { id name urls front_image_path } }`,
    );
    const id = created.movieCreate.id;
    expect(created.movieCreate).toMatchObject({ name: 'Old Movie', urls: ['https://m.example'] });
    expect(created.movieCreate.front_image_path).toContain(`/group/${id}/frontimage`);
    await data(stash.url, `mutation MU($id: ID!) { movieUpdate(input: { id: $id, synopsis: "s" }) { id } }`, {
      id,
    });
    await data(
      stash.url,
      `mutation MB($id: ID!) { bulkMovieUpdate(input: { ids: [$id], director: "d" }) { id } }`,
      { id },
    );
    const group = (
      await data(stash.url, `query G($id: ID!) { findGroup(id: $id) { name synopsis director } }`, { id })
    ).findGroup;
    expect(group).toEqual({ name: 'Old Movie', synopsis: 's', director: 'd' });
    expect(
      (await data(stash.url, `mutation MD($id: ID!) { movieDestroy(input: { id: $id }) }`, { id }))
        .movieDestroy,
    ).toBe(true);
    const again = await gql(stash.url, `mutation MD2($id: ID!) { movieDestroy(input: { id: $id }) }`, { id });
    expect(again.body.errors).toEqual([
      { message: `id ${id} does not exist in groups`, path: ['movieDestroy'] },
    ]);
    const update = await gql(
      stash.url,
      `mutation MU2 { movieUpdate(input: { id: "99999", name: "x" }) { id } }`,
    );
    expect(update.body.errors).toEqual([{ message: 'sql: no rows in result set', path: ['movieUpdate'] }]);
  });
});
