import type { WebFeature } from '../../features/feature';

export const scheduleFeature: WebFeature = { routes: {}, nav: [] };
