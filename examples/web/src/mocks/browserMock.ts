/** The embedded mock Stash in a service worker (`VITE_MSW=1` builds and Storybook use the same handlers). */
import { setupWorker } from 'msw/browser';
import { createMockStashHandlers } from '@stashkit/mock/msw';

export async function startBrowserMock(size = 500): Promise<void> {
  const { handlers } = createMockStashHandlers({ size });
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
