import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { listPage } from '../api/resources';
import { Dialog, Input } from '../design';

interface Result {
  id: string;
  kind: string;
  label: string;
  href: string;
}

const PAGES: Result[] = [
  { id: 'page-portfolio', kind: 'Page', label: 'Portfolio overview', href: '/portfolio' },
  { id: 'page-delivery', kind: 'Page', label: 'Delivery overview', href: '/delivery' },
  { id: 'page-work-items', kind: 'Page', label: 'Work items', href: '/delivery/work-items' },
  { id: 'page-value', kind: 'Page', label: 'Value and goals', href: '/value' },
  { id: 'page-people', kind: 'Page', label: 'People directory', href: '/people' },
  { id: 'page-settings', kind: 'Page', label: 'Settings', href: '/settings' },
];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Searches projects, work items, people and goals through each list's `q` parameter. */
async function search(q: string, signal: AbortSignal): Promise<Result[]> {
  const params = { q, limit: 5 };
  const [projects, workItems, people, goals] = await Promise.all([
    listPage('projects', params, signal),
    listPage('work-items', params, signal),
    listPage('people', params, signal),
    listPage('goals', params, signal),
  ]);
  return [
    ...projects.items.map((p) => ({
      id: p.id,
      kind: 'Project',
      label: `${p.key} · ${p.name}`,
      href: `/portfolio/projects/${p.id}`,
    })),
    ...workItems.items.map((w) => ({
      id: w.id,
      kind: 'Work item',
      label: `${w.key} · ${w.title}`,
      href: `/delivery/work-items/${w.id}`,
    })),
    ...people.items.map((p) => ({
      id: p.id,
      kind: 'Person',
      label: p.name,
      href: `/people/${p.id}`,
    })),
    ...goals.items.map((g) => ({
      id: g.id,
      kind: 'Goal',
      label: g.name,
      href: `/value/strategy#goal-${g.id}`,
    })),
  ];
}

export function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  const navigate = useNavigate();
  const listId = useId();
  const results = useQuery({
    queryKey: ['palette', q],
    queryFn: ({ signal }) => search(q, signal),
    enabled: open && q.length >= 2,
    staleTime: 30_000,
  });

  const pages = PAGES.filter((page) => page.label.toLowerCase().includes(text.trim().toLowerCase()));
  const all = [...pages, ...(q.length >= 2 ? (results.data ?? []) : [])];
  const activeIndex = Math.min(active, Math.max(all.length - 1, 0));
  const activeId = all[activeIndex] ? `${listId}-${activeIndex}` : undefined;

  // Keep the option chosen with the arrow keys in view when the list scrolls.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const close = () => {
    setText('');
    setActive(0);
    onClose();
  };
  const choose = (result: Result | undefined) => {
    if (!result) return;
    close();
    void navigate(result.href);
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Search Triad"
      description="Projects, work items, people and goals"
    >
      <Input
        label="Search"
        hideLabel
        autoFocus
        placeholder="Type at least two letters…"
        value={text}
        role="combobox"
        aria-expanded={all.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((activeIndex + 1) % Math.max(all.length, 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((activeIndex - 1 + all.length) % Math.max(all.length, 1));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            choose(all[activeIndex]);
          }
        }}
      />
      <div id={listId} role="listbox" aria-label="Results" className="palette-list">
        {all.map((result, index) => (
          // Options are chosen with the arrow keys from the input (aria-activedescendant) or a click.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled by the combobox input
          <div
            key={`${result.kind}-${result.id}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            tabIndex={-1}
            className="palette-option"
            onClick={() => choose(result)}
            onMouseMove={() => setActive(index)}
          >
            <span className="palette-kind">{result.kind}</span>
            <span>{result.label}</span>
          </div>
        ))}
      </div>
      <p className="muted" aria-live="polite">
        {q.length >= 2 && results.isFetching
          ? 'Searching…'
          : q.length >= 2 && results.data?.length === 0
            ? 'No records match.'
            : ''}
      </p>
    </Dialog>
  );
}

/** Ctrl+K (⌘K on a Mac) opens the palette from anywhere. */
export function usePaletteShortcut(open: () => void): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [open]);
}
