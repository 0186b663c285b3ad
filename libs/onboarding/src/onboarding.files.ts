import type { FileRef } from '@crm/workflow-kit';
import type { OnboardingCommand } from './onboarding.commands';

/** R-ONB-1: the qualification scans a form names, each by the field it is given in. */
export function onboardingFiles(command: OnboardingCommand): FileRef[] {
  if (command.type !== 'CreateApplication' && command.type !== 'AmendApplication') return [];
  return command.data.form.documents.flatMap((doc, i) => (doc.file ? [{ file: doc.file, field: `form.documents.${i}.file` }] : []));
}
