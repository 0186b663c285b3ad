import {
  type Actor, type AnyDomainEvent, commandOf, decideOnWorkflow, replayEvents, SCHEDULER_ACTOR, stateName,
} from '@crm/workflow-kit';
import {
  type ApplicationForm, type Delegation, delegationCovers, type OnboardingCommand, type OnboardingServices, onboardingWorkflow,
} from '../src';

/** Monday 2 March 2026, 10:00 in Shanghai: a fixed clock for every spec. */
export const NOW = '2026-03-02T02:00:00.000Z';
export const LATER = '2026-03-03T02:00:00.000Z';

const user = (id: string, ...roles: Actor['roles']): Actor => ({ id, roles });
export const manager = user('wang', 'customer_manager');
export const manager2 = user('zhao', 'customer_manager');
export const sales = user('li', 'sales_reviewer');
export const sales2 = user('chen', 'sales_reviewer');
export const finance = user('zhang', 'finance_reviewer');
export const finance2 = user('liu', 'finance_reviewer');
export const gm = user('zhou', 'general_manager');
/** holds every reviewer role: the person segregation of duties is about */
export const allRounder = user('sun', 'sales_reviewer', 'finance_reviewer', 'general_manager');
export const admin = user('admin', 'administrator');
export const scheduler = SCHEDULER_ACTOR;

/** Alibaba's published code (91330100799655058B) and Huawei's (914403001922038216). */
export const CREDIT_CODE = '91330100799655058B';
export const OTHER_CREDIT_CODE = '914403001922038216';

const valid = { validFrom: '2020-01-01', validUntil: '2030-12-31' };

export function aForm(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    companyName: '杭州某某化工有限公司',
    identifiers: { kind: 'unified', creditCode: CREDIT_CODE },
    invoicing: { bank: '中国工商银行杭州分行', accountNumber: '1202020309900012345', postalAddress: '浙江省杭州市余杭区文一西路969号', telephone: '0571-85022088' },
    contacts: [{ name: '王采购', telephone: '13800138000', position: '采购经理' }],
    productLine: 'polyolefin',
    customerClass: { salesObject: 'distributor', salesForm: 'online_auction' },
    region: '华东',
    customerManagerId: 'wang',
    documents: [{ kind: 'business_licence', number: CREDIT_CODE, ...valid, fileName: 'licence.pdf' }],
    ...overrides,
  };
}

/** The pre-2015 numbers of the company whose unified code is OTHER_CREDIT_CODE (same organisation code). */
export const SEPARATE_IDS = {
  kind: 'separate' as const,
  businessLicenceNo: '110108000000016',
  taxRegistrationNo: '440300192203821',
  organisationCode: '19220382-1',
};
export const SEPARATE_DOCS: ApplicationForm['documents'] = [
  { kind: 'business_licence', number: '110108000000016', ...valid },
  { kind: 'tax_registration', number: '440300192203821', ...valid },
  { kind: 'organisation_code', number: '19220382-1', ...valid },
];

export interface TestWorld {
  taken: Map<string, string>;
  delegations: Delegation[];
  reminderAfterWorkingDays: number;
}

/** A fixed test calendar: Monday to Friday are working days (the real one is @crm/calendar's job). */
export function addWeekdays(startIso: string, days: number): string {
  const at = new Date(startIso);
  for (let left = days; left > 0; ) {
    at.setUTCDate(at.getUTCDate() + 1);
    if (at.getUTCDay() !== 0 && at.getUTCDay() !== 6) left--;
  }
  return at.toISOString();
}

export function servicesFor(world: Partial<TestWorld> = {}): OnboardingServices {
  const taken = world.taken ?? new Map<string, string>();
  const delegations = world.delegations ?? [];
  return {
    reminderAfterWorkingDays: world.reminderAfterWorkingDays ?? 2,
    addWorkingDays: addWeekdays,
    duplicates: { isCreditCodeTaken: (key) => (taken.has(key) ? { taken: true, by: taken.get(key) } : { taken: false }) },
    delegations: { findDelegation: (q) => delegations.find((d) => delegationCovers(d, q)) ?? null },
  };
}

export const cmd = <T extends OnboardingCommand>(type: T['type'], data: T['data'], actor: Actor, now = NOW) => commandOf<T>(type, data, actor, now);

export const create = (form = aForm(), actor = manager) => cmd('CreateApplication', { applicationId: 'app-1', form }, actor);
export const submit = (actor = manager, now = NOW) => cmd('SubmitApplication', {}, actor, now);
export const approve = (step: 'sales' | 'finance' | 'generalManager', actor: Actor, extra: Record<string, unknown> = {}) =>
  cmd('ApproveStep', { step, ...(step === 'finance' ? { checked: { taxRegistration: true, invoicingData: true } } : {}), ...extra }, actor);
export const returnAt = (step: 'sales' | 'finance' | 'generalManager', actor: Actor) =>
  cmd('ReturnForRevision', { step, comment: '开票资料中的账号与开户许可证不一致' }, actor);
export const amend = (form: ApplicationForm, actor = manager) => cmd('AmendApplication', { form }, actor);

/** Runs commands through the real workflow to build a realistic `given` history. */
export function history(commands: OnboardingCommand[], services = servicesFor()): AnyDomainEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const command of commands) {
    const snapshot = replayEvents(onboardingWorkflow, events);
    events.push(...decideOnWorkflow(onboardingWorkflow, snapshot, events.length ? events.length - 1 : null, command, services).events);
  }
  return events;
}

export const stateAfter = (events: AnyDomainEvent[]) => stateName(replayEvents(onboardingWorkflow, events).value);
export const submitted = () => history([create(), submit()]);
export const atFinance = () => history([create(), submit(), approve('sales', sales)]);
export const atGeneralManager = () => history([create(), submit(), approve('sales', sales), approve('finance', finance)]);
export const approvedHistory = () =>
  history([create(), submit(), approve('sales', sales), approve('finance', finance), approve('generalManager', gm)]);
