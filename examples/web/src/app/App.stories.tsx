import type { Meta, StoryObj } from '@storybook/react-vite';
import { useStashStore } from '@stashkit/react';
import { App, type AppPage } from './App';

/** The whole browser on the story's store (the in-browser mock Stash behind MSW). */
function AppOnStoryStore({ initialPage }: { initialPage?: AppPage }) {
  return <App store={useStashStore()} initialPage={initialPage} />;
}

const meta: Meta<typeof AppOnStoryStore> = {
  title: 'App/StashBrowser',
  component: AppOnStoryStore,
  decorators: [(Story) => <div style={{ margin: -12 }}>{Story()}</div>],
};

export default meta;
type Story = StoryObj<typeof AppOnStoryStore>;

export const Scenes: Story = {};

export const Performers: Story = { args: { initialPage: 'performers' } };
