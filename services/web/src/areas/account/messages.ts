export const messages = {
  'zh-CN': {
    account: {
      signIn: '登录', account: '账号', password: '密码', submit: '登录', signingIn: '正在登录…',
      demoTitle: '演示账号', demoHint: '演示环境的全部账号使用同一密码：', demoUse: '使用此账号', who: '姓名与身份',
      changePassword: '修改密码', mustChange: '首次登录，请先设置您自己的密码。', current: '当前密码', next: '新密码', again: '再次输入新密码',
      mismatch: '两次输入的新密码不一致', changed: '密码已修改', rules: '至少 10 个字符，不能全是数字，不能与账号相同。',
      locked: '登录失败次数过多，账号暂时锁定，请 {s} 秒后再试。', wrong: '账号或密码不正确。',
    },
  },
  en: {
    account: {
      signIn: 'Sign in', account: 'Account', password: 'Password', submit: 'Sign in', signingIn: 'Signing in…',
      demoTitle: 'Demo accounts', demoHint: 'Every demo account has the same password:', demoUse: 'Use this account', who: 'Name and role',
      changePassword: 'Change password', mustChange: 'First sign-in: set a password of your own first.', current: 'Current password', next: 'New password', again: 'New password again',
      mismatch: 'The two new passwords differ', changed: 'Password changed', rules: 'At least 10 characters, not only digits, not your account id.',
      locked: 'Too many failed tries: the account is locked; try again in {s} s.', wrong: 'Wrong account or password.',
    },
  },
};
