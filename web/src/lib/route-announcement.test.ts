import { describe, expect, it } from 'vitest';
import { computeRouteAnnouncement, isNewPage } from './route-announcement';

describe('computeRouteAnnouncement', () => {
  it('names the page by its heading, whitespace collapsed', () => {
    expect(computeRouteAnnouncement('  WEB\n  Web shop ', 'Project · Triad')).toBe(
      'Navigated to WEB Web shop',
    );
  });

  it('falls back to the document title without the app suffix, then to the app', () => {
    expect(computeRouteAnnouncement(null, 'Work items · Triad')).toBe('Navigated to Work items');
    expect(computeRouteAnnouncement('', '')).toBe('Navigated to Triad');
  });
});

describe('isNewPage', () => {
  it('is true only when the path changes after the first page', () => {
    expect(isNewPage(null, '/portfolio')).toBe(false);
    expect(isNewPage('/portfolio', '/portfolio')).toBe(false);
    expect(isNewPage('/portfolio', '/people')).toBe(true);
  });
});
