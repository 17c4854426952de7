/** The resellers page's strings (en-US), registered with the pages that use them. */
export const resellersEnUS = {
  title: 'Indirect resellers',
  description: 'The indirect resellers you have a partnership with. Only active partnerships can be associated with customers.',
  tableLabel: 'Indirect resellers',
  columns: {
    name: 'Name',
    mpnId: 'Partner ID (MPN)',
    state: 'State',
    location: 'Location',
    actions: 'Actions',
  },
  addCustomer: 'Add new customer',
  addCustomerLabel: 'Add new customer for {{name}}',
  states: {
    Active: 'Active',
    Inactive: 'Inactive',
    Suspended: 'Suspended',
    Terminated: 'Terminated',
  },
  emptyTitle: 'No indirect resellers yet',
  emptyBody: 'Resellers appear here once they accept a partnership with your organization.',
  loadFailed: 'The indirect resellers could not be loaded.',
} as const;
