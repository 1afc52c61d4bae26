import type { AnnotationKind, ClaimVerdict, Visibility } from '@/lib/annotations/schema';
import type { EditorialRating } from '@/lib/annotations/vocabulary';
import type { ArticleLang } from '@/lib/content/types';

/**
 * Demo content for `npm run db:seed`: four readers discussing the article `deepseek-capex`, so that
 * a fresh install shows a lived-in review page. Quotes are exact passages of the canonical text
 * (`lib/seed/locate-quote.ts` turns them into selectors; `tests/seed` checks every one).
 * Figures in the notes were checked against the companies' filings and earnings calls of early 2025.
 */

export type DemoReaderKey = 'journalist' | 'analyst' | 'student' | 'moderator';

/** A demo account. Its password is made at random by the seed, printed once and kept in .data/ (never in the repository). */
export type DemoReader = { key: DemoReaderKey; name: string; email: string };

export type DemoNote = {
  key: string;
  author: DemoReaderKey;
  /** The language whose text `quote` is taken from; the body is in the author's language. */
  lang: ArticleLang;
  /** An exact passage of that language's canonical text. */
  quote: string;
  /** 1-based; only for a quote that occurs more than once. */
  occurrence?: number;
  kind: AnnotationKind;
  /** Claims only. */
  verdict?: ClaimVerdict;
  /** Claims only. */
  sourceUrl?: string;
  /** Markdown; empty for plain highlights. */
  body: string;
  tags: string[];
  visibility: Visibility;
  /** Questions only: the author marked it answered. */
  resolved?: true;
};

export type DemoReply = {
  /** The key of a shared demo note. */
  note: string;
  author: DemoReaderKey;
  body: string;
  /** Only under a claim: the replier's own verdict. */
  verdict?: ClaimVerdict;
};

export const demoReaders: DemoReader[] = [
  // A financial journalist in Beijing who reads the Chinese original.
  { key: 'journalist', name: '林晓雯', email: 'lin.xiaowen@example.com' },
  // A semiconductor analyst in London who reads both texts and writes in English.
  { key: 'analyst', name: 'Daniel Hart', email: 'daniel.hart@example.com' },
  // An economics student reading the English translation.
  { key: 'student', name: 'Priya Nair', email: 'priya.nair@example.com' },
  // A bilingual editor, to be made moderator by the seed.
  { key: 'moderator', name: '周敏', email: 'zhou.min@example.com' },
];

export const demoNotes: DemoNote[] = [
  // --- Opening: DeepSeek and Nvidia ---
  {
    key: 'h800-question',
    author: 'student',
    lang: 'en',
    quote: 'using only 2,048 Nvidia H800 chips and $5.5 million in training costs',
    kind: 'question',
    body: 'What is the difference between the **H800** and the H100 everyone talks about? Is it a weaker chip made for China?',
    tags: ['deepseek', 'chips'],
    visibility: 'shared',
    resolved: true,
  },
  {
    key: 'inference-cost',
    author: 'journalist',
    lang: 'zh',
    quote: '推理算力成本仅为GPT-o1的1/30',
    kind: 'claim',
    verdict: 'disputed',
    sourceUrl: 'https://api-docs.deepseek.com/quick_start/pricing',
    body:
      '这里比较的其实是**API定价**，不是推理算力成本：DeepSeek-R1每百万输出token 2.19美元，OpenAI o1为60美元，约为1/27。' +
      '定价是商业策略，不能直接等同于实际算力成本。',
    tags: ['deepseek', '成本'],
    visibility: 'shared',
  },
  {
    key: 'nvidia-monopoly',
    author: 'analyst',
    lang: 'en',
    quote: 'Nvidia is close to being a monopolist',
    kind: 'claim',
    verdict: 'unverified',
    body:
      'Third-party estimates put Nvidia at roughly **80-90%** of data-centre AI accelerator revenue, but the share shrinks ' +
      "once in-house chips such as Google's TPUs and Amazon's Trainium are counted. Fair for merchant GPUs; I have not " +
      'found a primary source that pins the number down.',
    tags: ['nvidia', 'market share'],
    visibility: 'shared',
  },

  // --- The four companies' capex ---
  {
    key: 'capex-2024',
    author: 'journalist',
    lang: 'zh',
    quote: '756亿美元、777亿美元、525亿美元、373亿美元',
    kind: 'claim',
    verdict: 'supported',
    sourceUrl: 'https://ir.aboutamazon.com/quarterly-results/default.aspx',
    body: [
      '与四家公司财报一致，但口径不同：',
      '',
      '- 微软：含融资租赁，按自然年四个季度相加',
      '- 亚马逊：扣除出售收入和激励后的**净额**，总购置额约830亿美元',
      '- 谷歌：即现金流量表中的购置物业和设备',
      '- Meta：不含融资租赁本金偿还，含之则约392亿美元',
    ].join('\n'),
    tags: ['资本支出', '核实'],
    visibility: 'shared',
  },
  {
    key: 'slip-total',
    author: 'journalist',
    lang: 'zh',
    quote: '2025年资本支出总额将超过3200万美元',
    kind: 'claim',
    verdict: 'false',
    body:
      '**应为3200亿美元，不是3200万美元。** 亚马逊约1000亿、谷歌约750亿、Meta 600亿-650亿，再加上微软，合计超过3200亿美元；' +
      '括号里的“约合2.3万亿元”也只对得上3200亿美元。文章在“高强度投资可持续么？”一节自己写的就是“超过3200亿美元”：“万”应为“亿”，差了一万倍。',
    tags: ['勘误', '资本支出'],
    visibility: 'shared',
  },
  {
    key: 'amazon-100bn',
    author: 'analyst',
    lang: 'en',
    quote: 'Amazon plans to spend $100 billion on capex in 2025',
    kind: 'claim',
    verdict: 'unverified',
    sourceUrl: 'https://ir.aboutamazon.com/quarterly-results/default.aspx',
    body:
      'Amazon gave no formal full-year guidance. On the Q4 call the CFO said the **$26.3 billion** spent in Q4 was "reasonably ' +
      'representative" of the 2025 rate, and about $105 billion is the street\'s annualisation of that. "$100 billion" is a fair ' +
      'reading; "more than $100 billion", as the article says later, is stronger than what was said.',
    tags: ['amazon', 'capex'],
    visibility: 'shared',
  },
  {
    key: 'meta-guidance',
    author: 'analyst',
    lang: 'en',
    quote: 'expects capex of $60 billion-$65 billion in 2025',
    occurrence: 2,
    kind: 'claim',
    verdict: 'supported',
    sourceUrl: 'https://investor.atmeta.com/financials/default.aspx',
    body:
      "Matches Meta's Q4 2024 release. One caveat: the guidance **includes** principal payments on finance leases, while the " +
      '$37.3 billion base excludes them (about $39.2 billion with them). Like for like, growth is closer to 53%-66% than 60%-75%.',
    tags: ['meta', 'capex'],
    visibility: 'shared',
  },

  // --- Investment in computing power reaches a historic peak ---
  {
    key: 'sixty-percent',
    author: 'student',
    lang: 'en',
    quote: 'more than 60% of their capex each year on computing power',
    kind: 'question',
    body: 'Where does the **60%** come from? As far as I can tell none of the four companies breaks its capex down this way.',
    tags: ['capex', 'sources'],
    visibility: 'shared',
  },
  {
    key: 'msft-long-lived',
    author: 'analyst',
    lang: 'en',
    quote: 'which will support monetisation over the next 15 years',
    kind: 'comment',
    body:
      'Amy Hood\'s words were "long-lived assets that will support monetization over the next 15 years and beyond": data-centre ' +
      'shells and leases. The other half is servers and GPUs that wear out in five or six years, which matters for the ' +
      'depreciation argument further down.',
    tags: ['microsoft', 'depreciation'],
    visibility: 'shared',
  },
  {
    key: 'ai-run-rate',
    author: 'journalist',
    lang: 'zh',
    quote: '微软AI业务年化收入超过130亿美元',
    occurrence: 1,
    kind: 'claim',
    verdict: 'supported',
    sourceUrl: 'https://www.microsoft.com/en-us/investor/earnings/fy-2025-q2/press-release-webcast',
    body: '纳德拉在2025财年第二季度（2024年10-12月）财报电话会上说，AI业务年化收入已突破130亿美元，同比增长175%。',
    tags: ['微软', '核实'],
    visibility: 'shared',
  },
  {
    key: 'ai-share-question',
    author: 'student',
    lang: 'en',
    quote: 'its AI business accounted for 12.3% of its cloud revenue',
    kind: 'question',
    body: "Isn't this dividing a **run rate** (one quarter × 4) by a whole year's revenue? Is the 12.3% still meaningful?",
    tags: ['microsoft', 'method'],
    visibility: 'shared',
  },
  {
    key: 'google-8x',
    author: 'analyst',
    lang: 'en',
    quote: 'more than 8 times what it was 18 months ago',
    kind: 'highlight',
    body: '',
    tags: ['google'],
    visibility: 'shared',
  },
  {
    key: 'meta-no-revenue',
    author: 'journalist',
    lang: 'zh',
    quote: '这意味着Meta暂时无法获得AI相关收入',
    kind: 'comment',
    body: '说得太绝对了。Meta没有向用户收费的AI产品，但AI推荐和广告投放工具已经在拉动广告收入，只是没有单独披露。',
    tags: ['meta'],
    visibility: 'shared',
  },

  // --- Doubling down on investment for better odds of winning ---
  {
    key: 'slip-nvidia',
    author: 'analyst',
    lang: 'en',
    quote: 'Nvidia’s share price stood at $133.6 [given as $13.36 billion in the original]',
    kind: 'claim',
    verdict: 'false',
    sourceUrl: 'https://investor.nvidia.com/stock-info/stock-quote-and-chart/default.aspx',
    body:
      'A share price is not counted in billions. NVDA closed at **$133.57** on 10 February 2025; the original\'s "133.6亿美元" ' +
      'should read 133.6美元. The rest holds up: about 12.8% above the 27 January close of $118.42, and a market value of ' +
      'about $3.3 trillion.',
    tags: ['erratum', 'nvidia'],
    visibility: 'shared',
  },
  {
    key: 'depreciation',
    author: 'analyst',
    lang: 'en',
    quote: '$15.1 billion, $15.5 billion, $10.5 billion and $7.5 billion',
    kind: 'claim',
    verdict: 'disputed',
    body: [
      'The arithmetic is right (2024 capex ÷ 5), the conclusion less so:',
      '',
      '- not all capex is five-year equipment: land is not depreciated, buildings run 15 years or more;',
      '- depreciation **stacks**: the 2023, 2024 and 2025 vintages all hit the same income statement;',
      "- so 10%-26% of net profit is one vintage's share, not the total charge.",
    ].join('\n'),
    tags: ['depreciation', 'method'],
    visibility: 'shared',
  },
  {
    key: 'useful-life',
    author: 'journalist',
    lang: 'zh',
    quote: '正在延长部分设备使用时长',
    kind: 'claim',
    verdict: 'disputed',
    sourceUrl: 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001018724&type=10-K',
    body:
      '**并非四家都在延长。** 亚马逊在2024年四季度财报电话会上宣布，自2025年1月起把部分服务器和网络设备的使用年限从6年**缩短**为5年，' +
      '理由是AI技术迭代加快；Meta则从2025年起把服务器年限延长到5.5年。',
    tags: ['折旧', '核实'],
    visibility: 'shared',
  },

  // --- Can investment at this intensity be sustained? ---
  {
    key: 'answer-no',
    author: 'journalist',
    lang: 'zh',
    quote: '答案显然是否定的',
    kind: 'highlight',
    body: '',
    tags: [],
    visibility: 'shared',
  },
  {
    key: 'three-year-cycle',
    author: 'student',
    lang: 'en',
    quote: 'Such a cycle usually lasts only about three years.',
    kind: 'highlight',
    body: '',
    tags: ['cycles'],
    visibility: 'shared',
  },
  {
    key: 'msft-balance',
    author: 'journalist',
    lang: 'zh',
    quote: '2025上半年末算力投资将达到供需平衡',
    kind: 'question',
    body: '微软在电话会上的原话是什么？是明确说届时“供需平衡”，还是只说产能紧张会持续到财年末（2025年6月）？',
    tags: ['微软', '求证'],
    visibility: 'shared',
  },
  {
    key: 'slogan',
    author: 'moderator',
    lang: 'zh',
    quote: '多快好省地用好现有算力',
    kind: 'comment',
    body: '“多快好省”出自1958年“鼓足干劲、力争上游、多快好省地建设社会主义”的总路线。英文版在这里加了译注。',
    tags: ['翻译'],
    visibility: 'shared',
  },

  // --- Private notes: visible only to their authors ---
  {
    key: 'story-idea',
    author: 'journalist',
    lang: 'zh',
    quote: '一些从业者出现观望心态',
    kind: 'comment',
    body: '选题备忘：回访去年采访过的两家智算中心，问今年的采购计划有没有变。',
    tags: ['选题'],
    visibility: 'private',
  },
  {
    key: 'inference-demand',
    author: 'analyst',
    lang: 'en',
    quote: 'will grow more than 100-fold by 2027',
    kind: 'highlight',
    body: 'For the client note on inference demand; ask which company this is.',
    tags: ['inference'],
    visibility: 'private',
  },
];

export const demoReplies: DemoReply[] = [
  {
    note: 'h800-question',
    author: 'analyst',
    body:
      'Same chip as the H100, but with chip-to-chip NVLink bandwidth cut to **400 GB/s** (from 900 GB/s) to fit the October 2022 ' +
      'export rules. The October 2023 update banned it as well, so DeepSeek trained on hardware it can no longer buy.',
  },
  {
    note: 'h800-question',
    author: 'student',
    body: 'Thanks! That makes the $5.5 million figure even more striking.',
  },
  {
    note: 'inference-cost',
    author: 'analyst',
    verdict: 'disputed',
    body:
      'Agreed. List prices also say nothing about margins: DeepSeek may be pricing below cost to win users, and o1 is priced ' +
      'for a premium product.',
  },
  {
    note: 'slip-total',
    author: 'analyst',
    verdict: 'false',
    body:
      'Agreed, 万 should be 亿. But even $320 billion is soft: Microsoft gave no calendar-2025 figure. Taking its ' +
      '[~$80 billion for fiscal 2025](https://blogs.microsoft.com/on-the-issues/2025/01/03/the-golden-opportunity-for-american-ai/) ' +
      'the four add up to roughly $315-325 billion, so "more than" is borderline.',
  },
  {
    note: 'slip-total',
    author: 'journalist',
    body: '同意。微软的800亿美元是2025财年（截至2025年6月）的口径，和自然年不完全对应，合计数最好写成“约3200亿美元”。',
  },
  {
    note: 'slip-nvidia',
    author: 'journalist',
    verdict: 'false',
    body: '中文原文就是“133.6亿美元”，应为每股133.6美元。1月27日收盘价118.42美元，当天跌约17%，市值蒸发近6000亿美元。',
  },
  {
    note: 'slip-nvidia',
    author: 'moderator',
    body: '英文版已在这句后面加了译注；中文原文保持原样，请以这条批注提示读者。',
  },
  {
    note: 'sixty-percent',
    author: 'journalist',
    body: '这是业内常用的粗略说法，四家公司都没有按这个口径披露。建议当作经验值看待。',
  },
  {
    note: 'ai-share-question',
    author: 'analyst',
    body:
      'Yes, it mixes a run rate with annual revenue. Quarter against quarter: $13 billion ÷ 4 ≈ $3.25 billion against ' +
      "Intelligent Cloud's $25.5 billion in October-December, about 12.7%. The order of magnitude holds.",
  },
  {
    note: 'depreciation',
    author: 'journalist',
    body: '同意。按同样的算法，到2026年2024、2025两批设备的折旧叠加，每年折旧会是文中数字的两倍以上。',
  },
  {
    note: 'useful-life',
    author: 'analyst',
    verdict: 'false',
    body:
      "I'd go further than disputed: Amazon's 10-K for 2024 states the cut from six to five years plainly. Microsoft and Alphabet " +
      'moved to six years back in 2022-2023, so "in the past two quarters" fits Meta best.',
  },
  {
    note: 'msft-balance',
    author: 'analyst',
    body:
      'On the January call Microsoft expected capacity to be roughly in line with demand by the end of its fiscal year, i.e. ' +
      'June 2025. The article\'s "2025上半年末" is the same date in calendar terms, so the two sentences agree.',
  },
];

/** An editorial verdict the demo moderator publishes on a claim sentence (issue 16), found by a quote of its Chinese. */
export type DemoVerdict = {
  quote: string;
  rating: EditorialRating;
  reasoningEn: string;
  reasoningZh: string;
  sources: string[];
};

/** The article's two slips and three of its figures, checked against the sources named. */
export const demoVerdicts: DemoVerdict[] = [
  {
    quote: '2025年资本支出总额将超过3200万美元',
    rating: 'false',
    reasoningEn:
      'As printed, false: 3200万美元 is **$32 million**. The four companies’ guidance for 2025 adds up to more than **$320 billion** (3200亿美元), which is what the article means; the translation gives the corrected figure.',
    reasoningZh:
      '按原文字面不实：3200万美元只是3200万美元。四家公司对2025年的指引合计超过**3200亿美元**，原文应为“3200亿美元”；译文已更正。',
    sources: [],
  },
  {
    quote: '英伟达股价133.6亿美元',
    rating: 'mostly-true',
    reasoningEn:
      'The price is right and its unit is not: Nvidia closed at **$133.57 a share** on 10 February 2025, not 13.36 billion dollars. From the 27 January close of $118.42 that is a rise of about 12.8%.',
    reasoningZh: '股价对、单位错：2025年2月10日英伟达收于每股**133.57美元**，并非“133.6亿美元”。相对1月27日收盘价118.42美元，涨幅约12.8%。',
    sources: [],
  },
  {
    quote: '仅用2048张英伟达H800芯片和550万美元训练成本',
    rating: 'mixed',
    reasoningEn:
      'The figures are DeepSeek’s own, from the DeepSeek-V3 technical report: 2,048 H800 GPUs and about **$5.6 million**. But that is the rental price of the final training run (2.788 million GPU hours at $2 an hour), leaving out earlier research, experiments and the hardware itself.',
    reasoningZh:
      '数字出自DeepSeek-V3技术报告：2048张H800、约**557.6万美元**。但这只是最后一次训练按每GPU小时2美元折算的租用成本（278.8万GPU小时），不含此前的研究、实验和硬件本身。',
    sources: ['https://arxiv.org/abs/2412.19437'],
  },
  {
    quote: '英伟达因市场担忧情绪股价下跌17%',
    rating: 'true',
    reasoningEn: 'Nvidia closed about **17%** lower on 27 January 2025, losing close to $600 billion of market value in a day.',
    reasoningZh: '2025年1月27日英伟达收盘下跌约**17%**，单日市值蒸发近6000亿美元。',
    sources: [],
  },
  {
    quote: '预计2025年资本支出约为750亿美元',
    rating: 'true',
    reasoningEn:
      'On its fourth-quarter call of 4 February 2025 Alphabet said it expected to invest about **$75 billion** in capital expenditure in 2025.',
    reasoningZh: 'Alphabet在2025年2月4日的第四季度财报电话会上表示，预计2025年资本支出约为**750亿美元**。',
    sources: [],
  },
];
