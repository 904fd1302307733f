import type { WebFeature } from '../../features/feature';

export const playbookFeature: WebFeature = { routes: {}, nav: [] };
