import { useState } from 'react';
import { Button, Dialog, Input, Select } from '../design';
import { deleteView, listSavedViews, type SavedView, saveView } from '../lib/saved-views';

/** Pick, save and delete named views of a table (kept in this browser's localStorage). */
export function SavedViews<S>({
  table,
  current,
  onApply,
}: {
  table: string;
  current: S;
  onApply: (state: S) => void;
}) {
  const [views, setViews] = useState<SavedView<S>[]>(() => listSavedViews<S>(table));
  const [selected, setSelected] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  return (
    <>
      <Select
        label="Saved view"
        placeholder="(none)"
        options={views.map((v) => ({ value: v.name, label: v.name }))}
        value={selected}
        onChange={(e) => {
          setSelected(e.target.value);
          const view = views.find((v) => v.name === e.target.value);
          if (view) onApply(view.state);
        }}
      />
      <Button onClick={() => setNaming(true)}>Save view</Button>
      {selected && (
        <Button
          variant="ghost"
          onClick={() => {
            setViews(deleteView<S>(table, selected));
            setSelected('');
          }}
        >
          Delete view
        </Button>
      )}
      <Dialog
        open={naming}
        onClose={() => setNaming(false)}
        title="Save this view"
        description="Filters, columns and sort order are saved in this browser."
        footer={
          <>
            <Button onClick={() => setNaming(false)}>Cancel</Button>
            <Button
              variant="primary"
              disabled={!name.trim()}
              onClick={() => {
                setViews(saveView(table, { name: name.trim(), state: current }));
                setSelected(name.trim());
                setName('');
                setNaming(false);
              }}
            >
              Save
            </Button>
          </>
        }
      >
        <Input label="View name" value={name} onChange={(e) => setName(e.target.value)} />
      </Dialog>
    </>
  );
}
