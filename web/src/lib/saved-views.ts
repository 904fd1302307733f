// Saved views of a table (filters, columns, sort) kept in localStorage under one key per table.
export interface SavedView<S> {
  name: string;
  state: S;
}

function storageKey(table: string): string {
  return `triad.views.${table}`;
}

export function listSavedViews<S>(table: string, storage: Storage = localStorage): SavedView<S>[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(table)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedView<S>[]) : [];
  } catch {
    return [];
  }
}

/** Saves (or replaces, by name) a view and returns the new list. */
export function saveView<S>(
  table: string,
  view: SavedView<S>,
  storage: Storage = localStorage,
): SavedView<S>[] {
  const views = [...listSavedViews<S>(table, storage).filter((v) => v.name !== view.name), view];
  views.sort((a, b) => a.name.localeCompare(b.name));
  storage.setItem(storageKey(table), JSON.stringify(views));
  return views;
}

export function deleteView<S>(table: string, name: string, storage: Storage = localStorage): SavedView<S>[] {
  const views = listSavedViews<S>(table, storage).filter((v) => v.name !== name);
  storage.setItem(storageKey(table), JSON.stringify(views));
  return views;
}
