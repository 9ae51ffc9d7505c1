import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { data, startTestStash, type TestStash } from './helpers';

let stash: TestStash;
let origin: string;
beforeAll(async () => {
  stash = await startTestStash({ size: 10 });
  origin = new URL(stash.url).origin;
});
beforeEach(() => stash.reset());
afterAll(() => stash.close());

const CONFIGURE = `mutation Interface($input: ConfigInterfaceInput!) {
  configureInterface(input: $input) { css cssEnabled javascript javascriptEnabled customLocales customLocalesEnabled }
}`;
const text = async (path: string) => (await fetch(`${origin}${path}`)).text();

describe('/css, /javascript, /customlocales follow the interface settings', () => {
  it('serve the custom CSS and JavaScript only while enabled, each followed by a newline, as Stash', async () => {
    const css = 'body { color: red; }';
    const js = 'console.log("custom");';
    const answer = await data(stash.url, CONFIGURE, { input: { css, javascript: js } });
    expect(answer.configureInterface).toMatchObject({ css, cssEnabled: false, javascript: js });
    expect([await text('/css'), await text('/javascript')]).toEqual(['', '']);
    await data(stash.url, CONFIGURE, { input: { cssEnabled: true, javascriptEnabled: true } });
    expect([await text('/css'), await text('/javascript')]).toEqual([`${css}\n`, `${js}\n`]);
    await data(stash.url, CONFIGURE, { input: { css: '' } });
    expect(await text('/css')).toBe('\n'); // the file exists, empty
    await data(stash.url, CONFIGURE, { input: { javascriptEnabled: false } });
    expect(await text('/javascript')).toBe('');
  });

  it('enabled without ever being written, they are empty (no custom.css yet); locales fall back to {}', async () => {
    await data(stash.url, CONFIGURE, { input: { cssEnabled: true, customLocalesEnabled: true } });
    expect(await text('/css')).toBe('');
    expect(await text('/customlocales')).toBe('{}');
    const locales = '{"en-GB":{"actions":{"save":"Keep"}}}';
    await data(stash.url, CONFIGURE, { input: { customLocales: locales } });
    expect(await text('/customlocales')).toBe(locales);
    stash.reset();
    expect(await text('/customlocales')).toBe('{}');
  });
});
