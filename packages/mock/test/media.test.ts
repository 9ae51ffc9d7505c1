import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as committed from '../src/media/generated/mediaFiles';
import { createMockStashHandler } from '../src/index';
import { data, startTestStash, type TestStash } from './helpers';

const SCENES = `query Scenes($filter: FindFilterType, $scene_filter: SceneFilterType) {
  findScenes(filter: $filter, scene_filter: $scene_filter) { scenes { id title interactive
    captions { language_code caption_type }
    paths { screenshot preview stream webp vtt sprite funscript interactive_heatmap caption }
    scene_markers { id title stream preview screenshot } } } }`;
const OTHERS = `query Others {
  findPerformers(filter: { per_page: 2 }) { performers { id name image_path } }
  findStudios(filter: { per_page: 2 }) { studios { id name image_path } }
  findTags(filter: { per_page: 2 }) { tags { id name image_path } }
  findGroups(filter: { per_page: 2 }) { groups { id name front_image_path back_image_path } }
  findGalleries(filter: { per_page: 2 }) { galleries { id paths { cover preview } } }
  findImages(filter: { per_page: 2 }) { images { id paths { image thumbnail preview } } } }`;

interface Got {
  status: number;
  type: string | null;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Got> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    headers: response.headers,
    bytes,
    text: new TextDecoder().decode(bytes),
  };
}

const hex = (b: Uint8Array, from: number, to: number) => Buffer.from(b.slice(from, to)).toString('hex');
/** Magic numbers of the committed files. */
const isMp4 = (b: Uint8Array) => Buffer.from(b.slice(4, 8)).toString() === 'ftyp';
const isWebm = (b: Uint8Array) => hex(b, 0, 4) === '1a45dfa3';
const isWebp = (b: Uint8Array) => Buffer.from(b.slice(8, 12)).toString() === 'WEBP';
const isJpeg = (b: Uint8Array) => hex(b, 0, 2) === 'ffd8';
const isSvg = (g: Got) =>
  g.type === 'image/svg+xml' && g.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"');

describe('media routes', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ size: 200 });
  });
  afterAll(() => stash.close());

  it('every scene and marker URL answers with content of its type', async () => {
    const { scenes } = (
      await data(stash.url, SCENES, { filter: { per_page: 3, sort: 'id', direction: 'ASC' } })
    ).findScenes;
    expect(scenes).toHaveLength(3);
    expect(scenes.flatMap((s: { scene_markers: unknown[] }) => s.scene_markers).length).toBeGreaterThan(0);
    for (const scene of scenes) {
      const p = scene.paths;
      const shot = await get(p.screenshot);
      expect(isSvg(shot)).toBe(true);
      expect(shot.text).toContain(`Scene ${scene.id}`);
      expect(shot.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      for (const url of [p.preview, p.stream]) {
        const video = await get(url);
        expect([video.status, video.type, isMp4(video.bytes)]).toEqual([200, 'video/mp4', true]);
        expect(video.headers.get('cache-control')).toBe('no-cache');
      }
      const webp = await get(p.webp);
      expect([webp.type, isWebp(webp.bytes)]).toEqual(['image/webp', true]);
      const vtt = await get(p.vtt);
      expect(vtt.type).toBe('text/vtt');
      const hash = /\/scene\/(\w+)_thumbs\.vtt$/.exec(p.vtt)![1];
      expect(vtt.text).toMatch(
        new RegExp(
          `^WEBVTT\\n\\n00:00:00\\.000 --> \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\n${hash}_sprite\\.jpg#xywh=0,0,160,90\\n`,
        ),
      );
      expect(vtt.text.split('#xywh=')).toHaveLength(10);
      const sprite = await get(p.sprite);
      expect([sprite.type, isJpeg(sprite.bytes)]).toEqual(['image/jpeg', true]);
      for (const m of scene.scene_markers) {
        expect((await get(m.stream)).type).toBe('video/mp4');
        expect((await get(m.preview)).type).toBe('image/webp');
        const markerShot = await get(m.screenshot);
        expect(isSvg(markerShot)).toBe(true);
        expect(markerShot.text).toContain(`Marker ${m.id}`);
      }
      // no ?lang/type match: Stash writes nothing
      expect(await get(p.caption)).toMatchObject({ status: 200, text: '' });
    }
  });

  it('funscript and heatmap exist for interactive scenes only; captions per language', async () => {
    const { scenes } = (
      await data(stash.url, SCENES, { filter: { per_page: 1 }, scene_filter: { interactive: true } })
    ).findScenes;
    const [interactive] = scenes;
    const script = await get(interactive.paths.funscript);
    expect(script.type).toBe('text/plain; charset=utf-8');
    const parsed = JSON.parse(script.text);
    expect(parsed.actions.length).toBeGreaterThan(2);
    expect(parsed.actions[1].pos).toBe(100);
    expect(isSvg(await get(interactive.paths.interactive_heatmap))).toBe(true);

    const plain = (
      await data(stash.url, SCENES, { filter: { per_page: 1 }, scene_filter: { interactive: false } })
    ).findScenes.scenes[0];
    expect(await get(plain.paths.funscript)).toMatchObject({ status: 404, text: '404 page not found\n' });
    expect((await get(plain.paths.interactive_heatmap)).status).toBe(404);

    const withCaptions = (
      await data(stash.url, SCENES, {
        filter: { per_page: 1 },
        scene_filter: { captions: { value: 'en', modifier: 'INCLUDES' } },
      })
    ).findScenes.scenes[0];
    const [caption] = withCaptions.captions;
    const vtt = await get(
      `${withCaptions.paths.caption}?lang=${caption.language_code}&type=${caption.caption_type}`,
    );
    expect(vtt.type).toBe('text/vtt');
    expect(vtt.text).toMatch(/^WEBVTT\n\n1\n00:00:01\.000 --> 00:00:04\.000\n/);
  });

  it('performer, studio, tag, group, gallery and image URLs are placeholders with the name on them', async () => {
    const d = await data(stash.url, OTHERS);
    for (const p of d.findPerformers.performers) {
      const got = await get(p.image_path);
      expect(isSvg(got)).toBe(true);
      expect(got.text).toContain(p.name.split(' ')[0]);
    }
    for (const s of d.findStudios.studios)
      expect((await get(s.image_path)).text).toContain(s.name.split(' ')[0]);
    for (const t of d.findTags.tags) expect((await get(t.image_path)).text).toContain(t.name.split(' ')[0]);
    for (const g of d.findGroups.groups) {
      expect((await get(g.front_image_path)).text).toContain(g.name.split(' ')[0]);
      if (g.back_image_path) expect(isSvg(await get(g.back_image_path))).toBe(true);
    }
    for (const g of d.findGalleries.galleries) {
      expect(isSvg(await get(g.paths.cover))).toBe(true);
      const first = await get(g.paths.preview);
      expect(first.status).toBe(200);
    }
    for (const i of d.findImages.images) {
      expect(isSvg(await get(i.paths.image))).toBe(true);
      expect((await get(i.paths.thumbnail)).text).toContain(`Image ${i.id}`);
      // a clip preview exists only for video images
      expect((await get(i.paths.preview)).status).toBe(404);
    }
  });

  it('animated images serve their video; escapes names; a bad id is 400 for scenes, 404 elsewhere', async () => {
    const video = [...stash.db.table('Image').values()].find(
      (i) => stash.db.get('File', i.file_ids[0]!)?.typename === 'VideoFile',
    )!;
    const origin = new URL(stash.url).origin;
    const clip = await get(`${origin}/image/${video.id}/image`);
    expect([clip.type, isWebm(clip.bytes)]).toEqual(['video/webm', true]);
    expect((await get(`${origin}/image/${video.id}/preview`)).type).toBe('video/mp4');

    const performer = stash.db.table('Performer').values().next().value!;
    stash.db.update('Performer', performer.id, { name: 'A <b>&"bold"</b>' } as never);
    expect((await get(`${origin}/performer/${performer.id}/image`)).text).toContain(
      'A &lt;b&gt;&amp;&quot;bold&quot;&lt;/b&gt;',
    );

    expect(await get(`${origin}/scene/abc/screenshot`)).toMatchObject({ status: 400, text: 'Bad Request\n' });
    expect(await get(`${origin}/scene/999999/screenshot`)).toMatchObject({
      status: 404,
      text: 'Not Found\n',
    });
    expect((await get(`${origin}/performer/abc/image`)).status).toBe(404);
    expect((await get(`${origin}/scene/1/nothing`)).status).toBe(404);
    expect((await get(`${origin}/scene/nohash_thumbs.vtt`)).status).toBe(404);
    expect(await get(`${origin}/gallery/1/preview/x`)).toMatchObject({ status: 400, text: 'bad index\n' });
  });

  it('answers ranges (206), ETags (304) and the HLS playlist', async () => {
    const origin = new URL(stash.url).origin;
    const whole = await get(`${origin}/scene/1/stream`);
    const part = await get(`${origin}/scene/1/stream`, { Range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${whole.bytes.length}`);
    expect(part.bytes).toEqual(whole.bytes.slice(0, 100));
    expect((await get(`${origin}/scene/1/stream`, { Range: `bytes=${whole.bytes.length}-` })).status).toBe(
      416,
    );
    const etag = whole.headers.get('etag')!;
    expect((await get(`${origin}/scene/1/stream`, { 'If-None-Match': etag })).status).toBe(304);

    const m3u8 = await get(`${origin}/scene/1/stream.m3u8?resolution=STANDARD`);
    expect(m3u8.type).toBe('application/vnd.apple.mpegurl');
    expect(m3u8.text).toContain(
      '#EXTINF:3.000000,\n/scene/1/stream.m3u8/0.ts?resolution=STANDARD\n#EXT-X-ENDLIST\n',
    );
    const segment = await get(`${origin}/scene/1/stream.m3u8/0.ts?resolution=STANDARD`);
    expect([segment.type, segment.bytes[0]]).toEqual(['video/mp2t', 0x47]);
    const webm = await get(`${origin}/scene/1/stream.webm`);
    expect([webm.type, isWebm(webm.bytes)]).toEqual(['video/webm', true]);
    // sceneStreams hands out DASH too: its manifest points at the WebM next to it
    const mpd = await get(`${origin}/scene/1/stream.mpd?resolution=STANDARD`);
    expect(mpd.type).toBe('application/dash+xml');
    expect(mpd.text).toContain('<BaseURL>stream.webm</BaseURL>');
  });
});

describe('media auth (Stash authenticateHandler)', () => {
  it('with a key: pages redirect to the login, files are 401; ?apikey= and the ApiKey header pass', async () => {
    const stash = await startTestStash({ size: 20, apiKey: 'secret' });
    const origin = new URL(stash.url).origin;
    try {
      const page = await get(`${origin}/scene/1/screenshot?t=5`);
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toBe('/login?returnURL=%2Fscene%2F1%2Fscreenshot%3Ft%3D5');
      const prefixed = await get(`${origin}/performer/1/image`, { 'X-Forwarded-Prefix': '/stash/' });
      expect(prefixed.headers.get('location')).toBe(
        '/stash/login?returnURL=%2Fstash%2Fperformer%2F1%2Fimage',
      );
      const scene = stash.db.get('Scene', '1')!;
      const oshash = stash.db
        .get('File', scene.file_ids[0]!)!
        .fingerprints.find((f) => f.type === 'oshash')!.value;
      expect((await get(`${origin}/scene/${oshash}_thumbs.vtt`)).status).toBe(401);
      expect((await get(`${origin}/scene/1/stream?apikey=wrong`)).status).toBe(401);
      expect((await get(`${origin}/scene/1/stream?apikey=secret`)).status).toBe(200);
      expect((await get(`${origin}/scene/${oshash}_thumbs.vtt`, { ApiKey: 'secret' })).status).toBe(200);
      const { findScene } = await (
        await fetch(stash.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ApiKey: 'secret' },
          body: JSON.stringify({ query: '{ findScene(id: 1) { paths { stream } } }' }),
        })
      )
        .json()
        .then((b: any) => b.data);
      expect((await get(findScene.paths.stream)).status).toBe(200);
    } finally {
      await stash.close();
    }
  });
});

describe('media files', () => {
  it('the base64 module holds the committed files of media/', () => {
    const names: Record<string, string> = {
      videoMp4: 'video.mp4',
      videoWebm: 'video.webm',
      segmentTs: 'segment.mpegts',
      previewWebp: 'preview.webp',
      spriteJpg: 'sprite.jpg',
    };
    for (const [constant, file] of Object.entries(names)) {
      const bytes = readFileSync(new URL(`../media/${file}`, import.meta.url));
      expect((committed as Record<string, string>)[constant]).toBe(bytes.toString('base64'));
      expect(bytes.length).toBeLessThan(30_000);
    }
  });

  it('the fetch handler (and so MSW) serves them too', async () => {
    const handler = createMockStashHandler({ size: 20 });
    const response = await handler(new Request('http://stash.test/tag/1/image'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('<svg');
  });
});
