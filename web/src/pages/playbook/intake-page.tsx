import { useState } from 'react';
import { Link } from 'react-router';
import {
  type Proposal,
  type Template,
  usePlaybookList,
  usePlaybookWrite,
  useTriage,
} from '../../api/playbook';
import { useEverything } from '../../api/resources';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  Dialog,
  humanise,
  Input,
  QueryView,
  recordOptions,
  Select,
  Textarea,
} from '../../design';
import { formatDateTime } from '../../lib/format';
import { fetchAllRows } from '../../lib/list-export';
import { usePortfolioScope } from '../../shell/portfolio-scope';
import { ListExport } from '../list-export';
import { usePageTitle } from '../record-name';
import { DecisionDialog, FieldProblems, fieldErrorOf } from './decision-dialog';
import { TableWrap } from './table-wrap';

const STATE_TONE: Record<string, BadgeTone> = {
  submitted: 'amber',
  deferred: 'neutral',
  accepted: 'green',
  rejected: 'red',
};

/** The intake form a template defines: its `intakeDocument` (older templates: the business case). */
function intakeForm(t: Template | undefined) {
  return t?.content.documents.find((d) => d.key === (t.content.intakeDocument ?? 'business_case'));
}

/** Intake: propose a project on the playbook's form, and the PMO's triage queue. */
export function IntakePage() {
  usePageTitle('Intake');
  const [proposing, setProposing] = useState(false);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Intake</h1>
          <p className="muted">
            Proposals for new projects, filled in on the playbook's intake form and triaged by the PMO.
          </p>
        </div>
        <Button variant="primary" onClick={() => setProposing(true)}>
          Propose a project
        </Button>
      </div>
      <TriageQueue />
      {proposing && <ProposalDialog onClose={() => setProposing(false)} />}
    </>
  );
}

function TriageQueue() {
  const { portfolioId } = usePortfolioScope();
  const [state, setState] = useState('submitted,deferred');
  const listQuery = { state, portfolioId: portfolioId || undefined };
  const proposals = usePlaybookList<Proposal>('project-proposals', listQuery);
  const portfolios = useEverything('portfolios');
  const [triaging, setTriaging] = useState<Proposal | null>(null);
  const portfolioName = (id: string) => portfolios.data?.find((p) => p.id === id)?.name ?? '…';
  return (
    <Card
      title="Triage queue"
      actions={
        <div className="row">
          <ListExport<Proposal>
            title="Project proposals"
            fileStem="project-proposals"
            rows={() => fetchAllRows<Proposal>('project-proposals', listQuery)}
            disabled={!proposals.data?.length}
            columns={[
              { header: 'Proposal', value: (p) => p.title },
              { header: 'Portfolio', value: (p) => portfolioName(p.portfolioId) },
              { header: 'State', value: (p) => humanise(p.state) },
              { header: 'Submitted by', value: (p) => p.submittedBy },
              { header: 'Submitted', value: (p) => p.createdAt },
              { header: 'Triage rationale', value: (p) => p.triageRationale },
              { header: 'Triaged by', value: (p) => p.triagedBy },
              { header: 'Triaged', value: (p) => p.triagedAt },
            ]}
          />
          <Select
            label="Show"
            value={state}
            onChange={(e) => setState(e.target.value)}
            options={[
              { value: 'submitted,deferred', label: 'Waiting (submitted or deferred)' },
              { value: 'accepted', label: 'Accepted' },
              { value: 'rejected', label: 'Rejected' },
              { value: 'submitted,deferred,accepted,rejected', label: 'All' },
            ]}
          />
        </div>
      }
    >
      <QueryView
        query={proposals}
        label="proposals"
        empty="No proposals here"
        isEmpty={(proposalsData) => proposalsData.length === 0}
      >
        {(proposalsData) => (
          <TableWrap label="Project proposals">
            <table className="t-table">
              <caption className="visually-hidden">Project proposals</caption>
              <thead>
                <tr>
                  <th scope="col">Proposal</th>
                  <th scope="col">Portfolio</th>
                  <th scope="col">State</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Triage</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {proposalsData.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <strong>{p.title}</strong>
                      <div className="muted">{Object.values(p.fields).slice(0, 2).join(' — ')}</div>
                    </td>
                    <td>{portfolioName(p.portfolioId)}</td>
                    <td>
                      <Badge tone={STATE_TONE[p.state]}>{humanise(p.state)}</Badge>
                    </td>
                    <td>
                      {p.submittedBy}
                      <div className="muted">{formatDateTime(p.createdAt)}</div>
                    </td>
                    <td>
                      {p.triageRationale ?? '—'}
                      {p.triagedBy && (
                        <div className="muted">
                          {p.triagedBy}, {formatDateTime(p.triagedAt)}
                        </div>
                      )}
                      {p.projectId && (
                        <Link to={`/portfolio/projects/${p.projectId}/gates`}>Open project</Link>
                      )}
                    </td>
                    <td>
                      {(p.state === 'submitted' || p.state === 'deferred') && (
                        <Button size="sm" onClick={() => setTriaging(p)} aria-label={`Triage ${p.title}`}>
                          Triage
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
      {triaging && <TriageDialog proposal={triaging} onClose={() => setTriaging(null)} />}
    </Card>
  );
}

const TRIAGE_DECISIONS = [
  { value: 'accept', label: 'Accept into a new project' },
  { value: 'defer', label: 'Defer' },
  { value: 'reject', label: 'Reject' },
];

function TriageDialog({ proposal, onClose }: { proposal: Proposal; onClose: () => void }) {
  const triage = useTriage();
  const [key, setKey] = useState('');
  return (
    <DecisionDialog
      title={`Triage: ${proposal.title}`}
      description="Every decision is recorded with its rationale, who made it and when."
      outcomeLabel="Decision"
      outcomes={TRIAGE_DECISIONS}
      pending={triage.isPending}
      error={triage.error}
      inlineFields={['project.key']}
      onClose={onClose}
      onSubmit={({ outcome, rationale }) =>
        triage.mutate(
          {
            id: proposal.id,
            version: proposal.version,
            decision: outcome,
            rationale,
            ...(outcome === 'accept' ? { project: { key } } : {}),
          },
          { onSuccess: onClose },
        )
      }
    >
      {(decision) => (
        <>
          <dl className="facts">
            {Object.entries(proposal.fields).map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{humanise(k)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {decision === 'accept' && (
            <Input
              label="Project key"
              hint="Upper-case letters and digits, e.g. OBAPI"
              value={key}
              onChange={(e) => setKey(e.target.value.toUpperCase())}
              error={fieldErrorOf(triage.error, 'project.key')}
            />
          )}
        </>
      )}
    </DecisionDialog>
  );
}

function ProposalDialog({ onClose }: { onClose: () => void }) {
  const { portfolioId: scoped } = usePortfolioScope();
  const portfolios = useEverything('portfolios');
  const templates = usePlaybookList<Template>('methodology-templates', { sort: 'name' });
  const { create } = usePlaybookWrite<Proposal>('project-proposals');
  const [portfolioId, setPortfolioId] = useState(scoped);
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const template =
    templates.data?.find((t) => t.id === templateId) ??
    templates.data?.find((t) => t.isDefault && t.methodology === 'predictive');
  const form = intakeForm(template);
  const errorOf = (field: string) => fieldErrorOf(create.error, field);
  const submit = () => {
    const fields = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== ''));
    create.mutate({ portfolioId, templateId: template?.id, title, fields }, { onSuccess: onClose });
  };
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title="Propose a project"
      description={
        form
          ? `The ${form.name} form of ${template?.name}. Required fields are marked.`
          : 'Choose a playbook.'
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={create.isPending} onClick={submit}>
            Submit proposal
          </Button>
        </>
      }
    >
      <Select
        label="Portfolio"
        placeholder="Choose a portfolio"
        value={portfolioId}
        onChange={(e) => setPortfolioId(e.target.value)}
        options={recordOptions(portfolios.data)}
        error={errorOf('portfolioId')}
      />
      <Select
        label="Playbook"
        value={template?.id ?? ''}
        onChange={(e) => setTemplateId(e.target.value)}
        options={(templates.data ?? []).map((t) => ({
          value: t.id,
          label: `${t.name} (${humanise(t.methodology)})`,
        }))}
        error={errorOf('templateId')}
      />
      <Input
        label="Title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errorOf('title')}
      />
      {form?.fields.map((f) => (
        <Textarea
          key={f.key}
          label={`${f.label}${f.required ? ' (required)' : ' (optional)'}`}
          rows={2}
          value={answers[f.key] ?? ''}
          onChange={(e) => setAnswers({ ...answers, [f.key]: e.target.value })}
          error={errorOf(`fields.${f.key}`)}
        />
      ))}
      <FieldProblems
        error={create.error}
        shown={['portfolioId', 'templateId', 'title', ...(form?.fields.map((f) => `fields.${f.key}`) ?? [])]}
      />
    </Dialog>
  );
}
