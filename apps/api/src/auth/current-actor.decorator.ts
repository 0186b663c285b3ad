import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@crm/workflow-kit';

/** The authenticated caller, as the auth guard attached it to the request. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
