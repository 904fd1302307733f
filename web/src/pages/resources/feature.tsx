import type { WebFeature } from '../../features/feature';

export const resourcesFeature: WebFeature = { routes: {}, nav: [] };
