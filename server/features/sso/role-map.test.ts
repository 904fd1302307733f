import { describe, expect, it } from 'vitest';
import { computeMappedRoles, parseRoleMap, readGroups } from './role-map';

describe('parseRoleMap', () => {
  it('reads the compact syntax: rules split by ; or new lines, targets by commas', () => {
    expect(
      parseRoleMap(
        'triad-admins = org_admin; /Triad/PMO=pmo_lead@portfolio:Digital Change, project_manager@project:PAY\nsquad=team_member@team:Payments: Core',
      ),
    ).toEqual([
      { group: 'triad-admins', targets: [{ kind: 'org_admin' }] },
      {
        group: '/Triad/PMO',
        targets: [
          { kind: 'scoped', role: 'pmo_lead', scopeType: 'portfolio', reference: 'Digital Change' },
          { kind: 'scoped', role: 'project_manager', scopeType: 'project', reference: 'PAY' },
        ],
      },
      {
        group: 'squad',
        targets: [{ kind: 'scoped', role: 'team_member', scopeType: 'team', reference: 'Payments: Core' }],
      },
    ]);
  });

  it('reads the JSON syntax with one target or a list', () => {
    expect(
      parseRoleMap(
        '{"0f6e-guid": "org_admin", "vmo": ["vmo_lead@portfolio:Growth, Data", "stakeholder@team:Ops"]}',
      ),
    ).toEqual([
      { group: '0f6e-guid', targets: [{ kind: 'org_admin' }] },
      {
        group: 'vmo',
        targets: [
          { kind: 'scoped', role: 'vmo_lead', scopeType: 'portfolio', reference: 'Growth, Data' },
          { kind: 'scoped', role: 'stakeholder', scopeType: 'team', reference: 'Ops' },
        ],
      },
    ]);
  });

  it('maps nothing when empty', () => {
    expect(parseRoleMap(undefined)).toEqual([]);
    expect(parseRoleMap('  ')).toEqual([]);
  });

  it.each([
    ['pmo=pmo_leed@portfolio:X', /unknown role "pmo_leed"; expected org_admin or one of pmo_lead/],
    ['pmo=pmo_lead@program:X', /unknown scope "program"; expected one of portfolio, project, team/],
    ['pmo=pmo_lead@portfolio', /rule 1 \("pmo=pmo_lead@portfolio"\): target "pmo_lead@portfolio" is neither/],
    ['pmo', /expected GROUP=TARGET/],
    ['=org_admin', /the group name is empty/],
    ['a=org_admin; b=', /rule 2 \("b="\): target "" is neither/],
    ['{"a": ', /not valid JSON/],
    ['{"a": []}', /group "a": expected a target string or a non-empty array/],
    ['{"a": [1]}', /group "a": expected a target string/],
  ])('refuses %j with a clear message', (raw, message) => {
    expect(() => parseRoleMap(raw)).toThrow(message);
  });
});

describe('computeMappedRoles', () => {
  const rules = parseRoleMap(
    'admins=org_admin; pmo=pmo_lead@portfolio:P1, project_manager@project:PAY; viewers=stakeholder@portfolio:P1; ghosts=team_member@team:Nowhere',
  );
  const ids: Record<string, string> = { P1: 'p1', PAY: 'pay' };
  const resolve = (t: { reference: string }) => ids[t.reference];

  it('wants the roles of the groups the user is in, and manages every role the map can give', () => {
    const mapped = computeMappedRoles(rules, ['pmo', 'other'], resolve);
    expect(mapped.orgAdmin).toBe(false);
    expect([...mapped.wanted.values()]).toEqual([
      { role: 'pmo_lead', scopeType: 'portfolio', scopeId: 'p1' },
      { role: 'project_manager', scopeType: 'project', scopeId: 'pay' },
    ]);
    // The unresolved team reference is neither wanted nor managed.
    expect([...mapped.managed].sort()).toEqual([
      'portfolio:p1:pmo_lead',
      'portfolio:p1:stakeholder',
      'project:pay:project_manager',
    ]);
  });

  it('gives the first matching rule the scope when two give roles on it', () => {
    const mapped = computeMappedRoles(rules, ['viewers', 'pmo', 'admins'], resolve);
    expect(mapped.orgAdmin).toBe(true);
    expect(mapped.wanted.get('portfolio:p1')?.role).toBe('pmo_lead');
  });

  it('leaves the admin flag alone when no rule names org_admin', () => {
    expect(
      computeMappedRoles(parseRoleMap('pmo=pmo_lead@portfolio:P1'), [], resolve).orgAdmin,
    ).toBeUndefined();
  });
});

describe('readGroups', () => {
  it('reads a list, a single string or a dotted path, ignoring what is not text', () => {
    expect(readGroups({ groups: ['a', 1, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(readGroups({ groups: 'a' }, 'groups')).toEqual(['a']);
    expect(
      readGroups({ resource_access: { triad: { roles: ['x'] } } }, 'resource_access.triad.roles'),
    ).toEqual(['x']);
    expect(readGroups({ 'cognito:groups': ['c'] }, 'cognito:groups')).toEqual(['c']);
    expect(readGroups({}, 'groups')).toEqual([]);
  });
});
