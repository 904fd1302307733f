export * from './effort-estimate';
