import { en } from './messages-en';
import { zh } from './messages-zh';

/** The online station's words, under the area's key `public`. */
export const messages = { 'zh-CN': { public: zh }, en: { public: en } };
