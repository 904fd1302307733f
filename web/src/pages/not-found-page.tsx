import { ButtonLink, EmptyState } from '../design';
import { usePageTitle } from './record-name';

export function NotFoundPage() {
  usePageTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <EmptyState title="There is nothing at this address">
        <ButtonLink to="/portfolio" variant="primary">
          Go to the portfolio overview
        </ButtonLink>
      </EmptyState>
    </>
  );
}
