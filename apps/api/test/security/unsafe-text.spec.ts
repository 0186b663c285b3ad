import { ReclassifyComplaint } from '@crm/complaints';
import { ChangeCustomerInformation, Contact as ArchiveContact } from '@crm/customers';
import { RegisterProspect, ReturnDevelopmentPlan } from '@crm/development';
import { ProposeAllocation, ReturnAllocation } from '@crm/key-accounts';
import { Contact, RejectStep } from '@crm/onboarding';
import { AcknowledgeVisitFindings, FileForumMinutes } from '@crm/relationship';
import { freeText, unsafeCharacter } from '@crm/workflow-kit';
import type { z } from 'zod';
import { CreateUser, DisableUser } from '../../src/users/users.bodies';

const RLO = '\u202E'; // right-to-left override: "Trojan Source"

describe('TEXT-CONTROL: one refinement refuses control, bidi and zero-width characters', () => {
  it.each([
    ['\u202E', 'U+202E'],
    ['\u2066', 'U+2066'],
    ['\u200B', 'U+200B'],
    ['\u200D', 'U+200D'],
    ['\uFEFF', 'U+FEFF'],
    ['\u0000', 'U+0000'],
    ['\u001B', 'U+001B'],
    ['\u0085', 'U+0085'],
    ['\u061C', 'U+061C'],
    ['\u00AD', 'U+00AD'],
  ])('%j is refused as %s', (ch, code) => {
    expect(unsafeCharacter(`宁波${ch}甬兴`)).toBe(code);
    const parsed = freeText(50).safeParse(`宁波${ch}甬兴`);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toContain(code);
  });

  it.each(['宁波甬兴塑业有限公司', 'Line one\nline two\twith a tab\r\n', '聚丙烯（PP）· 华东 ✓ 💥', 'O’Brien & Söhne'])('ordinary text %j passes', (text) => {
    expect(unsafeCharacter(text)).toBeNull();
    expect(freeText(100).safeParse(text).success).toBe(true);
  });
});

/** A free-text field of one command schema per context, and of the API's own bodies. */
const FIELDS: Array<[string, z.ZodType, unknown]> = [
  ['complaints ReclassifyComplaint.reason', ReclassifyComplaint.shape.reason, `客户${RLO}投诉`],
  ['relationship FileForumMinutes.minutes', FileForumMinutes.shape.minutes, `纪要${RLO}`],
  ['customers ChangeCustomerInformation.reason', ChangeCustomerInformation.shape.reason, `迁址${RLO}天津`],
  ['customers archive contact values', ArchiveContact, { name: `陈\u200B经理` }],
  ['onboarding Contact.name', Contact.shape.name, `陈${RLO}经理`],
  ['onboarding RejectStep.reason', RejectStep.shape.reason, `资料${RLO}不全`],
  ['development RegisterProspect.companyName', RegisterProspect.shape.companyName, `宁波\u200B甬兴`],
  ['development ReturnDevelopmentPlan.reason', ReturnDevelopmentPlan.shape.reason, `目标${RLO}过高`],
  ['relationship AcknowledgeVisitFindings.note', AcknowledgeVisitFindings.shape.note, `已阅${RLO}`],
  ['key-accounts ProposeAllocation.note', ProposeAllocation.shape.note, `按比例${RLO}`],
  ['key-accounts ReturnAllocation.reason', ReturnAllocation.shape.reason, `需要\u2066调整`],
  ['api CreateUser.name', CreateUser.shape.name, `张\u200B三`],
  ['api DisableUser.reason', DisableUser.shape.reason, `离职${RLO}`],
];

describe('TEXT-CONTROL: every context’s command schemas use it', () => {
  it.each(FIELDS)('%s refuses an unsafe character', (_name, schema, value) => {
    const parsed = schema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/bidirectional-override or zero-width characters \(found U\+/);
  });
});
