import type { Meta, StoryObj } from '@storybook/react-vite';
import { FIXTURE_SCENE } from '../stories/fixtures';
import { CacheStatsBadge } from './CacheStatsBadge';

const meta = { title: 'Common/CacheStatsBadge', component: CacheStatsBadge } satisfies Meta<typeof CacheStatsBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

/** One ingested scene normalizes into a Scene, a Studio, two Performers, two Tags and a VideoFile. */
export const HydratedFixture: Story = {
  parameters: { stashkit: { hydrate: (store) => store.ingest('Scene', FIXTURE_SCENE) } },
};
