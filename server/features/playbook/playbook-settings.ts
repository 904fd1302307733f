import { DEFAULT_RISK_MATRIX, type RiskMatrix } from '../../../core/playbook/risk';
import type { Trx } from '../../resources/resource-spec';

export interface PlaybookSettings {
  riskMatrix: RiskMatrix;
  /** Share of a portfolio's Accountables (0–1) above which one person is flagged. */
  raciShareThreshold: number;
  /** Portfolios with fewer activities than this are not judged for concentration. */
  raciMinActivities: number;
  version: number;
}

export const DEFAULT_SETTINGS: PlaybookSettings = {
  riskMatrix: DEFAULT_RISK_MATRIX,
  raciShareThreshold: 0.3,
  raciMinActivities: 6,
  version: 0,
};

/** The organisation's playbook settings, or the defaults when it has never saved any (version 0). */
export async function getPlaybookSettings(trx: Trx, organisationId: string): Promise<PlaybookSettings> {
  const row = await trx
    .selectFrom('playbook_settings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return {
    riskMatrix: JSON.parse(row.risk_matrix) as RiskMatrix,
    raciShareThreshold: Number(row.raci_share_threshold),
    raciMinActivities: Number(row.raci_min_activities),
    version: Number(row.version),
  };
}
