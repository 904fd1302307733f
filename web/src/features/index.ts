import { deliveryFeature } from '../pages/delivery/feature';
import { importFeature } from '../pages/import/feature';
import { optimisationFeature } from '../pages/optimisation/feature';
import { peopleFeature } from '../pages/people/feature';
import { playbookFeature } from '../pages/playbook/feature';
import { resourcesFeature } from '../pages/resources/feature';
import { scheduleFeature } from '../pages/schedule/feature';
import { valueFeature } from '../pages/value/feature';
import type { NavEntry, Office, WebFeature } from './feature';

const FEATURES: readonly WebFeature[] = [
  playbookFeature,
  scheduleFeature,
  resourcesFeature,
  deliveryFeature,
  valueFeature,
  optimisationFeature,
  importFeature,
  peopleFeature,
];

export function featureRoutes(office: Office) {
  return FEATURES.flatMap((feature) => feature.routes[office] ?? []);
}

export function featureNav(office: Office): NavEntry[] {
  return FEATURES.flatMap((feature) => feature.nav.filter((entry) => entry.office === office));
}
