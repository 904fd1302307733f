import { useEffect } from 'react';
import { Link } from 'react-router';
import { type Template, useEnsureDefaults, usePlaybookList } from '../../api/playbook';
import { Badge, Card, humanise, QueryView } from '../../design';
import { formatDateTime } from '../../lib/format';
import { ListExport } from '../list-export';
import { usePageTitle } from '../record-name';
import { TableWrap } from './table-wrap';

/** The organisation's playbook: one methodology template per row, defaults first. */
export function TemplatesPage() {
  usePageTitle('Playbook');
  const templates = usePlaybookList<Template>('methodology-templates', { sort: 'name' });
  const defaults = useEnsureDefaults();
  const empty = templates.data?.length === 0;
  // Triad's defaults are created on first use, so a new organisation sees a playbook at once.
  useEffect(() => {
    if (empty && defaults.isIdle) defaults.mutate();
  }, [empty, defaults]);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Playbook</h1>
          <p className="muted">
            Methodology templates: phases, gates with criteria and checklists, roles and document templates.
            Projects keep the template version they started with.
          </p>
        </div>
      </div>
      <Card
        title="Methodology templates"
        actions={
          <ListExport<Template>
            title="Methodology templates"
            fileStem="methodology-templates"
            rows={templates.data ?? []}
            disabled={!templates.data?.length}
            columns={[
              { header: 'Template', value: (t) => t.name },
              { header: 'Triad default', value: (t) => (t.isDefault ? 'yes' : 'no') },
              { header: 'Methodology', value: (t) => humanise(t.methodology) },
              { header: 'Version', value: (t) => t.version },
              { header: 'Phases', value: (t) => t.content.phases.length },
              { header: 'Gates', value: (t) => t.content.gates.length },
              { header: 'Projects', value: (t) => t.projectCount },
              { header: 'Last changed', value: (t) => t.updatedAt },
            ]}
          />
        }
      >
        <QueryView
          query={templates}
          label="templates"
          empty="No templates yet"
          emptyHint="Creating Triad's defaults…"
          isEmpty={(templatesData) => templatesData.length === 0}
        >
          {(templatesData) => (
            <TableWrap label="Methodology templates">
              <table className="t-table">
                <caption className="visually-hidden">Methodology templates</caption>
                <thead>
                  <tr>
                    <th scope="col">Template</th>
                    <th scope="col">Methodology</th>
                    <th scope="col" className="num">
                      Version
                    </th>
                    <th scope="col" className="num">
                      Phases
                    </th>
                    <th scope="col" className="num">
                      Gates
                    </th>
                    <th scope="col" className="num">
                      Projects
                    </th>
                    <th scope="col">Last changed</th>
                  </tr>
                </thead>
                <tbody>
                  {templatesData.map((t) => (
                    <tr key={t.id}>
                      <td>
                        <Link to={`/portfolio/playbook/${t.id}`}>{t.name}</Link>{' '}
                        {t.isDefault && <Badge>Triad default</Badge>}
                      </td>
                      <td>{humanise(t.methodology)}</td>
                      <td className="num">{t.version}</td>
                      <td className="num">{t.content.phases.length}</td>
                      <td className="num">{t.content.gates.length}</td>
                      <td className="num">{t.projectCount}</td>
                      <td>{formatDateTime(t.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </QueryView>
      </Card>
    </>
  );
}
