import { useEntity } from '@stashkit/react';
import { ErrorMessage } from '../common/ErrorMessage';
import { formatBytes, formatDuration, formatRating } from '../common/formatters';
import { SceneEditor } from './SceneEditor';
import { SCENE_DETAIL_FIELDS } from './sceneFields';

export interface SceneDetailProps {
  id: string;
  onClose?: () => void;
}

/** One scene: what the grid did not load is fetched now (`useEntity` asks only for missing fields). */
export function SceneDetail({ id, onClose }: SceneDetailProps) {
  const {
    data: scene,
    status,
    error,
    missing,
    isFetching,
  } = useEntity('Scene', id, { fields: SCENE_DETAIL_FIELDS });
  const files = scene?.files ?? [];
  return (
    <aside className="sk-detail" data-testid="scene-detail" aria-busy={isFetching}>
      <header className="sk-detail__header">
        <h2 data-testid="detail-title">{scene ? scene.title || `Scene ${scene.id}` : `Scene ${id}`}</h2>
        {onClose ? (
          <button type="button" className="sk-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        ) : null}
      </header>
      {status === 'error' ? <ErrorMessage error={error!} title="Could not load the scene" /> : null}
      {missing ? <p className="sk-muted">This scene no longer exists.</p> : null}
      {scene === null && status === 'pending' ? <p className="sk-muted">Loading…</p> : null}
      {scene !== null ? (
        <>
          <dl className="sk-facts">
            <dt>Studio</dt>
            <dd data-testid="detail-studio">{scene.studio?.name ?? '–'}</dd>
            <dt>Date</dt>
            <dd>{scene.date ?? '–'}</dd>
            <dt>Rating</dt>
            <dd>{formatRating(scene.rating100)}</dd>
            <dt>Organized</dt>
            <dd>{scene.organized ? 'yes' : 'no'}</dd>
            <dt>Performers</dt>
            <dd data-testid="detail-performers">{scene.performers.map((p) => p.name).join(', ') || '–'}</dd>
            <dt>Tags</dt>
            <dd data-testid="detail-tags">{scene.tags.map((t) => t.name).join(', ') || '–'}</dd>
          </dl>
          {scene.details ? <p className="sk-details">{scene.details}</p> : null}
          <table className="sk-files">
            <thead>
              <tr>
                <th>File</th>
                <th>Size</th>
                <th>Length</th>
                <th>Video</th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id} data-testid="detail-file">
                  <td className="sk-path">{file.path}</td>
                  <td>{formatBytes(file.size)}</td>
                  <td>{formatDuration(file.duration)}</td>
                  <td>
                    {file.width}×{file.height} {file.video_codec}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <SceneEditor key={scene.id} scene={scene} />
        </>
      ) : null}
    </aside>
  );
}
