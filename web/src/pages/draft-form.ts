import { type ChangeEvent, useState } from 'react';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Errors = Readonly<Record<string, string>>;
/** The keys of a draft whose values are text (what an Input, Select or TextArea edits). */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/**
 * Props that bind one text field of a draft to an Input, Select or TextArea: its value, a change
 * handler that patches the draft, and the field's message (under the API's field name).
 */
export function bindDraft<D extends object>(draft: D, set: (patch: Partial<D>) => void, errors: Errors) {
  return <K extends TextKey<D>>(key: K) => ({
    value: draft[key] as string,
    onChange: (event: ChangeEvent<Control>) => set({ [key]: event.target.value } as Partial<D>),
    error: errors[key],
  });
}

/**
 * A form's draft and its messages: the draft's own checks show once the user has tried to save,
 * the server's (or the browser-side schema check's) as soon as they arrive.
 */
export function useDraftForm<D extends object>(
  initial: () => D,
  findErrors: (draft: D) => Record<string, string>,
  saveErrors: Errors,
) {
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const local = findErrors(draft);
  const errors: Record<string, string> = { ...(tried ? local : {}), ...saveErrors };
  const set = (patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch }));
  return {
    draft,
    setDraft,
    set,
    errors,
    field: bindDraft(draft, set, errors),
    /** Shows the draft's messages from now on; true when none of them (after `only`) is left. */
    ready(only: (errors: Record<string, string>) => Record<string, string> = (e) => e): boolean {
      setTried(true);
      return Object.keys(only(local)).length === 0;
    },
  };
}
