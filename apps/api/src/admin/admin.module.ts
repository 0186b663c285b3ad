import { Module } from '@nestjs/common';
import { ProjectionAdminController } from './projection-admin.controller';
import { ProjectionAdminService } from './projection-admin.service';

@Module({ controllers: [ProjectionAdminController], providers: [ProjectionAdminService], exports: [ProjectionAdminService] })
export class AdminModule {}
