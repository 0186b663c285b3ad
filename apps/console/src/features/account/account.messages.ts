import { localMessages } from '../../i18n/local-messages';

export const useAccountT = localMessages({
  'zh-CN': {
    title: '我的账号',
    subtitle: '修改自己的登录密码。管理员为你设置的临时密码，请在这里改成只有你知道的密码。',
    change: '修改密码',
    changeIntro: '修改后，你在其他设备和浏览器上的登录都会退出；本页保持登录。',
    current: '当前密码',
    next: '新密码',
    nextHint: '至少 8 个字符',
    repeat: '再次输入新密码',
    mismatch: '两次输入的新密码不一致',
    submit: '修改密码',
    sending: '提交中…',
    changed: '密码已修改，其他设备上的登录已退出。',
  },
  en: {
    title: 'My account',
    subtitle: 'Change your own password. A temporary password an administrator set for you is changed here to one only you know.',
    change: 'Change the password',
    changeIntro: 'Your sessions on other devices and browsers end; this page stays signed in.',
    current: 'Current password',
    next: 'New password',
    nextHint: 'At least 8 characters',
    repeat: 'New password again',
    mismatch: 'The two new passwords differ',
    submit: 'Change the password',
    sending: 'Sending…',
    changed: 'Your password is changed; other sessions are signed out.',
  },
});
