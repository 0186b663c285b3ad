import { localMessages } from '../../i18n/local-messages';

export const useNotificationT = localMessages({
  'zh-CN': {
    bell: '通知',
    bellUnread: '通知，{count} 条未读',
    title: '通知中心',
    empty: '暂无通知。',
    readAll: '全部标为已读',
    unread: '未读',
    due: '截止 {deadline}',
    live: '实时推送已连接',
    offline: '实时推送未连接',
    failed: '通知加载失败：{message}',
    all: '查看全部通知与通知设置',
  },
  en: {
    bell: 'Notifications',
    bellUnread: 'Notifications, {count} unread',
    title: 'Notifications',
    empty: 'No notifications yet.',
    readAll: 'Mark all read',
    unread: 'unread',
    due: 'due {deadline}',
    live: 'Live updates connected',
    offline: 'Live updates not connected',
    failed: 'Could not load notifications: {message}',
    all: 'All notifications and settings',
  },
});
