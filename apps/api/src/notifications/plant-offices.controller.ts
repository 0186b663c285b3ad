import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, PlantOfficeBody, PlantOfficeRemovalBody } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PlantOfficeId } from './plant-office.events';
import { PlantOfficesService } from './plant-offices.service';

// the bodies live in @crm/workflow-kit, where the console's channel screen reads them too
const RemovalBody = PlantOfficeRemovalBody;
type RemovalBody = PlantOfficeRemovalBody;

/**
 * R-ARC-2: the resident plant offices (驻厂办), one recipient each (`plant_office_<id>`), whose
 * channels are configured like any group's. Which office hears of a customer is decided by the
 * warehouses (and, before any pickup, the region) registered here: see ADR 0016.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('plant-offices')
export class PlantOfficesController {
  constructor(
    private readonly offices: PlantOfficesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('administrator', 'sales_reviewer', 'finance_reviewer', 'auditor')
  @ApiOperation({ summary: 'R-ARC-2: every plant office with the warehouses and regions it serves' })
  async list() {
    return this.offices.list();
  }

  @Put(':officeId')
  @Roles('administrator')
  @ApiOperation({ summary: 'R-ARC-2: register or change a plant office (PlantOfficeConfigured); later archive changes of its customers reach it' })
  async put(@Param('officeId', { schema: PlantOfficeId }) officeId: string, @Body({ schema: PlantOfficeBody }) body: PlantOfficeBody, @CurrentActor() actor: Actor) {
    const { position } = await this.offices.configure({ officeId, ...body }, actor, this.clock.now());
    return { officeId, recipient: `plant_office_${officeId}`, ...body, position };
  }

  @Post(':officeId/remove')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'R-ARC-2: retire a plant office (PlantOfficeRemoved); its customers fall back to their region’s office' })
  async remove(@Param('officeId', { schema: PlantOfficeId }) officeId: string, @Body({ schema: RemovalBody }) body: RemovalBody, @CurrentActor() actor: Actor) {
    return { officeId, ...(await this.offices.remove({ officeId, reason: body.reason }, actor, this.clock.now())) };
  }
}
