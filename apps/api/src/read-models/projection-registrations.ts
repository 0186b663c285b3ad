import { customerStreamsProjection } from '@crm/audit';
import { type Projection, timersProjection } from '@crm/engine';
import { complaintProjections } from '../complaints/complaint-projections';
import { customerProjections } from '../customers/read-models/customer-projections';
import { notificationOutboxProjection } from '../notifications/notification-outbox.projection';
import { onboardingProjections } from '../onboarding/onboarding.projections';

/** Every read model the service keeps, one line per projection. */
export function projections(): Projection[] {
  return [timersProjection, ...onboardingProjections(), ...customerProjections(), notificationOutboxProjection, customerStreamsProjection, ...complaintProjections()];
}
