import { ROLE_LABELS } from '../../api/identity';
import { Card, Input, Select, Textarea } from '../../design';
import { CheckboxGroup, ItemList } from './item-list';
import {
  addItem,
  type MethodologyContent,
  moveItem,
  newDocumentField,
  removeItem,
  removeSectionItem,
  renameKey,
  replaceItem,
  type Section,
  toggleIn,
} from './template-draft';

// The list sections of the structured template editor: phases, roles and document templates
// (fields required or optional); the gates are in template-gates-section.tsx. Every
// input shows its own message from the draft's validation or the server's answer.

export interface SectionProps {
  content: MethodologyContent;
  onChange: (content: MethodologyContent) => void;
  errorOf: (field: string) => string | undefined;
}

type Item<S extends Section> = MethodologyContent[S][number];

/** Update, move, remove and add for one section, with references following renames and removals. */
export function sectionOps<S extends Section>({ content, onChange }: SectionProps, section: S) {
  const list = content[section] as Item<S>[];
  return {
    set: (index: number, patch: Partial<Item<S>>) =>
      onChange({ ...content, [section]: replaceItem(list, index, { ...list[index], ...patch } as Item<S>) }),
    rename: (index: number, key: string) => onChange(renameKey(content, section, index, key)),
    move: (index: number, delta: number) => onChange({ ...content, [section]: moveItem(list, index, delta) }),
    remove: (index: number) => onChange(removeSectionItem(content, section, index)),
    add: () => onChange(addItem(content, section)),
  };
}

const DELIVERY = [
  { value: 'predictive', label: 'Predictive' },
  { value: 'scrum', label: 'Scrum' },
  { value: 'kanban', label: 'Kanban' },
];
const TRIAD_ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

export function KeyInput({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  return (
    <Input
      label="Key"
      className="t-input mono"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

export function PhasesSection(props: SectionProps) {
  const ops = sectionOps(props, 'phases');
  const at = (i: number, f: string) => props.errorOf(`content.phases.${i}.${f}`);
  return (
    <Card title="Phases">
      <ItemList
        label="Phases"
        items={props.content.phases}
        itemLabel={(p, i) => `Phase ${i + 1}: ${p.name || p.key}`}
        onMove={ops.move}
        onRemove={ops.remove}
        onAdd={ops.add}
        addLabel="Add phase"
        error={props.errorOf('content.phases')}
        render={(p, i) => (
          <div className="grid-2">
            <Input
              label="Name"
              value={p.name}
              onChange={(e) => ops.set(i, { name: e.target.value })}
              error={at(i, 'name')}
            />
            <KeyInput value={p.key} onChange={(k) => ops.rename(i, k)} error={at(i, 'key')} />
            <Select
              label="Delivery inside the phase"
              placeholder="Not set"
              value={p.delivery ?? ''}
              options={DELIVERY}
              onChange={(e) => ops.set(i, { delivery: (e.target.value || undefined) as typeof p.delivery })}
            />
            <Textarea
              label="Description (optional)"
              rows={2}
              value={p.description ?? ''}
              onChange={(e) => ops.set(i, { description: e.target.value || undefined })}
              error={at(i, 'description')}
            />
          </div>
        )}
      />
    </Card>
  );
}

export function RolesSection(props: SectionProps) {
  const ops = sectionOps(props, 'roles');
  const at = (i: number, f: string) => props.errorOf(`content.roles.${i}.${f}`);
  return (
    <Card title="Roles">
      <ItemList
        label="Roles"
        items={props.content.roles}
        itemLabel={(r, i) => `Role ${i + 1}: ${r.name || r.key}`}
        onMove={ops.move}
        onRemove={ops.remove}
        onAdd={ops.add}
        addLabel="Add role"
        render={(r, i) => (
          <div className="grid-2">
            <div>
              <Input
                label="Name"
                value={r.name}
                onChange={(e) => ops.set(i, { name: e.target.value })}
                error={at(i, 'name')}
              />
              <KeyInput value={r.key} onChange={(k) => ops.rename(i, k)} error={at(i, 'key')} />
            </div>
            <CheckboxGroup
              legend="Acted by Triad roles"
              options={TRIAD_ROLE_OPTIONS}
              value={r.triadRoles}
              onChange={(v, on) => ops.set(i, { triadRoles: toggleIn(r.triadRoles, v, on) })}
              error={at(i, 'triadRoles')}
            />
          </div>
        )}
      />
    </Card>
  );
}

export function DocumentsSection(props: SectionProps) {
  const { content, errorOf } = props;
  const ops = sectionOps(props, 'documents');
  return (
    <Card title="Document templates">
      <ItemList
        label="Document templates"
        items={content.documents}
        itemLabel={(d, i) => `Document ${i + 1}: ${d.name || d.key}`}
        onMove={ops.move}
        onRemove={ops.remove}
        onAdd={ops.add}
        addLabel="Add document template"
        render={(d, i) => {
          const at = `content.documents.${i}`;
          const fields = d.fields;
          return (
            <>
              <div className="grid-2">
                <Input
                  label="Name"
                  value={d.name}
                  onChange={(e) => ops.set(i, { name: e.target.value })}
                  error={errorOf(`${at}.name`)}
                />
                <KeyInput value={d.key} onChange={(k) => ops.rename(i, k)} error={errorOf(`${at}.key`)} />
              </div>
              <h4>Fields</h4>
              <ItemList
                label={`Fields of ${d.name || d.key}`}
                items={fields}
                itemLabel={(f, j) => `Field ${j + 1}${f.label ? `: ${f.label}` : ''}`}
                onMove={(j, delta) => ops.set(i, { fields: moveItem(fields, j, delta) })}
                onRemove={(j) => ops.set(i, { fields: removeItem(fields, j) })}
                onAdd={() => ops.set(i, { fields: [...fields, newDocumentField(d)] })}
                addLabel="Add field"
                compact
                error={errorOf(`${at}.fields`)}
                render={(f, j) => (
                  <div className="grid-2">
                    <Input
                      label="Label"
                      value={f.label}
                      onChange={(e) =>
                        ops.set(i, { fields: replaceItem(fields, j, { ...f, label: e.target.value }) })
                      }
                      error={errorOf(`${at}.fields.${j}.label`)}
                    />
                    <KeyInput
                      value={f.key}
                      onChange={(k) => ops.set(i, { fields: replaceItem(fields, j, { ...f, key: k }) })}
                      error={errorOf(`${at}.fields.${j}.key`)}
                    />
                    <Select
                      label="Field is"
                      value={f.required ? 'required' : 'optional'}
                      options={[
                        { value: 'required', label: 'Required' },
                        { value: 'optional', label: 'Optional' },
                      ]}
                      onChange={(e) =>
                        ops.set(i, {
                          fields: replaceItem(fields, j, { ...f, required: e.target.value === 'required' }),
                        })
                      }
                    />
                  </div>
                )}
              />
            </>
          );
        }}
      />
    </Card>
  );
}
