import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Issue 16: the screens name people as 姓名（角色） and companies by name and credit code, from the
 * ids their records carry. GET /names answers every signed-in role; a customer manager learns only
 * their own customers' names (R-KAM-2); an id nobody knows is left out, never echoed.
 */
describeEachEngine('names for the screens (GET /names, issue 16)', (engine) => {
  let api: TestApi;
  let as: Caller;
  jest.setTimeout(60_000);

  beforeAll(async () => {
    api = await startTestApi({ engine });
    as = await onboardingCallers(api);
    await openCustomer(api, archive('nm-own', { name: '宁波甬兴塑业有限公司' }));
    await openCustomer(api, archive('nm-other', { name: '绍兴越州化纤有限公司', customerManagerId: 'manager2', identifiers: { kind: 'unified', creditCode: '91330600MA2BYYYY1Y' } }));
    // nm-own keeps the fixture's hand-written `unifiedSocialCreditCode`; nm-other the shape onboarding and imports write
  });
  afterAll(() => api?.close());

  it('names people with their roles and companies with their credit codes, for the parent company’s department too', async () => {
    const head = await api.store.headPosition();
    const answer = await as('parent', 'GET', `/names?people=gm,parent,nobody&customers=nm-own,nm-other,nm-none&minPosition=${head}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      people: { gm: { name: '周总经理', roles: ['general_manager'] }, parent: { name: '郑化工品销售部', roles: ['parent_chemicals_sales'] } },
      customers: {
        'nm-own': { name: '宁波甬兴塑业有限公司', creditCode: '91330200MA2AXXXX0X' },
        'nm-other': { name: '绍兴越州化纤有限公司', creditCode: '91330600MA2BYYYY1Y' },
      },
    });
  });

  it('R-KAM-2: a customer manager is told the names of their own customers only', async () => {
    const head = await api.store.headPosition();
    const answer = await as('manager', 'GET', `/names?customers=nm-own,nm-other&minPosition=${head}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.customers)).toEqual(['nm-own']);
  });

  it('refuses an id that is not one, naming the field', async () => {
    const answer = await as('sales', 'GET', '/names?people=a%20b');
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('people');
  });
});
