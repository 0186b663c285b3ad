import type { WorkflowDefinition } from '@crm/workflow-kit';
import { type IdentityReservationCommand, identityReservationCommandSchemas } from './identity-reservation.commands';
import { decideIdentityReservation } from './identity-reservation.decider';
import { type IdentityReservationEvent, identityReservationEventSchemas, identityReservationEventSchemaVersions } from './identity-reservation.events';
import { type IdentityReservationContext, identityReservationMachine } from './identity-reservation.machine';
import { IDENTITY_STREAM_PREFIX } from './identity-reservation.policy';
import type { IdentityReservationServices } from './identity-reservation.services';
import { upcastIdentityReservationEvent } from './identity-reservation.upcast';
import { IDENTITY_RESERVATION_VOCABULARY } from './identity-reservation.vocabulary';

/**
 * One stream per company identity key, `company-identity-<identityKey>` (ONB-DUPLICATE): the
 * reservation an application takes before it is drafted, so two creations racing for one company
 * meet on one stream's expected revision. The stream lives on across applications, hence every
 * command may open it or continue it.
 */
export const identityReservationWorkflow: WorkflowDefinition<
  IdentityReservationCommand,
  IdentityReservationEvent,
  IdentityReservationContext,
  IdentityReservationServices
> = {
  name: 'identity-reservation',
  version: '2',
  streamPrefix: IDENTITY_STREAM_PREFIX,
  machine: identityReservationMachine,
  commandSchemas: identityReservationCommandSchemas,
  eventSchemas: identityReservationEventSchemas,
  vocabulary: IDENTITY_RESERVATION_VOCABULARY,
  eventSchemaVersions: identityReservationEventSchemaVersions,
  upcast: upcastIdentityReservationEvent,
  creationCommands: [],
  openOrContinueCommands: ['ReserveIdentity', 'ReleaseIdentity', 'HandOverIdentity'],
  decide: decideIdentityReservation,
  // releasing or handing over is the same decision against fresher state; reserving is not (the holder may have changed)
  retryableOnConflict: ['ReleaseIdentity', 'HandOverIdentity'],
};
