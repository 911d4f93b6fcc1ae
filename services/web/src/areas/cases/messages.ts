import { en } from './messages-en';
import { zh } from './messages-zh';

export const messages = { 'zh-CN': { cases: zh }, en: { cases: en } };
