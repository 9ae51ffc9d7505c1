import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { FIXTURE_SCENE } from '../stories/fixtures';
import { hydrated } from '../stories/storyParameters';
import { SceneDetail } from './SceneDetail';

const meta: Meta<typeof SceneDetail> = {
  title: 'Scenes/SceneDetail',
  component: SceneDetail,
  args: { id: '1' },
  decorators: [(Story) => <div style={{ display: 'flex', maxWidth: 460 }}>{Story()}</div>],
};

export default meta;
type Story = StoryObj<typeof SceneDetail>;

/** Loaded from the in-browser mock Stash; the editor saves there too. */
export const FromMockStash: Story = {};

/**
 * Hydrated with `store.ingest`: the mock has no scene 90001, so what shows came from the fixture
 * (only the editor's tag suggestions are asked from the mock).
 */
export const HydratedFixture: Story = {
  args: { id: FIXTURE_SCENE.id },
  parameters: hydrated((store) => store.ingest('Scene', FIXTURE_SCENE)),
};

/** Every request fails at the network level: the panel reports it rather than showing nothing. */
export const NetworkDown: Story = {
  parameters: { msw: { handlers: { stash: [http.post('*/graphql', () => HttpResponse.error())] } } },
};

export const NotFound: Story = { args: { id: '999999' } };
