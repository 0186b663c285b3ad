import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { OpenTasksQuery, ReassignTaskBody, TaskIdParam, TaskListQuery } from './task.bodies';
import { TasksService } from './tasks.service';

/** 待办: every human task of every workflow, for the person who may complete it (docs/adr/0015-human-tasks.md). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'Your open tasks across all workflows (by role, assignment or delegation; never one the guards would refuse you), filtered, sorted, paged, with counts per type' })
  list(@Query({ schema: TaskListQuery }) query: TaskListQuery, @CurrentActor() actor: Actor) {
    return this.tasks.list(actor, query);
  }

  @Get('open')
  @Roles('administrator')
  @ApiOperation({ summary: 'Every open task of every workflow, whoever holds it, most urgent first, assignees by name: what an administrator reassigns from' })
  listOpen(@Query({ schema: OpenTasksQuery }) query: OpenTasksQuery) {
    return this.tasks.listOpen(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task: its workflow resource (console route, API path) and the commands you may send now, each with its schema' })
  detail(@Param('id', { schema: TaskIdParam }) id: string, @CurrentActor() actor: Actor) {
    return this.tasks.detail(actor, id);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'Hand an open task to a person the guards allow (TASK-REASSIGN otherwise)' })
  reassign(@Param('id', { schema: TaskIdParam }) id: string, @Body({ schema: ReassignTaskBody }) body: ReassignTaskBody, @CurrentActor() actor: Actor) {
    return this.tasks.reassign(actor, id, body.to, body.reason ?? null);
  }
}
