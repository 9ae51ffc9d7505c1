import { useMemo, useReducer } from 'react';
import type { Draft, EntityDraft } from '@stashkit/core';
import { useSave, useStashStore } from '@stashkit/react';
import { ErrorMessage } from '../common/ErrorMessage';
import { TagPicker } from '../tags/TagPicker';
import type { TagChoice } from './sceneFilterState';
import type { SceneDetailData } from './sceneTypes';

type SceneDraft = Draft<'Scene'>;

/**
 * Edits title, rating and tags through a draft: the cache keeps the server's state, `save` sends
 * only the changed fields, and a failed save leaves the draft dirty for another try.
 */
export function SceneEditor({ scene }: { scene: SceneDetailData }) {
  const store = useStashStore();
  // The tracked draft when it has edits (they survive closing the panel), else one on this snapshot.
  const draft = useMemo(() => store.edit(scene), [store, scene]);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const saver = useSave<EntityDraft, unknown>();
  const edit = (apply: (d: SceneDraft) => void) => {
    apply(draft);
    if (saver.status !== 'idle') saver.reset();
    rerender();
  };
  const tags: TagChoice[] = (draft.tags ?? []).map((tag) => ({
    id: tag.id,
    name:
      ('name' in tag && typeof tag.name === 'string' ? tag.name : store.peek('Tag', tag.id)?.name) ?? tag.id,
  }));
  const changed = draft.changedFields();
  const onSave = () => {
    // The outcome shows through `saver.status`/`saver.error`; the draft stays dirty on failure.
    void saver.save(draft).then(rerender, () => rerender());
  };
  return (
    <form
      className="sk-editor"
      data-testid="scene-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <label className="sk-field">
        <span className="sk-label">Title</span>
        <input
          className="sk-input"
          name="title"
          value={draft.title ?? ''}
          onChange={(event) => edit((d) => (d.title = event.target.value))}
        />
      </label>
      <label className="sk-field">
        <span className="sk-label">Rating (0–100)</span>
        <input
          className="sk-input"
          name="rating100"
          type="number"
          min={0}
          max={100}
          step={1}
          value={draft.rating100 ?? ''}
          onChange={(event) =>
            edit((d) => (d.rating100 = event.target.value === '' ? null : Number(event.target.value)))
          }
        />
      </label>
      <TagPicker
        label="Tags"
        value={tags}
        onChange={(next) => edit((d) => (d.tags = next.map(({ id }) => ({ id }))))}
      />
      <div className="sk-editor__actions">
        <button
          type="submit"
          className="sk-button sk-button--primary"
          disabled={!draft.isDirty || saver.isPending}
        >
          {saver.isPending ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="sk-button"
          disabled={!draft.isDirty || saver.isPending}
          onClick={() => edit((d) => d.revert(...changed))}
        >
          Revert
        </button>
        <span className="sk-muted" data-testid="save-status">
          {saver.status === 'success' && !draft.isDirty
            ? 'Saved'
            : changed.length > 0
              ? `Changed: ${changed.join(', ')}`
              : 'No changes'}
        </span>
      </div>
      {saver.error !== null ? (
        <ErrorMessage error={saver.error} title="Save failed; your edits are kept" />
      ) : null}
    </form>
  );
}
