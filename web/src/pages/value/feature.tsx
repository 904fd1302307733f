import type { WebFeature } from '../../features/feature';

export const valueFeature: WebFeature = { routes: {}, nav: [] };
