// Names that README and docs snippets use without defining them; a snippet's own declarations shadow these.
declare const apiKey: string;
declare const url: string;
declare const store: import('@stashkit/core').StashEntityStore;
declare const scene: import('@stashkit/core').EntityOf<'Scene'>;
declare const d1: import('@stashkit/core').Draft<'Scene'>;
declare const d2: import('@stashkit/core').Draft<'Scene'>;
declare const d3: import('@stashkit/core').Draft<'Scene'>;
declare const stash: import('@stashkit/mock').RunningMockStash;
