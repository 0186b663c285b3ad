import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { ProjectionAdminService } from './projection-admin.service';

const ProjectionName = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'a projection name (see GET /admin/projections)');

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projections')
export class ProjectionAdminController {
  constructor(private readonly admin: ProjectionAdminService) {}

  @Get()
  @Roles('administrator')
  @ApiOperation({ summary: 'Every read model: checkpoint, lag behind the store, leadership, last rebuild' })
  overview() {
    return this.admin.overview();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('administrator')
  @ApiOperation({ summary: 'Throw a read model away and rebuild it from position zero (progress in GET /admin/projections)' })
  async rebuild(@Param('name', { schema: ProjectionName }) name: string) {
    const known = (await this.admin.overview()).projections.some((p) => p.name === name);
    if (!known) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no projection named ${name}`, field: 'name' });
    return this.admin.start(name);
  }
}
