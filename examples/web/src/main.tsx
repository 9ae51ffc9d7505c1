import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createStashStore } from '@stashkit/core';
import { App } from './app/App';
import { graphqlUrl } from './app/graphqlUrl';
import './styles.css';

async function main(): Promise<void> {
  // VITE_MSW=1: the mock Stash runs in the browser (service worker) instead of the Node server.
  if (import.meta.env.VITE_MSW === '1') {
    const { startBrowserMock } = await import('./mocks/browserMock');
    await startBrowserMock();
  }
  const store = createStashStore({ url: graphqlUrl() });
  const root = document.getElementById('root');
  if (root === null) throw new Error('main: no #root element in index.html');
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}

void main();
