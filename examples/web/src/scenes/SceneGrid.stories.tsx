import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { SceneGrid } from './SceneGrid';

/** The grid against the in-browser mock Stash (MSW): real paging, filters and errors. */
const meta: Meta<typeof SceneGrid> = {
  title: 'Scenes/SceneGrid',
  component: SceneGrid,
  args: { filters: {}, batch: 12 },
};

export default meta;
type Story = StoryObj<typeof SceneGrid>;

export const AllScenes: Story = {};

export const RatedFourStarsOrMore: Story = { args: { filters: { rating100__gte: 80 } } };

export const OrganizedMatchingQuery: Story = { args: { filters: { organized: true }, q: 'night' } };

export const ServerError: Story = {
  parameters: {
    msw: {
      handlers: { stash: [http.post('*/graphql', () => new HttpResponse('upstream down', { status: 502 }))] },
    },
  },
};
