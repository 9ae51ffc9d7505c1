import type { Meta, StoryObj } from '@storybook/react-vite';
import { FIXTURE_SCENE } from '../stories/fixtures';
import { hydrated } from '../stories/storyParameters';
import { CacheStatsBadge } from './CacheStatsBadge';

const meta: Meta<typeof CacheStatsBadge> = { title: 'Common/CacheStatsBadge', component: CacheStatsBadge };

export default meta;
type Story = StoryObj<typeof CacheStatsBadge>;

export const Empty: Story = {};

/** One ingested scene normalizes into a Scene, a Studio, two Performers, two Tags and a VideoFile. */
export const HydratedFixture: Story = {
  parameters: hydrated((store) => store.ingest('Scene', FIXTURE_SCENE)),
};
