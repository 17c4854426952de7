/** The customers list's search, filters, order and export (en-US): the source; zh-TW has exactly these keys. */
export const customersListEnUS = {
  filters: 'Filter and sort customers',
  country: 'Country/region',
  allCountries: 'All countries/regions',
  reseller: 'Indirect reseller',
  allResellers: 'All indirect resellers',
  inactiveReseller: '{{name}} ({{state}})',
  sort: 'Sort by',
  sorts: {
    nameAscending: 'Company name, A to Z',
    nameDescending: 'Company name, Z to A',
    newest: 'Date added, newest first',
    oldest: 'Date added, oldest first',
  },
  exportCsv: 'Export CSV',
  noMatchesTitle: 'No customers match these filters',
  noMatchesBody: 'Change the filters, or clear them to see all your customers.',
  clearFilters: 'Clear search and filters',
  resellersFailed: 'Your indirect resellers could not be loaded, so the list cannot be filtered by reseller.',
  countryViaReseller: '{{country}} · through {{name}}',
  requestRelationship: 'Request a relationship',
};
