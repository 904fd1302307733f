import type { WebFeature } from '../../features/feature';

export const deliveryFeature: WebFeature = { routes: {}, nav: [] };
