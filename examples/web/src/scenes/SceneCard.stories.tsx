import type { Meta, StoryObj } from '@storybook/react-vite';
import { FIXTURE_CARD } from '../stories/fixtures';
import { SceneCard } from './SceneCard';

const meta: Meta<typeof SceneCard> = {
  title: 'Scenes/SceneCard',
  component: SceneCard,
  args: { scene: FIXTURE_CARD },
  decorators: [(Story) => <div style={{ width: 220 }}>{Story()}</div>],
};

export default meta;
type Story = StoryObj<typeof SceneCard>;

export const Default: Story = {};

export const Selected: Story = { args: { selected: true } };

export const UnratedWithoutStudio: Story = {
  args: { scene: { ...FIXTURE_CARD, rating100: null, organized: false, studio: null } },
};
