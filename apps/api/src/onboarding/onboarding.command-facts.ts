import { type OnboardingContext, onboardingWorkflow, type ReviewStep, STEP_ROLE } from '@crm/onboarding';
import type { WorkflowEngine } from '@crm/engine';
import type { CommandServicesResolver } from '../workflows/command-services';
import type { FactsNeeded, OnboardingFactsLoader } from './onboarding-facts.loader';

/** The facts an onboarding command needs, as OnboardingCommandService reads them, for callers outside it (a task's dry run). */
export function onboardingCommandFacts(engine: WorkflowEngine, facts: OnboardingFactsLoader): CommandServicesResolver {
  return async (applicationId, command) => {
    const data = (command.data ?? {}) as { step?: ReviewStep; onBehalfOf?: string };
    let needed: FactsNeeded = {};
    if (command.type === 'SubmitApplication') {
      const { state } = await engine.load(onboardingWorkflow, applicationId);
      const key = (state.context as OnboardingContext).identityKey;
      needed = { identityKeys: key ? [key] : [] };
    } else if (data.onBehalfOf && data.step) {
      needed = { delegation: { delegatorId: data.onBehalfOf, delegateId: command.meta.actor.id, role: STEP_ROLE[data.step] } };
    }
    return facts.servicesFor(applicationId, needed);
  };
}
