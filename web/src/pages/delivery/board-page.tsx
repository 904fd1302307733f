import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { type Board, type BoardCard, type Swimlane, useBoard } from '../../api/delivery';
import { Badge, Button, Dialog, QueryView, Select, Textarea } from '../../design';
import { BoardCardView } from './board-card';
import { describeWip, findCard, laneRows, neighbourStatus, wipStateOf } from './board-model';
import { useBlockCard, useMoveCard } from './board-mutations';
import { TeamHeader } from './team-header';

const SWIMLANES: { value: Swimlane; label: string }[] = [
  { value: 'none', label: 'No swimlanes' },
  { value: 'epic', label: 'Epic' },
  { value: 'assignee', label: 'Assignee' },
  { value: 'class_of_service', label: 'Class of service' },
];

export function BoardPage() {
  const { teamId = '' } = useParams();
  const [swimlane, setSwimlane] = useState<Swimlane>('none');
  const board = useBoard(teamId, swimlane);
  const [message, setMessage] = useState<string | null>(null);
  const move = useMoveCard(teamId, setMessage);
  const [blocking, setBlocking] = useState<BoardCard | null>(null);
  const block = useBlockCard(teamId);

  const moveTo = (card: BoardCard, toStatus: string) => {
    setMessage(null);
    move.mutate({ card, toStatus });
  };
  const toggleBlock = (card: BoardCard) => {
    if (card.blocked?.flagged) block.mutate({ id: card.id, reason: null });
    else setBlocking(card);
  };

  return (
    <>
      <TeamHeader
        teamId={teamId}
        page="Board"
        intro="Drag a card to another column, or use its arrow buttons; every move is recorded in the item's status history"
      />
      <div className="row" style={{ marginBottom: 'var(--space-3)' }}>
        <Select
          label="Swimlanes"
          options={SWIMLANES}
          value={swimlane}
          onChange={(e) => setSwimlane(e.target.value as Swimlane)}
        />
      </div>
      <div role="alert" aria-live="assertive">
        {message && (
          <div className="t-error" style={{ marginBottom: 'var(--space-3)' }}>
            <p style={{ margin: 0 }}>{message}</p>
            <Button size="sm" onClick={() => setMessage(null)}>
              Dismiss
            </Button>
          </div>
        )}
      </div>
      <QueryView
        query={board}
        label="board"
        lines={8}
        empty="Nothing on the board"
        emptyHint="The team has no stories, tasks or bugs yet."
        isEmpty={(boardData) => boardData.columns.every((c) => c.count === 0)}
      >
        {(boardData) => (
          <>
            {boardData.warnings.length > 0 && (
              <ul className="muted" aria-label="WIP warnings">
                {boardData.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
            <BoardGrid
              board={boardData}
              busyId={move.isPending ? move.variables?.card.id : undefined}
              onDropCard={(cardId, status) => {
                const card = findCard(boardData, cardId);
                if (card && card.status !== status) moveTo(card, status);
              }}
              onMove={moveTo}
              onBlock={toggleBlock}
            />
          </>
        )}
      </QueryView>
      <BlockDialog
        card={blocking}
        onClose={() => setBlocking(null)}
        onBlock={(reason) => {
          if (blocking) block.mutate({ id: blocking.id, reason });
          setBlocking(null);
        }}
      />
    </>
  );
}

interface GridProps {
  board: Board;
  busyId: string | undefined;
  onDropCard: (cardId: string, status: string) => void;
  onMove: (card: BoardCard, status: string) => void;
  onBlock: (card: BoardCard) => void;
}

function BoardGrid({ board, busyId, onDropCard, onMove, onBlock }: GridProps) {
  const statuses = board.columns.map((c) => c.status);
  const style = { gridTemplateColumns: `repeat(${statuses.length}, minmax(200px, 1fr))` };
  const cards = (items: BoardCard[]) =>
    items.map((card) => (
      <BoardCardView
        key={card.id}
        card={card}
        previous={neighbourStatus(statuses, card.status, -1)}
        next={neighbourStatus(statuses, card.status, 1)}
        busy={busyId === card.id}
        onMove={(to) => onMove(card, to)}
        onBlock={() => onBlock(card)}
      />
    ));
  if (board.lanes.length === 0) {
    return (
      <div className="board" style={style}>
        {board.columns.map((column) => (
          <DropColumn
            key={column.status}
            status={column.status}
            className={`board-col--${wipStateOf(column)}`}
            onDropCard={onDropCard}
            heading={
              <>
                <h2>{column.status}</h2>
                <ColumnMeta column={column} />
              </>
            }
          >
            {cards(column.items)}
          </DropColumn>
        ))}
      </div>
    );
  }
  return (
    <div className="board" style={style}>
      {board.columns.map((column) => (
        <div key={column.status}>
          <h2 style={{ fontSize: '0.95rem', margin: 0 }}>{column.status}</h2>
          <ColumnMeta column={column} />
        </div>
      ))}
      {laneRows(board).map((lane) => (
        <LaneRow key={lane.key} name={lane.name} count={lane.count}>
          {statuses.map((status) => (
            <DropColumn
              key={status}
              status={status}
              onDropCard={onDropCard}
              heading={<h3 className="visually-hidden">{`${lane.name}: ${status}`}</h3>}
            >
              {cards(lane.cells.get(status) ?? [])}
            </DropColumn>
          ))}
        </LaneRow>
      ))}
    </div>
  );
}

function LaneRow({ name, count, children }: { name: string; count: number; children: ReactNode }) {
  return (
    <>
      <h2 className="board-lane-title">
        {name} <span className="muted">({count})</span>
      </h2>
      {children}
    </>
  );
}

function ColumnMeta({ column }: { column: Board['columns'][number] }) {
  const state = wipStateOf(column);
  return (
    <div className="board-col__meta">
      <span className="muted">{describeWip(column)}</span>{' '}
      {column.items.length < column.count && (
        <span className="muted">(first {column.items.length} shown) </span>
      )}
      {state === 'over-soft' && <Badge tone="amber">Over soft WIP limit</Badge>}
      {state === 'at-hard' && <Badge tone="red">At hard WIP limit</Badge>}
    </div>
  );
}

/** A column (or lane cell) that accepts dropped cards. */
function DropColumn({
  status,
  className,
  heading,
  onDropCard,
  children,
}: {
  status: string;
  className?: string;
  heading: ReactNode;
  onDropCard: (cardId: string, status: string) => void;
  children: ReactNode;
}) {
  const [over, setOver] = useState(false);
  return (
    <section
      className={`board-col ${className ?? ''}`}
      data-status={status}
      data-drop={over || undefined}
      aria-label={status}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const cardId = event.dataTransfer.getData('text/plain');
        if (cardId) onDropCard(cardId, status);
      }}
    >
      {heading}
      <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0, gap: 'var(--space-2)' }}>
        {children}
      </ul>
    </section>
  );
}

function BlockDialog({
  card,
  onClose,
  onBlock,
}: {
  card: BoardCard | null;
  onClose: () => void;
  onBlock: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Dialog
      open={card !== null}
      onClose={onClose}
      title={`Flag ${card?.key ?? ''} as blocked`}
      description="The time is recorded now; blocked time counts as waiting in flow efficiency."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={reason.trim() === ''}
            onClick={() => {
              onBlock(reason.trim());
              setReason('');
            }}
          >
            Flag as blocked
          </Button>
        </>
      }
    >
      <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
    </Dialog>
  );
}
