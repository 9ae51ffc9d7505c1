/**
 * The e2e probe plugin, built on @stashkit/plugin like any panel (`definePlugin` with `hostCache` and
 * `live`): a `useEntity` title with a save, a `useFindIter` of the newest scenes, and what the bridge
 * and the live connection report, kept on `window.__probe` for the test to wait on.
 */
import { useState } from 'react';
import { connectHostCache, definePlugin } from '@stashkit/plugin';
import { useEntity, useFindIter, useSave, useStashStore } from '@stashkit/react';

// The same id as support/hostPageBuild.ts builds it under.
const PROBE_ID = 'stashkit-e2e-probe';

interface Probe {
  /** Live statuses in the order they were seen (repeats folded). */
  liveHistory: string[];
  connections: number;
  liveEvents: string[];
  hostMutations: string[];
}
const probe: Probe = { liveHistory: [], connections: 0, liveEvents: [], hostMutations: [] };
(window as unknown as { __probe: Probe }).__probe = probe;

const sceneId = new URLSearchParams(window.location.search).get('scene') ?? '1';

function SceneTitle() {
  const store = useStashStore();
  const { data } = useEntity('Scene', sceneId, { fields: ['title'] as const });
  const { save, isPending } = useSave();
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState('');
  const onSave = () => {
    if (data === undefined || data === null) return;
    const draft = store.edit(data);
    draft.title = title;
    save(draft).then(
      () => setStatus('saved'),
      (error: Error) => setStatus(`error: ${error.message}`),
    );
  };
  return (
    <div>
      <h2 data-testid="probe-title">{data?.title ?? ''}</h2>
      <input data-testid="probe-title-input" value={title} onChange={(e) => setTitle(e.target.value)} />
      <button type="button" data-testid="probe-save" disabled={isPending} onClick={onSave}>
        Save
      </button>
      <span data-testid="probe-save-status">{status}</span>
    </div>
  );
}

function NewestScenes() {
  const scenes = useFindIter(
    'Scene',
    {},
    { fields: ['title'], sort: 'created_at', direction: 'DESC', batch: 5 },
  );
  return (
    <ul data-testid="probe-newest" data-total={scenes.total ?? ''}>
      {scenes.items.map((scene) => (
        <li key={scene.id} data-testid="probe-newest-scene" data-scene-id={scene.id}>
          {scene.title || `Scene ${scene.id}`}
        </li>
      ))}
    </ul>
  );
}

function ProbePanel() {
  return (
    <section data-testid="probe-panel">
      <SceneTitle />
      <NewestScenes />
    </section>
  );
}

const plugin = definePlugin({
  id: PROBE_ID,
  hostCache: connectHostCache,
  live: true,
  routes: { [`/plugin/${PROBE_ID}`]: ProbePanel },
});

plugin.hostCache?.onHostMutation((event) =>
  probe.hostMutations.push(`${event.field} ${event.ids.join(',')}`),
);
void plugin.live?.then((live) => {
  const seen = (status: string, connections: number) => {
    if (probe.liveHistory[probe.liveHistory.length - 1] !== status) probe.liveHistory.push(status);
    probe.connections = connections;
  };
  seen(live.state.status, live.state.connections);
  live.subscribe((state) => seen(state.status, state.connections));
  live.onEvent((event) => probe.liveEvents.push(`${event.kind} ${event.rule ?? ''} ${event.applied}`));
});
