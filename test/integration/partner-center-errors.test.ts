/**
 * Issue 11 part 3, errors as Partner Center documents them: 600061 with its whole documented body
 * (`errorName`, `isRetryable`, `parameters`, `errorMessageExtended`), a known path with a method it does
 * not take is a 405 naming those it takes (Allow), an unknown path stays a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '#test/factories.ts';
import { createTestApp, type TestApp } from '#test/helpers/app.ts';
import { agreementBody, api, createTemplate, expectError, newCaller } from './onboarding-fixtures.ts';

let t: TestApp;
let templateId: string;
beforeAll(async () => {
  t = await createTestApp();
  templateId = (await createTemplate(t.db)).id;
});
afterAll(() => t.close());

describe('errors in the documented shapes', () => {
  it('600061: the same signer twice answers the body Partner Center documents', async () => {
    const caller = await newCaller(t);
    const customer = await createCustomer(t.db, { partnerIds: [caller.partner.id] });
    const body = { ...agreementBody(), templateId };
    expect((await api(t, caller.headers).post(`/v1/customers/${customer.id}/agreements`, body)).statusCode).toBe(201);
    const again = await api(t, caller.headers).post(`/v1/customers/${customer.id}/agreements`, body);
    const error = expectError(again, 409, 600061) as unknown as Record<string, unknown>;
    expect(error).toMatchObject({
      errorName: 'PartnerConfirmedAgreementAlreadyExists',
      isRetryable: false,
      parameters: {},
      errorMessageExtended: 'InternalErrorCode=600061',
      message: error['description'],
    });
  });

  it('other errors keep the plain shape', async () => {
    const caller = await newCaller(t);
    const response = await api(t, caller.headers).get('/v1/customers/00000000-0000-4000-8000-000000000000');
    const error = expectError(response, 404, 1000) as unknown as Record<string, unknown>;
    expect(error['errorName']).toBeUndefined();
  });

  it('a known path with another method is a 405 with Allow; an unknown path a 404', async () => {
    const caller = await newCaller(t);
    const wrong = await api(t, caller.headers).delete('/v1/customers');
    expectError(wrong, 405, 405);
    expect(wrong.headers['allow']).toBe('GET, HEAD, POST');
    const withId = await t.app.inject({ method: 'PUT', url: '/v1/customers/00000000-0000-4000-8000-000000000000/subscriptions', headers: caller.headers });
    expectError(withId, 405, 405);
    expect(withId.headers['allow']).toBe('GET, HEAD');
    const token = await t.app.inject({ method: 'GET', url: '/common/oauth2/v2.0/token' });
    expect(token.statusCode).toBe(405);
    expect(token.headers['allow']).toBe('POST');
    expectError(await api(t, caller.headers).get('/v1/nothing-here'), 404, 1000);
    expectError(await api(t, caller.headers).delete('/v1/nothing/here'), 404, 1000);
  });
});
