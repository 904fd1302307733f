import { recordAudit } from '../../audit/audit-store';
import { ProblemError } from '../../http/problem';
import { getRecord } from '../../resources/resource-service';
import type { RequestContext, Trx } from '../../resources/resource-spec';
import type { OptimisationScenariosTable } from '../../store/tables';
import type { RunResultValue } from './run-result';
import { findLatestDoneRun, findRun } from './run-store';
import { scenarioSpec } from './scenario-spec';

/**
 * Makes a scenario's finished run the portfolio's plan: records who adopted it, when and why on the
 * scenario (the decision record), withdraws any earlier adoption in the same portfolio, and audits
 * both. The caller's version must match (412 otherwise) so nobody adopts a scenario they have not
 * seen in its current form.
 */
export async function adoptScenario(
  trx: Trx,
  ctx: RequestContext,
  scenario: OptimisationScenariosTable,
  body: { rationale: string; runId?: string },
  expectedVersion: number,
) {
  if (body.rationale.length < 3)
    throw new ProblemError('validation_failed', 'rationale: say why this plan is adopted', [
      { field: 'rationale', message: 'must not be blank' },
    ]);
  const org = ctx.principal.organisationId;
  const run = body.runId
    ? await findRun(trx, org, scenario.id, body.runId)
    : await findLatestDoneRun(trx, org, scenario.id);
  if (run?.status !== 'done')
    throw new ProblemError(
      'conflict',
      'Only a finished optimiser run can be adopted; run the optimiser first.',
      [{ field: 'runId', message: run ? `the run is ${run.status}` : 'no finished run' }],
    );
  if (Number(scenario.version) !== expectedVersion)
    throw new ProblemError(
      'precondition_failed',
      `Optimisation scenario is at version ${scenario.version}, not ${expectedVersion}: someone else changed it.`,
      [],
      { current: await getRecord(trx, ctx, scenarioSpec, scenario.id) },
    );
  const previous = await trx
    .selectFrom('optimisation_scenarios')
    .select(['id', 'version', 'adopted_at'])
    .where('organisation_id', '=', org)
    .where('portfolio_id', '=', scenario.portfolio_id)
    .where('adopted_at', 'is not', null)
    .where('id', '!=', scenario.id)
    .execute();
  for (const p of previous) {
    await trx
      .updateTable('optimisation_scenarios')
      .set({
        adopted_at: null,
        adopted_by: null,
        adopted_run_id: null,
        version: Number(p.version) + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', p.id)
      .execute();
    await recordAudit(trx, ctx.principal, ctx.now, {
      entityType: scenarioSpec.entityType,
      entityId: p.id,
      action: 'update',
      changes: {
        adoptedAt: { before: p.adopted_at, after: null },
        supersededBy: { before: null, after: scenario.id },
      },
    });
  }
  const updated = await trx
    .updateTable('optimisation_scenarios')
    .set({
      adopted_at: ctx.now,
      adopted_by: ctx.principal.userId,
      adopted_run_id: run.id,
      adoption_rationale: body.rationale,
      version: expectedVersion + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', scenario.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new ProblemError(
      'precondition_failed',
      'Optimisation scenario was changed by someone else while you were adopting it.',
    );
  await recordAudit(trx, ctx.principal, ctx.now, {
    entityType: scenarioSpec.entityType,
    entityId: scenario.id,
    action: 'update',
    changes: {
      adoptedAt: { before: scenario.adopted_at, after: ctx.now },
      adoptedBy: { before: scenario.adopted_by, after: ctx.principal.userId },
      adoptedRunId: { before: scenario.adopted_run_id, after: run.id },
      adoptionRationale: { before: scenario.adoption_rationale, after: body.rationale },
    },
  });
  const result = run.result ? (JSON.parse(run.result) as RunResultValue) : null;
  return {
    scenarioId: scenario.id,
    portfolioId: scenario.portfolio_id,
    runId: run.id,
    adoptedAt: ctx.now,
    adoptedBy: ctx.principal.userId ?? '',
    rationale: body.rationale,
    version: expectedVersion + 1,
    objective: result?.objective ?? null,
  };
}
