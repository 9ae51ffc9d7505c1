/**
 * Plain result objects for `store.ingest` (hydration without a request) and presentational stories.
 * Ids are far above the mock's, so a fixture never collides with served data.
 */
import type { SceneCardData } from '../scenes/sceneTypes';

const STUDIO = { __typename: 'Studio', id: '90001', name: 'Fixture Studio' } as const;

export const FIXTURE_SCENE = {
  __typename: 'Scene',
  id: '90001',
  title: 'Fixture: Harbour at Dawn',
  details: 'Hydrated from a fixture with store.ingest: rendered without any request.',
  date: '2024-05-01',
  rating100: 80,
  organized: true,
  studio: STUDIO,
  performers: [
    { __typename: 'Performer', id: '90001', name: 'Ada Fixture' },
    { __typename: 'Performer', id: '90002', name: 'Brook Sample' },
  ],
  tags: [
    { __typename: 'Tag', id: '90001', name: 'Outdoor' },
    { __typename: 'Tag', id: '90002', name: 'Harbour' },
  ],
  files: [
    {
      __typename: 'VideoFile',
      id: '90001',
      path: '/data/videos/fixture/harbour_at_dawn.mp4',
      size: 1_932_735_283,
      duration: 1412.5,
      width: 1920,
      height: 1080,
      video_codec: 'h264',
    },
  ],
};

export const FIXTURE_CARD: SceneCardData = {
  __typename: 'Scene',
  id: '90001',
  title: 'Fixture: Harbour at Dawn',
  date: '2024-05-01',
  rating100: 80,
  organized: true,
  studio: STUDIO,
  files: [{ __typename: 'VideoFile', id: '90001', duration: 1412.5 }],
};
