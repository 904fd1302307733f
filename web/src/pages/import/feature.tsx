import type { WebFeature } from '../../features/feature';

export const importFeature: WebFeature = { routes: {}, nav: [] };
