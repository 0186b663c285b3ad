import { Module } from '@nestjs/common';
import { PeopleController } from './people.controller';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';
import { UsersQueryService } from './users.query';

/** User and role administration over the `user-<username>` streams (UserDirectory is global). */
@Module({
  controllers: [UsersController, PeopleController],
  providers: [UserAdminService, UsersQueryService],
})
export class UsersModule {}
