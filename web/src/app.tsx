import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { getAuthState, subscribeToAuth } from './api/auth';
import { isApiError } from './api/client';
import { routes } from './routes';
import { PortfolioScopeProvider } from './shell/portfolio-scope';
import { ThemeProvider } from './shell/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Retrying cannot fix a refused or missing record.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
  mutationCache: new MutationCache(),
});

// Nothing of one user's data may be shown to the next one signing in on this tab.
subscribeToAuth(() => {
  if (getAuthState().status === 'signed-out') queryClient.clear();
});

const router = createBrowserRouter(routes);

export function App() {
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <PortfolioScopeProvider>
          <RouterProvider router={router} />
        </PortfolioScopeProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
