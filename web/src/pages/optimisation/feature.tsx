import type { WebFeature } from '../../features/feature';

export const optimisationFeature: WebFeature = { routes: {}, nav: [] };
