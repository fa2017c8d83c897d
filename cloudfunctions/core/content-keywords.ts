import type { ContentVerdict } from './runtime'

/**
 * The keyword list the local content check ships with (the cloud uses WeChat
 * msgSecCheck v2). `risky` words are refused outright; `review` words send the text to a
 * person, the way msgSecCheck answers "review" for advertising and contact-harvesting.
 * Matching ignores spaces and punctuation so "赌 博" is still caught.
 */
export const CONTENT_KEYWORDS: Record<Exclude<ContentVerdict, 'pass'>, readonly string[]> = {
  risky: [
    '赌博',
    '博彩',
    '六合彩',
    '时时彩',
    '网赌',
    '毒品',
    '冰毒',
    '大麻',
    '海洛因',
    '枪支',
    '弹药',
    '炸药',
    '色情',
    '约炮',
    '裸聊',
    '援交',
    '代开发票',
    '办假证',
    '假证件',
    '洗钱',
    '传销',
    '法轮',
  ],
  review: [
    '加微信',
    '加vx',
    '微信号',
    '扫码领取',
    '兼职刷单',
    '刷单',
    '返利',
    '高额回报',
    '无抵押贷款',
    '网贷',
    '代办信用卡',
    '免费领取',
    '点击链接',
  ],
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')
}

/** The verdict for a text against a keyword list: the worst category any keyword hits. */
export function checkKeywords(
  text: string,
  list: Record<'risky' | 'review', readonly string[]> = CONTENT_KEYWORDS,
): ContentVerdict {
  const plain = normalise(text)
  if (list.risky.some((w) => plain.includes(normalise(w)))) return 'risky'
  if (list.review.some((w) => plain.includes(normalise(w)))) return 'review'
  return 'pass'
}
