import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';

// TypeDoc writes api/typedoc-sidebar.json next to the pages it generates (npm run api).
const apiSidebarFile = new URL('../api/typedoc-sidebar.json', import.meta.url);
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? JSON.parse(readFileSync(apiSidebarFile, 'utf8'))
  : [];

export default defineConfig({
  title: 'stashkit',
  description: 'The TypeScript data layer for the Stash media server',
  base: process.env.DOCS_BASE ?? '/',
  cleanUrls: true,
  lastUpdated: false,
  // The generated API pages link to each other by file; a page TypeDoc did not emit is a build error.
  ignoreDeadLinks: false,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Filter DSL', link: '/reference/filters' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: {
      '/api/': [{ text: 'API reference', link: '/api/', items: apiSidebar }],
      '/': [
        {
          text: 'Guide',
          items: [
            { text: 'Getting started', link: '/guide/getting-started' },
            { text: 'React', link: '/guide/react' },
            { text: 'Lists', link: '/guide/lists' },
            { text: 'Editing', link: '/guide/editing' },
            { text: 'Identity', link: '/guide/identity' },
            { text: 'Testing with the mock', link: '/guide/testing' },
            { text: 'A Stash plugin panel', link: '/guide/plugin' },
            { text: 'Bundle size', link: '/guide/bundle-size' },
          ],
        },
        { text: 'Reference', items: [{ text: 'Filter DSL', link: '/reference/filters' }] },
      ],
    },
    search: { provider: 'local' },
    socialLinks: [{ icon: 'github', link: 'https://github.com/stashkit/stashkit' }],
  },
});
