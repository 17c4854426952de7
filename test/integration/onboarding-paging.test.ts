/**
 * Issue 3, test 8: GET /v1/customers pages with the continuation token return each customer exactly
 * once while customers are being added through POST /v1/customers (keyset paging, SPEC §5 Shapes).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { api, customerBody, expectError, newCaller, unique, type Caller } from './onboarding-fixtures.ts';

let t: TestApp;
/** Each test pages through a partner of its own, so that no other test's customers are in its pages. */
let caller: Caller;

beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(async () => {
  caller = await newCaller(t);
});
afterAll(() => t.close());

type Page = {
  totalCount: number;
  items: { id: string; companyProfile: { companyName: string } }[];
  links: { self: { uri: string }; next?: { uri: string; method: string; headers: { key: string; value: string }[] } };
  attributes: { objectType: string };
};

async function addCustomer(companyName: string) {
  const response = await api(t, caller.headers).post('/v1/customers', customerBody({ companyName }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

/** Follows `links.next` with its MS-ContinuationToken header; calls `between` after each page. */
async function readAllPages(firstUrl: string, between: (pageIndex: number) => Promise<void> = async () => undefined) {
  const seen: string[] = [];
  const pages: Page[] = [];
  let url: string | undefined = firstUrl;
  let token: string | undefined;
  while (url) {
    const response = await api(t, caller.headers).get(url, token ? { 'MS-ContinuationToken': token } : {});
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<Page>();
    pages.push(page);
    expect(page.attributes.objectType).toBe('Collection');
    expect(page.totalCount).toBe(page.items.length);
    seen.push(...page.items.map((item) => item.id));
    if (page.links.next) {
      expect(page.links.next.uri).toContain('seekOperation=Next');
      expect(page.links.next.method).toBe('GET');
    }
    url = page.links.next?.uri;
    token = page.links.next?.headers.find((header) => header.key === 'MS-ContinuationToken')?.value;
    if (url) expect(token).toEqual(expect.any(String));
    await between(pages.length - 1);
  }
  return { seen, pages };
}

describe('GET /v1/customers paging while customers are added through the API', () => {
  it('returns each customer exactly once; those added after the cursor appear, those before it do not', async () => {
    const tag = unique();
    const initial: string[] = [];
    for (const name of ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo', 'echo', 'Foxtrot', 'golf']) initial.push(await addCustomer(`${name} ${tag}`));

    const addedBefore: string[] = [];
    const addedAfter: string[] = [];
    const { seen, pages } = await readAllPages('/v1/customers?size=3', async (index) => {
      if (index === 0) {
        // The cursor is past "Charlie": "Aardvark" sorts before it, "Zulu" after it.
        addedBefore.push(await addCustomer(`Aardvark ${tag}`));
        addedAfter.push(await addCustomer(`Zulu ${tag}`));
      }
      if (index === 1) {
        addedBefore.push(await addCustomer(`Bison ${tag}`));
        addedAfter.push(await addCustomer(`Yak ${tag}`));
        // A name equal (ignoring case) to the last one seen, with a larger or smaller id: the id breaks the tie.
        addedAfter.push(await addCustomer(`zz ${tag}`));
      }
    });

    expect(new Set(seen).size, 'a customer was returned twice').toBe(seen.length);
    for (const id of initial) expect(seen).toContain(id);
    for (const id of addedAfter) expect(seen).toContain(id);
    for (const id of addedBefore) expect(seen).not.toContain(id);
    expect(pages.at(-1)?.links.next).toBeUndefined();
    // The pages are in case-insensitive company-name order.
    const names = pages.flatMap((page) => page.items.map((item) => item.companyProfile.companyName.toLowerCase()));
    expect(names).toEqual([...names].sort());

    // Read again from the start: now every customer is there, once.
    const all = await readAllPages('/v1/customers?size=4');
    expect(all.seen.sort()).toEqual([...initial, ...addedBefore, ...addedAfter].sort());
  });

  it('refuses a continuation token made for another filter', async () => {
    const tag = unique();
    for (const name of ['Kilo', 'Lima', 'Mike']) await addCustomer(`${name} ${tag}`);
    const first = (await api(t, caller.headers).get('/v1/customers?size=1')).json<Page>();
    const token = first.links.next?.headers[0]?.value ?? '';
    const filter = encodeURIComponent(JSON.stringify({ Field: 'CompanyName', Value: 'Kilo', Operator: 'starts_with' }));
    expectError(await api(t, caller.headers).get(`/v1/customers?size=1&filter=${filter}`, { 'MS-ContinuationToken': token }), 400, 3000, 'MS-ContinuationToken');
  });
});
