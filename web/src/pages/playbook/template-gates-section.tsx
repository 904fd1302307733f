import { Card, Input, Select } from '../../design';
import { CheckboxGroup, ItemList } from './item-list';
import { moveItem, newChecklistItem, removeItem, replaceItem, toggleIn } from './template-draft';
import { KeyInput, type SectionProps, sectionOps } from './template-sections';

// The gates of the structured template editor: name, key, the phase each closes, entry and exit
// criteria, required artefacts and approver roles (ticked from the template's documents and
// roles) and the checklist, each item required or optional.

/** An ordered list of texts (entry or exit criteria). */
function TextList({
  label,
  noun,
  field,
  items,
  onChange,
  errorOf,
}: {
  label: string;
  noun: string;
  field: string;
  items: string[];
  onChange: (items: string[]) => void;
  errorOf: SectionProps['errorOf'];
}) {
  return (
    <div>
      <h4>{label}</h4>
      <ItemList
        label={label}
        items={items}
        itemLabel={(_, i) => `${noun} ${i + 1}`}
        onMove={(i, d) => onChange(moveItem(items, i, d))}
        onRemove={(i) => onChange(removeItem(items, i))}
        onAdd={() => onChange([...items, ''])}
        addLabel={`Add ${noun.toLowerCase()}`}
        compact
        error={errorOf(field)}
        render={(text, i) => (
          <Input
            label="Text"
            value={text}
            onChange={(e) => onChange(replaceItem(items, i, e.target.value))}
            error={errorOf(`${field}.${i}`)}
          />
        )}
      />
    </div>
  );
}

export function GatesSection(props: SectionProps) {
  const { content, errorOf } = props;
  const ops = sectionOps(props, 'gates');
  const phases = content.phases.map((p) => ({ value: p.key, label: p.name || p.key }));
  const roles = content.roles.map((r) => ({ value: r.key, label: r.name || r.key }));
  const documents = content.documents.map((d) => ({ value: d.key, label: d.name || d.key }));
  return (
    <Card title="Gates">
      <ItemList
        label="Gates"
        items={content.gates}
        itemLabel={(g, i) => g.name.trim() || `Gate ${i + 1}`}
        onMove={ops.move}
        onRemove={ops.remove}
        onAdd={ops.add}
        addLabel="Add gate"
        render={(g, i) => {
          const at = `content.gates.${i}`;
          const checklist = g.checklist;
          return (
            <>
              <div className="grid-2">
                <Input
                  label="Name"
                  value={g.name}
                  onChange={(e) => ops.set(i, { name: e.target.value })}
                  error={errorOf(`${at}.name`)}
                />
                <KeyInput
                  value={g.key}
                  onChange={(k) => ops.set(i, { key: k })}
                  error={errorOf(`${at}.key`)}
                />
                <Select
                  label="Closes phase"
                  placeholder="Choose a phase"
                  value={phases.some((p) => p.value === g.afterPhase) ? g.afterPhase : ''}
                  options={phases}
                  onChange={(e) => ops.set(i, { afterPhase: e.target.value })}
                  error={errorOf(`${at}.afterPhase`)}
                />
              </div>
              <div className="grid-2">
                <TextList
                  label="Entry criteria"
                  noun="Entry criterion"
                  field={`${at}.entryCriteria`}
                  items={g.entryCriteria}
                  onChange={(v) => ops.set(i, { entryCriteria: v })}
                  errorOf={errorOf}
                />
                <TextList
                  label="Exit criteria"
                  noun="Exit criterion"
                  field={`${at}.exitCriteria`}
                  items={g.exitCriteria}
                  onChange={(v) => ops.set(i, { exitCriteria: v })}
                  errorOf={errorOf}
                />
              </div>
              <div className="grid-2">
                <CheckboxGroup
                  legend="Required artefacts"
                  options={documents}
                  value={g.requiredArtefacts}
                  onChange={(v, on) =>
                    ops.set(i, { requiredArtefacts: toggleIn(g.requiredArtefacts, v, on) })
                  }
                  error={errorOf(`${at}.requiredArtefacts`)}
                  hint="Add document templates first."
                />
                <CheckboxGroup
                  legend="Approver roles"
                  options={roles}
                  value={g.approverRoles}
                  onChange={(v, on) => ops.set(i, { approverRoles: toggleIn(g.approverRoles, v, on) })}
                  error={errorOf(`${at}.approverRoles`)}
                  hint="Add roles first."
                />
              </div>
              <h4>Checklist</h4>
              <ItemList
                label={`Checklist of ${g.name || g.key}`}
                items={checklist}
                itemLabel={(item, j) => `Item ${j + 1}${item.text ? `: ${item.text}` : ''}`}
                onMove={(j, d) => ops.set(i, { checklist: moveItem(checklist, j, d) })}
                onRemove={(j) => ops.set(i, { checklist: removeItem(checklist, j) })}
                onAdd={() => ops.set(i, { checklist: [...checklist, newChecklistItem(g)] })}
                addLabel="Add checklist item"
                compact
                error={errorOf(`${at}.checklist`)}
                render={(item, j) => (
                  <div className="grid-2">
                    <Input
                      label="Text"
                      value={item.text}
                      onChange={(e) =>
                        ops.set(i, {
                          checklist: replaceItem(checklist, j, { ...item, text: e.target.value }),
                        })
                      }
                      error={errorOf(`${at}.checklist.${j}.text`)}
                    />
                    <KeyInput
                      value={item.key}
                      onChange={(k) =>
                        ops.set(i, { checklist: replaceItem(checklist, j, { ...item, key: k }) })
                      }
                      error={errorOf(`${at}.checklist.${j}.key`)}
                    />
                    <label className="t-check">
                      <input
                        type="checkbox"
                        checked={item.required}
                        onChange={(e) =>
                          ops.set(i, {
                            checklist: replaceItem(checklist, j, { ...item, required: e.target.checked }),
                          })
                        }
                      />{' '}
                      Required before the gate can pass
                    </label>
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
