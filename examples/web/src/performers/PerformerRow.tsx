import { formatRating } from '../common/formatters';
import type { PerformerRowData } from './performerFields';

/** One performers-table row. */
export function PerformerRow({ performer }: { performer: PerformerRowData }) {
  return (
    <tr data-testid="performer-row">
      <td>
        {performer.favorite ? <span title="favorite">♥ </span> : null}
        {performer.name}
        {performer.disambiguation ? <span className="sk-muted"> ({performer.disambiguation})</span> : null}
      </td>
      <td>{performer.gender?.toLowerCase().replace(/_/g, ' ') ?? '–'}</td>
      <td>{performer.country ?? '–'}</td>
      <td>{performer.birthdate ?? '–'}</td>
      <td>{performer.scene_count}</td>
      <td>{formatRating(performer.rating100)}</td>
    </tr>
  );
}
