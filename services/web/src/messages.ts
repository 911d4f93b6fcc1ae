/** Words shared by every area; each area brings its own under its name. */
export const common = {
  'zh-CN': {
    app: { name: '回音', tagline: '人大代表联络站 · 事事有回音、件件有落实', skip: '跳到正文', language: 'English', menu: '菜单' },
    nav: { signIn: '登录', signOut: '退出登录', password: '修改密码', home: '网上联络站' },
    role: { staff: '联络站工作人员', deputy: '人大代表', supervisor: '督办人员', auditor: '审计人员', admin: '管理员' },
    common: {
      loading: '加载中…', empty: '暂无数据', retry: '重试', unexpected: '出现了意外错误', offline: '无法连接服务器，请检查网络',
      save: '保存', submit: '提交', cancel: '取消', confirm: '确定', search: '搜索', reset: '重置', back: '返回', more: '更多',
      required: '必填', optional: '选填', done: '已完成', view: '查看', actions: '操作', total: '共 {n} 条', loadMore: '加载更多',
      forbidden: '您的账号无权打开此页面', notFound: '页面不存在', toHome: '回到首页',
    },
    status: { 400: '填写有误', 401: '请先登录', 403: '没有权限', 404: '未找到', 409: '与最新情况冲突，请刷新后重试', 412: '内容已被他人更新，请刷新后重试', 413: '内容过长', 429: '操作太频繁，请稍后再试', 500: '服务器出错', 503: '服务暂时不可用，请稍后再试' },
  },
  en: {
    app: { name: 'Huiyin', tagline: "Deputies' liaison stations · every matter answered", skip: 'Skip to content', language: '中文', menu: 'Menu' },
    nav: { signIn: 'Sign in', signOut: 'Sign out', password: 'Change password', home: 'Online station' },
    role: { staff: 'Station staff', deputy: 'Deputy', supervisor: 'Supervisor', auditor: 'Auditor', admin: 'Administrator' },
    common: {
      loading: 'Loading…', empty: 'Nothing here yet', retry: 'Try again', unexpected: 'Something unexpected went wrong', offline: 'Cannot reach the server; check the network',
      save: 'Save', submit: 'Submit', cancel: 'Cancel', confirm: 'OK', search: 'Search', reset: 'Reset', back: 'Back', more: 'More',
      required: 'required', optional: 'optional', done: 'Done', view: 'View', actions: 'Actions', total: '{n} in all', loadMore: 'Load more',
      forbidden: 'Your account may not open this page', notFound: 'No such page', toHome: 'Go home',
    },
    status: { 400: 'Please correct the form', 401: 'Please sign in', 403: 'Not allowed', 404: 'Not found', 409: 'Conflicts with the latest state; reload and retry', 412: 'Someone else changed this; reload and retry', 413: 'Too long', 429: 'Too many tries; wait a moment', 500: 'Server error', 503: 'Service busy; try again shortly' },
  },
};
