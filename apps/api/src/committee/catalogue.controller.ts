import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CATALOGUE_ID, catalogueWorkflow, explainPrice } from '@crm/commerce';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandResponse } from '../workflows/command-response';
import { Id, PriceQuery, ProductLineBody, WarehouseBody, WithdrawWarehouseBody } from './committee.bodies';
import { CommitteeCommands, type HttpRequestLike } from './committee-commands.service';
import { CommitteeFacts } from './committee-facts.service';

/** The commercial master data (product lines, designated warehouses) and the price in force at any instant. */
@ApiTags('commerce')
@ApiBearerAuth()
@Controller()
export class CatalogueController {
  constructor(
    private readonly commands: CommitteeCommands,
    private readonly facts: CommitteeFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('catalogue')
  @ApiOperation({ summary: 'R-TIER-1 product lines and R-PRIN-4 designated warehouses' })
  async catalogue() {
    const c = await this.facts.catalogue();
    return { productLines: Object.values(c.productLines), warehouses: Object.values(c.warehouses) };
  }

  @Put('catalogue/product-lines/:id')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'R-TIER-1: define a product line (按照不同的产品设置不同的客户)' })
  async productLine(@Param('id', { schema: Id }) id: string, @Body({ schema: ProductLineBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(CATALOGUE_ID, await this.commands.send(catalogueWorkflow, CATALOGUE_ID, 'DefineProductLine', { ...body, productLineId: id }, actor, req));
  }

  @Put('catalogue/warehouses/:id')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'R-PRIN-4 提货地点以公司指定库位为准: designate a warehouse for product lines' })
  async warehouse(@Param('id', { schema: Id }) id: string, @Body({ schema: WarehouseBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(CATALOGUE_ID, await this.commands.send(catalogueWorkflow, CATALOGUE_ID, 'DesignateWarehouse', { ...body, warehouseId: id }, actor, req));
  }

  @Post('catalogue/warehouses/:id/withdraw')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'R-PRIN-4: a warehouse is no longer designated' })
  async withdraw(@Param('id', { schema: Id }) id: string, @Body({ schema: WithdrawWarehouseBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(CATALOGUE_ID, await this.commands.send(catalogueWorkflow, CATALOGUE_ID, 'WithdrawWarehouse', { ...body, warehouseId: id }, actor, req));
  }

  @Get('prices/:productLine/:warehouse')
  @ApiOperation({ summary: 'R-PRICE-1: the price in force at an instant (default now), the one it replaced, those decided but not yet in force, and the proposals they come from' })
  async price(@Param('productLine', { schema: Id }) productLine: string, @Param('warehouse', { schema: Id }) warehouse: string, @Query({ schema: PriceQuery }) query: { at?: string }) {
    const book = await this.facts.priceBook(productLine, warehouse);
    return { productLineId: productLine, warehouseId: warehouse, ...explainPrice(book, query.at ?? this.clock.now().toISOString()) };
  }
}
