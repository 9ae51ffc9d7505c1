import { fakeHex } from '../data/prng';
import { blankScene } from '../db/blankRows';
import type { MockDb } from '../db/MockDb';
import type { FileRow } from '../db/rows';

/** The folder new files appear in: the first scene file's folder (or the first folder). */
function scanFolder(db: MockDb): { id: string; path: string } | undefined {
  for (const file of db.table('File').values()) {
    if (file.typename === 'VideoFile' && file.zip_file_id === null) {
      const folder = db.get('Folder', file.parent_folder_id);
      if (folder) return folder;
    }
  }
  return db.table('Folder').values().next().value;
}

/**
 * What a simulated scan finds: `count` new video files, each with a new untitled scene (as Stash's
 * scan creates them), at `time`. Returns the new scenes' ids.
 */
export function scanNewScenes(db: MockDb, count: number, time: string): string[] {
  const folder = scanFolder(db);
  if (!folder || count <= 0) return [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = db.table('File').size + 1;
    const basename = `scanned_${n}.mp4`;
    const path = `${folder.path}/${basename}`;
    const file: Omit<FileRow, 'id'> = {
      typename: 'VideoFile',
      path,
      basename,
      parent_folder_id: folder.id,
      zip_file_id: null,
      mod_time: time,
      size: 48_000_000,
      fingerprints: [
        { type: 'oshash', value: fakeHex(`oshash:${path}`, 16) },
        { type: 'md5', value: fakeHex(`md5:${path}`, 32) },
        { type: 'phash', value: fakeHex(`phash:${path}`, 16) },
      ],
      format: 'mp4',
      width: 1920,
      height: 1080,
      duration: 120,
      video_codec: 'h264',
      audio_codec: 'aac',
      frame_rate: 30,
      bit_rate: 3_200_000,
      created_at: time,
      updated_at: time,
    };
    const fileRow = db.insert('File', file);
    ids.push(db.insert('Scene', { ...blankScene(time), file_ids: [fileRow.id] }).id);
  }
  return ids;
}
