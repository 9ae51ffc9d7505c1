import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data, gql, startTestStash, type TestStash } from './helpers';

let stash: TestStash;
beforeAll(async () => {
  stash = await startTestStash({ size: 100 });
});
afterAll(() => stash.close());

const DIRECTORY = `query Dir($path: String, $locale: String) { directory(path: $path, locale: $locale) { path parent directories } }`;
const dir = async (path?: string, locale?: string) =>
  (await data(stash.url, DIRECTORY, { path, locale })).directory;

describe('directory', () => {
  it("lists the home folder without a path, and any folder of the mock's tree", async () => {
    expect(await dir()).toEqual({ path: '/root', parent: '/', directories: ['/root/.stash'] });
    expect(await dir('/')).toEqual({ path: '/', parent: null, directories: ['/data', '/root'] });
    expect(await dir('/data')).toEqual({
      path: '/data',
      parent: '/',
      directories: ['/data/galleries', '/data/images', '/data/videos', '/data/zips'],
    });
    expect((await dir('/root/.stash')).directories).toEqual(
      ['blobs', 'cache', 'generated', 'metadata'].map((d) => `/root/.stash/${d}`),
    );
  });

  it('completes a partial last part from its parent, ignoring case', async () => {
    expect(await dir('/data/VI')).toEqual({
      path: '/data/VI',
      parent: '/data',
      directories: ['/data/videos'],
    });
    expect((await dir('/data/x')).directories).toEqual([]);
  });

  it('sorts with the locale (numbers as numbers), and fails for a missing parent as Stash', async () => {
    const videos = (await dir('/data/videos')).directories as string[];
    expect(videos.length).toBeGreaterThan(2);
    expect(videos).toEqual([...videos].sort());
    expect((await dir('/data/videos', 'en-US')).directories).toEqual(
      [...videos].sort(new Intl.Collator('en-US', { numeric: true, sensitivity: 'accent' }).compare),
    );
    const answer = await gql(stash.url, DIRECTORY, { path: '/nope/x' });
    expect(answer.body).toEqual({
      data: null,
      errors: [{ message: 'open /nope: no such file or directory', path: ['directory'] }],
    });
  });
});
