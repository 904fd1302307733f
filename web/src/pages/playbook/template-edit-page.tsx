import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ROLE_LABELS } from '../../api/identity';
import { type Template, usePlaybookRecord, usePlaybookWrite } from '../../api/playbook';
import { Button, ButtonLink, Card, ErrorState, Input, Select, Skeleton, Textarea } from '../../design';
import { usePageTitle } from '../record-name';
import { ConflictNotice } from './conflict-notice';
import { FieldProblems } from './decision-dialog';
import {
  findDraftErrors,
  type MethodologyContent,
  parseContentJson,
  type TemplateDraft,
} from './template-draft';
import { GatesSection } from './template-gates-section';
import { DocumentsSection, PhasesSection, RolesSection } from './template-sections';

const TRIAD_ROLES = Object.keys(ROLE_LABELS);
const SECTIONS = [
  { id: 'phases', label: 'Phases' },
  { id: 'roles', label: 'Roles' },
  { id: 'gates', label: 'Gates' },
  { id: 'documents', label: 'Document templates' },
  { id: 'json', label: 'JSON (advanced)' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** How many of the draft's problems lie in a section (fields `content.<section>…`). */
const countIn = (problems: Record<string, string>, id: SectionId) =>
  Object.keys(problems).filter((f) => f === `content.${id}` || f.startsWith(`content.${id}.`)).length;

/** The structured editor of one methodology template; saving makes a new version. */
export function TemplateEditPage() {
  const { templateId = '' } = useParams();
  const template = usePlaybookRecord<Template>('methodology-templates', templateId);
  usePageTitle(template.data ? `Edit ${template.data.name}` : 'Edit template');
  if (template.isPending) return <Skeleton lines={10} label="Loading template" />;
  if (template.isError) return <ErrorState error={template.error} onRetry={() => void template.refetch()} />;
  // A newer version (someone else's save, or ours) starts a fresh draft.
  return <TemplateEditor key={`${template.data.id}-${template.data.version}`} template={template.data} />;
}

function TemplateEditor({ template }: { template: Template }) {
  const navigate = useNavigate();
  const { update } = usePlaybookWrite<Template>('methodology-templates');
  const [draft, setDraft] = useState<TemplateDraft>({
    name: template.name,
    description: template.description ?? '',
    content: structuredClone(template.content) as MethodologyContent,
  });
  const [attempted, setAttempted] = useState(false);
  const [section, setSection] = useState<SectionId>('phases');
  const problems = useMemo(() => findDraftErrors(draft, TRIAD_ROLES), [draft]);
  const serverErrors = isApiError(update.error) ? update.error.errors : [];
  const errorOf = (field: string) =>
    problems[field] ?? serverErrors.find((e) => e.field === field || e.field === `body.${field}`)?.message;
  const setContent = (content: MethodologyContent) => setDraft({ ...draft, content });
  const problemCount = Object.keys(problems).length;
  const back = `/portfolio/playbook/${template.id}`;

  const save = () => {
    setAttempted(true);
    if (problemCount > 0) return;
    update.mutate(
      {
        id: template.id,
        version: template.version,
        patch: {
          name: draft.name.trim(),
          description: draft.description.trim() || null,
          content: draft.content,
        },
      },
      { onSuccess: () => navigate(back) },
    );
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Edit {template.name}</h1>
          <p className="muted">
            Saving creates version {template.version + 1}. Projects keep the version they started with
            {template.projectCount > 0 ? ` (${template.projectCount} project(s) run on this template)` : ''}{' '}
            until someone moves them.
          </p>
        </div>
        <div className="row">
          <ButtonLink to={back}>Cancel</ButtonLink>
          <Button variant="primary" disabled={update.isPending} onClick={save}>
            Save as version {template.version + 1}
          </Button>
        </div>
      </div>
      {attempted && problemCount > 0 && (
        <div role="alert" className="t-error">
          <p>
            {problemCount} problem{problemCount === 1 ? '' : 's'} to fix before saving; each is shown beside
            its field:
          </p>
          <ul>
            {Object.entries(problems).map(([field, message]) => (
              <li key={field}>
                <span className="mono">{field}</span>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {isApiError(update.error, 'precondition_failed') ? (
        <ConflictNotice />
      ) : (
        <FieldProblems error={update.error} />
      )}
      <Card title="Details">
        <div className="grid-2">
          <Input
            label="Name"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            error={errorOf('name')}
          />
          <Select
            label="Intake form"
            hint="The document template project proposals are filled in on."
            placeholder="Business case (default)"
            value={draft.content.intakeDocument ?? ''}
            options={draft.content.documents.map((d) => ({ value: d.key, label: d.name || d.key }))}
            onChange={(e) => {
              const { intakeDocument: _, ...rest } = draft.content;
              setContent(e.target.value ? { ...rest, intakeDocument: e.target.value } : rest);
            }}
            error={errorOf('content.intakeDocument')}
          />
        </div>
        <Textarea
          label="Description"
          rows={2}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          error={errorOf('description')}
        />
      </Card>
      <div className="row-between">
        <fieldset className="t-segmented">
          <legend className="visually-hidden">Section to edit</legend>
          {SECTIONS.map((s) => {
            const n = countIn(problems, s.id);
            return (
              <button
                key={s.id}
                type="button"
                aria-pressed={section === s.id}
                onClick={() => setSection(s.id)}
              >
                {s.label}
                {n > 0 && ` (${n} problem${n === 1 ? '' : 's'})`}
              </button>
            );
          })}
        </fieldset>
        <p className="muted template-key-note">
          Keys: lower-case letters, digits and _; projects and gate reviews refer to them.
        </p>
      </div>
      {section === 'phases' && (
        <PhasesSection content={draft.content} onChange={setContent} errorOf={errorOf} />
      )}
      {section === 'roles' && (
        <RolesSection content={draft.content} onChange={setContent} errorOf={errorOf} />
      )}
      {section === 'gates' && (
        <GatesSection content={draft.content} onChange={setContent} errorOf={errorOf} />
      )}
      {section === 'documents' && (
        <DocumentsSection content={draft.content} onChange={setContent} errorOf={errorOf} />
      )}
      {section === 'json' && <JsonView content={draft.content} onApply={setContent} />}
    </>
  );
}

/** Advanced: the content as JSON, applied to the form (and checked like any other edit). */
function JsonView({
  content,
  onApply,
}: {
  content: MethodologyContent;
  onApply: (c: MethodologyContent) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const shown = text ?? JSON.stringify(content, null, 2);
  return (
    <Card title="Advanced: content as JSON">
      <Textarea
        label="Content (phases, gates, roles, documents) as JSON"
        rows={16}
        className="t-textarea mono"
        value={shown}
        onChange={(e) => setText(e.target.value)}
        error={error}
      />
      <div className="row">
        <Button
          disabled={text === null}
          onClick={() => {
            const parsed = parseContentJson(shown);
            if ('error' in parsed) return setError(parsed.error);
            setError(undefined);
            setText(null);
            onApply(parsed.content);
          }}
        >
          Apply JSON to the form
        </Button>
        <Button
          disabled={text === null}
          onClick={() => {
            setText(null);
            setError(undefined);
          }}
        >
          Discard JSON changes
        </Button>
      </div>
    </Card>
  );
}
