import { describe, expect, it } from 'vitest';
import { createDb, datasetCounts, generateDataset } from '../src/index';

describe('generateDataset', () => {
  it('has the default library shape', () => {
    const d = generateDataset();
    expect(d.Scene.size).toBe(2000);
    expect(d.Performer.size).toBe(600);
    expect(d.Studio.size).toBe(150);
    expect(d.Tag.size).toBe(300);
    for (const table of [
      'Gallery',
      'Image',
      'Group',
      'SceneMarker',
      'File',
      'Folder',
      'GalleryChapter',
    ] as const) {
      expect(d[table].size).toBeGreaterThan(0);
    }
    expect([...d.Studio.values()].some((s) => s.parent_id !== null)).toBe(true);
    expect([...d.Tag.values()].some((t) => t.parent_ids.length > 0)).toBe(true);
  });

  it('is a pure function of seed and size', () => {
    expect(JSON.stringify([...generateDataset(5, 200).Scene.values()])).toBe(
      JSON.stringify([...generateDataset(5, 200).Scene.values()]),
    );
    expect(JSON.stringify([...generateDataset(5, 200).Scene.values()])).not.toBe(
      JSON.stringify([...generateDataset(6, 200).Scene.values()]),
    );
  });

  it('repeats performers across scenes with a skew, like a real library', () => {
    const db = createDb({ size: 2000 });
    const counts = [...db.table('Performer').keys()]
      .map((id) => db.scenesOf('performer', id).length)
      .sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(20);
    expect(counts[counts.length - 1]).toBeLessThan(5);
  });

  it('spreads ratings, organized flags and o-counters so filters find subsets', () => {
    const scenes = [...generateDataset().Scene.values()];
    const share = (p: (s: (typeof scenes)[number]) => boolean) => scenes.filter(p).length / scenes.length;
    for (const value of [
      share((s) => s.rating100 !== null),
      share((s) => s.organized),
      share((s) => s.o_history.length > 0),
    ]) {
      expect(value).toBeGreaterThan(0.1);
      expect(value).toBeLessThan(0.9);
    }
  });

  it('keeps references consistent', () => {
    const d = generateDataset(2, 500);
    for (const s of d.Scene.values()) {
      for (const id of s.performer_ids) expect(d.Performer.has(id)).toBe(true);
      for (const id of s.tag_ids) expect(d.Tag.has(id)).toBe(true);
      for (const id of s.file_ids) expect(d.File.get(id)?.typename).toBe('VideoFile');
      if (s.studio_id) expect(d.Studio.has(s.studio_id)).toBe(true);
    }
  });

  it('scales the other tables with size and refuses sizes beyond 100,000', () => {
    expect(datasetCounts(10_000).performers).toBe(3000);
    expect(() => generateDataset(1, 100_001)).toThrow(/MockStash: size/);
  });
});
