// The design system: every page builds from these components and the tokens in styles/.
export { Badge, type BadgeTone, HealthBadge } from './badge';
export { Button, ButtonLink, type ButtonVariant } from './button';
export { Card } from './card';
export { Dialog } from './dialog';
export { humanise, Input, type Option, optionsOf, recordOptions, Select, Textarea } from './field';
export { Menu } from './menu';
export { EmptyState, ErrorState, QueryView, Skeleton } from './states';
export { type Column, DataTable, type SortState, toSortParam } from './table';
