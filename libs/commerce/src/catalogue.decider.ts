import { DomainRuleViolation, NotPermitted, type WorkflowState } from '@crm/workflow-kit';
import type { CatalogueCommand } from './catalogue.commands';
import type { CatalogueContext } from './catalogue.context';
import type { CatalogueEvent } from './catalogue.events';

export const CATALOGUE_RULE = 'R-PRIN-4';

/** Administrators keep the commercial master data (product lines are data, R-TIER-1; warehouses, R-PRIN-4). */
export function decideCatalogue(command: CatalogueCommand, state: WorkflowState<CatalogueContext>): CatalogueEvent[] {
  const { actor, now: at } = command.meta;
  if (!actor.roles.includes('administrator')) throw new NotPermitted(CATALOGUE_RULE, 'administrators keep product lines and warehouses');
  const context = state.context;
  switch (command.type) {
    case 'DefineProductLine':
      return [{ type: 'ProductLineDefined', data: { ...command.data, by: actor.id, at } }];
    case 'DesignateWarehouse': {
      const unknown = command.data.productLines.findIndex((p) => !context.productLines[p]);
      if (unknown >= 0) throw new DomainRuleViolation('R-TIER-1', `no product line ${command.data.productLines[unknown]}`, `productLines.${unknown}`);
      return [{ type: 'WarehouseDesignated', data: { ...command.data, by: actor.id, at } }];
    }
    case 'WithdrawWarehouse': {
      if (!context.warehouses[command.data.warehouseId] || context.warehouses[command.data.warehouseId].withdrawn) {
        throw new DomainRuleViolation(CATALOGUE_RULE, `warehouse ${command.data.warehouseId} is not designated`, 'warehouseId');
      }
      return [{ type: 'WarehouseWithdrawn', data: { ...command.data, by: actor.id, at } }];
    }
  }
}
