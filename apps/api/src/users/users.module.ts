import { Module } from '@nestjs/common';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';
import { UsersQueryService } from './users.query';

/** User and role administration over the `user-<username>` streams (UserDirectory is global). */
@Module({
  controllers: [UsersController],
  providers: [UserAdminService, UsersQueryService],
})
export class UsersModule {}
