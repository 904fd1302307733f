import type { RouteObject } from 'react-router';
import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';

const crumb = (label: string): RouteHandle => ({ crumb: () => label });

// Each page is loaded when first visited, so the value office adds nothing to the first load.
const page = (
  path: string,
  label: string,
  load: () => Promise<{ Component: () => React.ReactNode }>,
): RouteObject => ({
  path,
  handle: crumb(label),
  lazy: load,
});

export const valueFeature: WebFeature = {
  routes: {
    value: [
      page('strategy', 'Strategy', () =>
        import('./strategy-page').then((m) => ({ Component: m.StrategyPage })),
      ),
      page('strategy/key-results/:keyResultId', 'Key result', () =>
        import('./key-result-page').then((m) => ({ Component: m.KeyResultPage })),
      ),
      page('streams', 'Value streams', () =>
        import('./value-streams-page').then((m) => ({ Component: m.ValueStreamsPage })),
      ),
      page('kpis', 'KPIs', () => import('./kpis-page').then((m) => ({ Component: m.KpisPage }))),
      page('kpis/:kpiId', 'KPI', () => import('./kpi-page').then((m) => ({ Component: m.KpiPage }))),
      page('business-cases', 'Business cases', () =>
        import('./business-cases-page').then((m) => ({ Component: m.BusinessCasesPage })),
      ),
      page('business-cases/:caseId', 'Business case', () =>
        import('./business-case-page').then((m) => ({ Component: m.BusinessCasePage })),
      ),
      page('benefits', 'Benefits', () =>
        import('./benefits-page').then((m) => ({ Component: m.BenefitsPage })),
      ),
      page('prioritisation', 'Prioritisation', () =>
        import('./prioritisation-page').then((m) => ({ Component: m.PrioritisationPage })),
      ),
      page('prioritisation/wsjf-session', 'WSJF session', () =>
        import('./wsjf-session-page').then((m) => ({ Component: m.WsjfSessionPage })),
      ),
      page('prioritisation/models', 'Scoring models', () =>
        import('./scoring-models-page').then((m) => ({ Component: m.ScoringModelsPage })),
      ),
    ],
  },
  nav: [
    { office: 'value', to: '/value/strategy', label: 'Strategy and OKRs' },
    { office: 'value', to: '/value/streams', label: 'Value streams' },
    { office: 'value', to: '/value/kpis', label: 'KPIs' },
    { office: 'value', to: '/value/business-cases', label: 'Business cases' },
    { office: 'value', to: '/value/benefits', label: 'Benefits' },
    { office: 'value', to: '/value/prioritisation', label: 'Prioritisation' },
  ],
};
