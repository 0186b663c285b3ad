import { type Command, freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId } from './committee.shapes';
import { Sanction, ViolationKind } from './violation.events';

/** R-PRICE-2: anyone may bring a violation of price or customer policy before the committee. */
export const OpenViolationCase = z.object({
  caseId: EntityId, kind: ViolationKind, customerId: EntityId.nullable().default(null), description: freeText(8000), evidence: z.array(freeText(500)).max(50).default([]),
});
export type OpenViolationCase = z.infer<typeof OpenViolationCase>;
/** R-PRICE-2 处理违规、违纪行为: the committee's decision, recorded by its chair; an upheld case names its sanction. */
export const DecideViolationCase = z
  .object({ finding: z.enum(['upheld', 'dismissed']), decision: freeText(8000), sanction: Sanction.nullable().default(null) })
  .refine((d) => d.finding === 'dismissed' || d.sanction !== null, { message: 'R-PRICE-2: an upheld case names its sanction', path: ['sanction'] });
export type DecideViolationCase = z.infer<typeof DecideViolationCase>;

export const violationCommandSchemas = { OpenViolationCase, DecideViolationCase } as const;
export type ViolationCommand = Command<'OpenViolationCase', OpenViolationCase> | Command<'DecideViolationCase', DecideViolationCase>;
