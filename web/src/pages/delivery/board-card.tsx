import { Link } from 'react-router';
import type { BoardCard } from '../../api/delivery';
import { Badge, Button, humanise } from '../../design';

const CLASS_TONE: Record<string, 'red' | 'amber' | 'neutral' | 'green'> = {
  expedite: 'red',
  fixed_date: 'amber',
  intangible: 'green',
};

/**
 * One card: draggable with a mouse, and movable with the keyboard through its own buttons (the
 * accessible alternative to dragging: WCAG 2.2 SC 2.5.7).
 */
export function BoardCardView({
  card,
  previous,
  next,
  busy,
  onMove,
  onBlock,
}: {
  card: BoardCard;
  previous: string | undefined;
  next: string | undefined;
  busy: boolean;
  onMove: (toStatus: string) => void;
  onBlock: () => void;
}) {
  const points =
    card.estimate !== null ? `${card.estimate} ${card.estimateUnit === 'hours' ? 'h' : 'pt'}` : null;
  return (
    <li
      className={`board-card ${card.blocked ? 'board-card--blocked' : ''}`}
      draggable
      aria-busy={busy || undefined}
      data-card-key={card.key}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', card.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="row-between">
        <Link to={`/delivery/work-items/${card.id}`} className="mono">
          {card.key}
        </Link>
        <span className="muted">{humanise(card.type)}</span>
      </div>
      <p className="board-card__title">{card.title}</p>
      <div className="board-card__tags">
        {card.classOfService !== 'standard' && (
          <Badge tone={CLASS_TONE[card.classOfService] ?? 'neutral'}>{humanise(card.classOfService)}</Badge>
        )}
        {points && <Badge>{points}</Badge>}
        {card.ageDays !== null && <span className="muted">{card.ageDays} d old</span>}
      </div>
      {card.blocked && (
        <p className="board-card__blocked" style={{ margin: 0 }}>
          <Badge tone="red">Blocked</Badge> {card.blocked.reason}
        </p>
      )}
      <span className="muted">
        {card.assignee?.name ?? 'Unassigned'}
        {card.epic ? ` · ${card.epic.title}` : ''}
      </span>
      <div className="board-card__actions">
        {previous && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onMove(previous)}
            aria-label={`Move ${card.key} back to ${previous}`}
          >
            ← {previous}
          </Button>
        )}
        {next && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onMove(next)}
            aria-label={`Move ${card.key} to ${next}`}
          >
            {next} →
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          onClick={onBlock}
          aria-label={card.blocked?.flagged ? `Unblock ${card.key}` : `Block ${card.key}`}
        >
          {card.blocked?.flagged ? 'Unblock' : 'Block'}
        </Button>
      </div>
    </li>
  );
}
