import type { Wording } from '@crm/workflow-kit';

type EngineEventType =
  | 'TimerScheduled' | 'TimerCancelled' | 'TimerFired'
  | 'TaskOpened' | 'TaskUpdated' | 'TaskReassigned' | 'TaskCompleted' | 'TaskCancelled' | 'TaskReminded' | 'TaskEscalated';

/** The engine's own facts, written into every workflow's stream (timers, human tasks). */
export const ENGINE_EVENT_WORDING: { readonly [K in EngineEventType]: Wording } = {
  TimerScheduled: { zh: '设定期限', en: 'Deadline scheduled' },
  TimerCancelled: { zh: '取消期限', en: 'Deadline cancelled' },
  TimerFired: { zh: '期限到达', en: 'Deadline reached' },
  TaskOpened: { zh: '生成待办', en: 'Task opened' },
  TaskUpdated: { zh: '待办更新', en: 'Task updated' },
  TaskReassigned: { zh: '待办转办', en: 'Task reassigned' },
  TaskCompleted: { zh: '待办完成', en: 'Task completed' },
  TaskCancelled: { zh: '待办取消', en: 'Task cancelled' },
  TaskReminded: { zh: '待办提醒', en: 'Task reminder' },
  TaskEscalated: { zh: '待办升级', en: 'Task escalated' },
};
