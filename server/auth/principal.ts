/** Who is calling, as established by authentication; every store query is scoped by it. */
export interface Principal {
  organisationId: string;
  userId: string;
  /** Shown in audit entries: the user's name and e-mail at the time of the change. */
  label: string;
  scope: 'read' | 'write';
}
