import type { Decorator, Preview } from '@storybook/react-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';
import type { StashStoryParameters } from '../src/stories/storyParameters';
import { StoryStashProvider } from './StoryStashProvider';
import { storyMock } from './storyMock';
import '../src/styles.css';

// The worker script sits next to iframe.html (staticDirs), so a relative URL works under any path.
initialize({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: 'mockServiceWorker.js' } });

// Each story (keyed by id) gets its own store inside the app's `.sk-app` styling root.
const withStashStore: Decorator = (Story, context) => (
  <StoryStashProvider
    key={context.id}
    hydrate={(context.parameters.stashkit as StashStoryParameters | undefined)?.hydrate}
  >
    <div className="sk-app" style={{ minHeight: 'auto', padding: 12 }}>
      <Story />
    </div>
  </StoryStashProvider>
);

const preview: Preview = {
  loaders: [mswLoader],
  decorators: [withStashStore],
  parameters: {
    layout: 'fullscreen',
    msw: { handlers: { stash: storyMock.handlers } },
  },
};

export default preview;
