import { createContext, type ReactNode, useContext, useState } from 'react';
import { useEverything } from '../api/resources';
import { recordOptions, Select } from '../design';

// The portfolio switcher narrows the PMO and VMO pages to one portfolio ('' = all portfolios).
const STORAGE_KEY = 'triad.portfolio';

interface PortfolioScope {
  portfolioId: string;
  setPortfolioId: (id: string) => void;
}

const ScopeContext = createContext<PortfolioScope | null>(null);

export function PortfolioScopeProvider({ children }: { children: ReactNode }) {
  const [portfolioId, setState] = useState(() => localStorage.getItem(STORAGE_KEY) ?? '');
  const setPortfolioId = (id: string) => {
    if (id) localStorage.setItem(STORAGE_KEY, id);
    else localStorage.removeItem(STORAGE_KEY);
    setState(id);
  };
  return <ScopeContext.Provider value={{ portfolioId, setPortfolioId }}>{children}</ScopeContext.Provider>;
}

export function usePortfolioScope(): PortfolioScope {
  const value = useContext(ScopeContext);
  if (!value) throw new Error('usePortfolioScope outside PortfolioScopeProvider');
  return value;
}

export function PortfolioSwitcher() {
  const { portfolioId, setPortfolioId } = usePortfolioScope();
  const portfolios = useEverything('portfolios');
  const options = recordOptions(portfolios.data);
  // A stored id that no longer exists falls back to all portfolios.
  const value = options.some((o) => o.value === portfolioId) ? portfolioId : '';
  return (
    <Select
      label="Portfolio"
      hideLabel
      placeholder="All portfolios"
      options={options}
      value={value}
      onChange={(event) => setPortfolioId(event.target.value)}
    />
  );
}
