import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../api/client';
import { type Board, type BoardCard, deliveryKeys } from '../../api/delivery';
import { moveCardOnBoard } from './board-model';

/** What the board tells the user after a refused move: the server's words, or a plain fallback. */
export function moveErrorMessage(error: unknown, card: Pick<BoardCard, 'key'>, toStatus: string): string {
  if (isApiError(error, 'conflict'))
    return `${card.key} was not moved: ${error.message} Finish or move an item out of "${toStatus}" first.`;
  if (isApiError(error, 'precondition_failed'))
    return `${card.key} was changed by someone else meanwhile; the board now shows their version. Try the move again.`;
  return `${card.key} could not be moved to "${toStatus}": ${error instanceof Error ? error.message : 'unknown error'}`;
}

interface MoveVariables {
  card: BoardCard;
  toStatus: string;
}

/**
 * Moves a card by PATCHing the work item's status (the server writes the status history and
 * enforces hard WIP limits). The board changes at once and is put back if the server refuses.
 */
export function useMoveCard(teamId: string, onRefused: (message: string) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ card, toStatus }: MoveVariables) =>
      apiRequest('PATCH', `/work-items/${card.id}`, { body: { status: toStatus }, ifMatch: card.version }),
    onMutate: async ({ card, toStatus }) => {
      const key = deliveryKeys.boards(teamId);
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueriesData<Board>({ queryKey: key });
      client.setQueriesData<Board>({ queryKey: key }, (board) =>
        board ? moveCardOnBoard(board, card.id, toStatus) : board,
      );
      return { previous };
    },
    onError: (error, { card, toStatus }, context) => {
      for (const [key, data] of context?.previous ?? []) client.setQueryData(key, data);
      onRefused(moveErrorMessage(error, card, toStatus));
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: deliveryKeys.boards(teamId) }),
        client.invalidateQueries({ queryKey: ['delivery', 'flow'] }),
        client.invalidateQueries({ queryKey: ['sprints'] }),
        client.invalidateQueries({ queryKey: ['work-items'] }),
      ]),
  });
}

/** Sets or clears a card's blocked flag (with its reason). */
export function useBlockCard(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string | null }) =>
      reason === null
        ? apiRequest('POST', `/work-items/${id}/unblock`)
        : apiRequest('POST', `/work-items/${id}/block`, { body: { reason } }),
    onSettled: () => client.invalidateQueries({ queryKey: deliveryKeys.boards(teamId) }),
  });
}
