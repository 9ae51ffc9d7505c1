import { useState } from 'react';
import type { StashEntityStore } from '@stashkit/core';
import { StashProvider } from '@stashkit/react';
import { CacheStatsBadge } from '../common/CacheStatsBadge';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { PerformersPage } from '../performers/PerformersPage';
import { ScenesPage } from '../scenes/ScenesPage';

export type AppPage = 'scenes' | 'performers';

export interface AppProps {
  store: StashEntityStore;
  initialPage?: AppPage;
  /** Shown in the header; the plugin panel names itself. */
  title?: string;
}

const PAGES: readonly AppPage[] = ['scenes', 'performers'];

/** The Stash browser: a header with page tabs and the cache badge, then the current page. */
export function App({ store, initialPage = 'scenes', title = 'stashkit' }: AppProps) {
  const [page, setPage] = useState<AppPage>(initialPage);
  return (
    <StashProvider store={store}>
      <div className="sk-app">
        <header className="sk-header">
          <h1 className="sk-brand">{title}</h1>
          <nav className="sk-tabs" aria-label="Pages">
            {PAGES.map((name) => (
              <button
                key={name}
                type="button"
                className={`sk-tab${page === name ? ' sk-tab--active' : ''}`}
                aria-current={page === name ? 'page' : undefined}
                onClick={() => setPage(name)}
              >
                {name === 'scenes' ? 'Scenes' : 'Performers'}
              </button>
            ))}
          </nav>
          <CacheStatsBadge />
        </header>
        <main className="sk-main">
          <ErrorBoundary>{page === 'scenes' ? <ScenesPage /> : <PerformersPage />}</ErrorBoundary>
        </main>
      </div>
    </StashProvider>
  );
}
