import { Module } from '@nestjs/common';
import { NamesController } from './names.controller';

/** People's and companies' names for the console's screens (UserDirectory and the read models are global). */
@Module({ controllers: [NamesController] })
export class NamesModule {}
