import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileRow, SceneRow } from '../src/index';
import { gql, startTestStash, type TestStash } from './helpers';

const STREAMS = `query SceneStreams($id: ID) { sceneStreams(id: $id) { url mime_type label } }`;

describe('sceneStreams per Stash rules', () => {
  let stash: TestStash;
  beforeAll(async () => {
    stash = await startTestStash({ size: 200, apiKey: 'k' });
  });
  afterAll(() => stash.close());
  beforeEach(() => stash.reset());

  const streams = async (id: string) => {
    const answer = await gql(stash.url, STREAMS, { id }, { ApiKey: 'k' });
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.sceneStreams as { url: string; mime_type: string; label: string }[];
  };
  /** A scene whose primary file matches. */
  const sceneWith = (match: (f: FileRow) => boolean): SceneRow => {
    for (const scene of stash.db.table('Scene').values()) {
      const file = scene.file_ids[0] ? stash.db.get('File', scene.file_ids[0]) : undefined;
      if (file && match(file)) return scene;
    }
    throw new Error('no such scene in the dataset');
  };
  const minSide = (s: SceneRow) => {
    const f = stash.db.get('File', s.file_ids[0]!)!;
    return Math.min(f.width!, f.height!);
  };

  it('an MP4 with browser audio: direct stream, then MP4/WEBM/HLS/DASH per resolution up to the file', async () => {
    const scene = sceneWith(
      (f) => f.format === 'mp4' && f.audio_codec === 'aac' && Math.min(f.width!, f.height!) === 720,
    );
    const list = await streams(scene.id);
    const base = `${stash.url.replace(/\/graphql$/, '')}/scene/${scene.id}/stream`;
    expect(list[0]).toEqual({ url: `${base}?apikey=k`, mime_type: 'video/mp4', label: 'Direct stream' });
    const allowed = ['ORIGINAL', 'STANDARD_HD', 'STANDARD', 'LOW'];
    expect(list.slice(1).map((s) => s.label)).toEqual(
      ['MP4', 'WEBM', 'HLS', 'DASH'].flatMap((t) => [
        t,
        `${t} HD (720p)`,
        `${t} Standard (480p)`,
        `${t} Low (240p)`,
      ]),
    );
    expect(list[1]).toEqual({
      url: `${base}.mp4?apikey=k&resolution=ORIGINAL`,
      mime_type: 'video/mp4',
      label: 'MP4',
    });
    expect(list.filter((s) => s.label.startsWith('HLS')).map((s) => s.url)).toEqual(
      allowed.map((r) => `${base}.m3u8?apikey=k&resolution=${r}`),
    );
    expect(new Set(list.slice(1).map((s) => s.mime_type))).toEqual(
      new Set(['video/mp4', 'video/webm', 'application/vnd.apple.mpegurl', 'application/dash+xml']),
    );
  });

  it('MKV files add the MKV stream; MOV files and audio the container cannot carry get no direct stream', async () => {
    const mkv = await streams(sceneWith((f) => f.format === 'matroska' && f.audio_codec === 'aac').id);
    expect(mkv.slice(0, 2).map((s) => [s.label, s.mime_type])).toEqual([
      ['Direct stream', 'video/mp4'],
      ['MKV', 'video/mp4'],
    ]);
    const mov = await streams(sceneWith((f) => f.format === 'mov').id);
    expect(mov[0]!.label).toBe('MP4');
    const webmAac = await streams(sceneWith((f) => f.format === 'webm' && f.audio_codec === 'aac').id);
    expect(webmAac.some((s) => s.label === 'Direct stream')).toBe(false);
  });

  it('general.maxStreamingTranscodeSize caps the resolutions (ORIGINAL only when the file fits under it)', async () => {
    const scene = sceneWith((f) => f.format === 'mp4' && Math.min(f.width!, f.height!) >= 1080);
    await gql(
      stash.url,
      `mutation Cap($input: ConfigGeneralInput!) { configureGeneral(input: $input) { maxStreamingTranscodeSize } }`,
      { input: { maxStreamingTranscodeSize: 'STANDARD_HD' } },
      { ApiKey: 'k' },
    );
    const labels = (await streams(scene.id)).filter((s) => s.label.startsWith('WEBM')).map((s) => s.label);
    expect(labels).toEqual(['WEBM HD (720p)', 'WEBM Standard (480p)', 'WEBM Low (240p)']);
    expect(minSide(scene)).toBeGreaterThan(720);
  });

  it('Scene.sceneStreams answers the same list; a scene without files has none; an unknown id errors', async () => {
    const scene = sceneWith(() => true);
    const field = await gql(
      stash.url,
      `query Field($id: ID!) { findScene(id: $id) { sceneStreams { url label } } }`,
      { id: scene.id },
      { ApiKey: 'k' },
    );
    expect(field.body.data.findScene.sceneStreams).toEqual(
      (await streams(scene.id)).map(({ url, label }) => ({ url, label })),
    );
    const created = await gql(
      stash.url,
      `mutation New { sceneCreate(input: { title: "no file" }) { id } }`,
      undefined,
      { ApiKey: 'k' },
    );
    expect(await streams(created.body.data.sceneCreate.id)).toEqual([]);
    const missing = await gql(stash.url, STREAMS, { id: '999999' }, { ApiKey: 'k' });
    expect(missing.body.errors[0].message).toBe('scene with id 999999 not found');
  });
});
