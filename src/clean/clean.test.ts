import { test } from "node:test";
import assert from "node:assert/strict";
import { anyMatches, cleanLines, wordsOf } from "./page.js";
import { extractHtml, decodeEntities, stripSiteSuffix } from "./html.js";
import { cleanDocument } from "./index.js";

// All sentences below are written for these tests.
const P1 = "أعلنت وزارة الصحة في الأردن، اليوم الاثنين، عن افتتاح ثلاثة مستشفيات ميدانية جديدة في المحافظات الشمالية لتخفيف الضغط على المستشفيات الحكومية.";
const P2 = "وقال المتحدث باسم الوزارة إن المستشفيات الجديدة ستعمل على مدار الساعة وستستقبل المرضى من مختلف المناطق المجاورة دون رسوم إضافية.";
const P3 = "وأضاف أن الوزارة تعتزم توظيف مئات الممرضين والأطباء خلال الأشهر المقبلة لتغطية النقص في الكوادر الطبية.";

test("site header, title, share buttons, byline and date line are taken out of the body", () => {
  const page = [
    "الموقع الرسمي | صوت عمّان",
    "",
    "الأردن يفتتح ثلاثة مستشفيات ميدانية في الشمال",
    "  • مشاركة :",
    "فيسبوك تويتر واتساب",
    "صوت عمّان - ليلى العمري",
    "تاريخ النشر: 4th, March 2024 GMT",
    P1, P2, P3,
  ].join("\n");
  const r = cleanLines(page);
  assert.equal(r.title, "الأردن يفتتح ثلاثة مستشفيات ميدانية في الشمال");
  assert.equal(r.outlet, "صوت عمّان");
  assert.deepEqual(r.authors, ["ليلى العمري"]);
  assert.equal(r.published, "2024-03-04");
  assert.equal(r.body, [P1, P2, P3].join("\n\n"));
});

test("a headline printed twice, a lone author line and a numeric date line", () => {
  const t = "عمّان تستضيف مؤتمرا إقليميا للمياه";
  const r = cleanLines([t, "", t, "", "يوسف الزعبي", "", "7/11/2023", "", P1, "", P2].join("\n"));
  assert.equal(r.title, t);
  assert.deepEqual(r.authors, ["يوسف الزعبي"]);
  assert.equal(r.published, "2023-11-07");
  assert.equal(r.body, [P1, P2].join("\n\n"));
});

test("credited source, tag line and an appended unrelated story after «إقرأ أيضاً»", () => {
  const related1 = "سجلت أسعار الذهب في السوق المحلية ارتفاعا جديدا اليوم مع زيادة الطلب قبل موسم الأعراس وتراجع سعر صرف العملة.";
  const related2 = "وتوقع تجار أن تستمر الأسعار في الصعود خلال الأسابيع المقبلة إذا استمرت الأسعار العالمية على مستوياتها الحالية.";
  const r = cleanLines(["عنوان الخبر الرئيسي هنا", P1, P2, "المصدر: صحيفة الغد", "كلمات دلالية: الأردن، الصحة، مستشفيات",
    "إقرأ أيضاً:", "الذهب يواصل الارتفاع في الأسواق المحلية", related1, related2].join("\n"));
  assert.deepEqual(r.credited, ["صحيفة الغد"]);
  assert.deepEqual(r.keywords, ["الأردن", "الصحة", "مستشفيات"]);
  assert.equal(r.body, [P1, P2].join("\n\n"));
  assert.equal(r.related.length, 1);
  assert.equal(r.related[0].title, "الذهب يواصل الارتفاع في الأسواق المحلية");
  assert.equal(r.related[0].body, [related1, related2].join("\n\n"));
});

test("a read-also list of links is dropped, an inline read-also link too", () => {
  const r = cleanLines(["عنوان", P1, "اقرأ أيضا: وزير الخارجية يصل إلى الرباط في زيارة رسمية", P2, "شاهد أيضا", "فيديو: لحظة افتتاح المستشفى", "مسؤولون يتفقدون الموقع"].join("\n"));
  assert.equal(r.body, [P1, P2].join("\n\n"));
  assert.equal(r.related.length, 0);
});

test("comment forms end the page; «*المصدر:» with extra spaces is credited", () => {
  const r = cleanLines(["عنوان", P1, P2, "*المصدر:   Jordan Daily", "", "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "الاسم"].join("\n"));
  assert.deepEqual(r.credited, ["Jordan Daily"]);
  assert.equal(r.body, [P1, P2].join("\n\n"));
});

test("a dateline is read but kept in the body; a dated first sentence gives the publication date", () => {
  const first = "عمّان - قالت مصادر رسمية، الأحد 3مارس2024، إن الحكومة أقرت خطة جديدة لدعم القطاع الصحي في المحافظات.";
  const r = cleanLines([first, P2, P3].join("\n"));
  assert.equal(r.title, null);
  assert.equal(r.dateline, "عمّان");
  assert.equal(r.published, "2024-03-03");
  assert.ok(r.body.startsWith("عمّان - قالت"));
});

test("an agency in a dateline is credited", () => {
  const r = cleanLines(["عنوان", "بغداد (رويترز) - " + P1, P2].join("\n"));
  assert.equal(r.dateline, "بغداد");
  assert.deepEqual(r.credited, ["رويترز"]);
});

test("glued subheading is split; repeated and near-repeated paragraphs are dropped", () => {
  const glued = "ما الذي تغير في الخطة؟وتقول الوزارة إن الخطة الجديدة تركز على الرعاية الأولية في القرى والبلدات البعيدة عن المدن.";
  const near = P2.replace("مختلف المناطق المجاورة", "مختلف المناطق القريبة");
  const r = cleanLines(["عنوان", P1, glued, P2, P1, near].join("\n"));
  const paras = r.body.split("\n\n");
  assert.equal(paras[1], "ما الذي تغير في الخطة؟");
  assert.ok(paras[2].startsWith("وتقول الوزارة"));
  assert.equal(paras.length, 4);
});

test("photo caption before a subheading is dropped, the subheading kept", () => {
  const r = cleanLines(["عنوان الخبر", P1, "وزير الصحة الأردني ونظيره السوري خلال اللقاء", "خطة مشتركة", P2].join("\n"));
  assert.equal(r.body, [P1, "خطة مشتركة", P2].join("\n\n"));
});

test("HTML: metadata from Open Graph / JSON-LD, body without navigation, share or comments", () => {
  const html = `<!doctype html><html lang="ar"><head><title>الأردن يفتتح مستشفيات - صوت عمّان</title>
    <meta property="og:site_name" content="صوت عمّان"><meta property="article:published_time" content="2024-03-04T09:00:00+02:00">
    <link rel="canonical" href="https://example.org/a/1">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"الأردن يفتتح مستشفيات &quot;ميدانية&quot;","author":[{"@type":"Person","name":"ليلى العمري"}],"publisher":{"name":"صوت عمّان"}}</script>
    </head><body><nav><a href="/">الرئيسية</a><a href="/x">سياسة</a></nav>
    <article><h1>الأردن يفتتح مستشفيات</h1><div class="share">فيسبوك تويتر واتساب</div>
    <p>${P1}</p><figure><figcaption>صورة أرشيفية لمستشفى</figcaption></figure><p>${P2}</p><p>${P3}</p></article>
    <section class="comments"><h3>التعليقات</h3><p>كن أول من يعلق</p></section><footer>جميع الحقوق محفوظة</footer></body></html>`;
  const r = cleanDocument({ path: "x.html", name: "x", url: null, encoding: "utf-8", title: null, published: null, html, text: null });
  assert.equal(r.title, "الأردن يفتتح مستشفيات \"ميدانية\"");
  assert.equal(r.published, "2024-03-04");
  assert.equal(r.outlet, "صوت عمّان");
  assert.deepEqual(r.authors, ["ليلى العمري"]);
  assert.equal(r.url, "https://example.org/a/1");
  assert.equal(r.body, [P1, P2, P3].join("\n\n"));
});

test("site suffix is removed from <title>; entities in JSON-LD are decoded", () => {
  assert.equal(stripSiteSuffix("عنوان الخبر - CNNArabic.com", null), "عنوان الخبر");
  assert.equal(decodeEntities("&quot;نص&quot; &amp; &#1593;"), "\"نص\" & ع");
});

test("truncated HTML and random text never crash the cleaner", () => {
  const html = `<html><head><title>عنوان</title></head><body><article><p>${P1}</p><p>${P2}`;
  for (let cut = 0; cut < html.length; cut += 37) {
    const r = extractHtml(html.slice(0, cut));
    assert.equal(typeof r.text, "string");
  }
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي .،؟\n-|:*«»0123456789<>/";
  for (let i = 0; i < 200; i++) {
    const s = Array.from({ length: Math.floor(rnd() * 500) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
    const r = cleanLines(s);
    assert.equal(typeof r.body, "string");
  }
});

test("bylines in other house styles: «كتب X» without a colon, «بقلم: د. X» above the headline, «موقع - X»", () => {
  const a = cleanLines(["الرئيسية > أخبار > سياسة", "عنوان عن زيارة وزير", "الأحد، 05 مايو 2024 03:00 م", "كتب محمد عبد الله", "استمع إلى المقال", P1, P2].join("\n"));
  assert.equal(a.title, "عنوان عن زيارة وزير");
  assert.deepEqual(a.authors, ["محمد عبد الله"]);
  assert.equal(a.published, "2024-05-05");
  assert.equal(a.body, [P1, P2].join("\n\n"));
  const b = cleanLines(["بقلم: د. سامي الحسيني", "2024/03/18", "الجزائر تستدعي سفيرها للتشاور", P1].join("\n"));
  assert.equal(b.title, "الجزائر تستدعي سفيرها للتشاور");
  assert.deepEqual(b.authors, ["د. سامي الحسيني"]);
  const c = cleanLines(["نبض الرباط - عبد الرحيم العلوي", "الثلاثاء 12 مارس 2024 - 10:30", "المغرب يوقع اتفاقية جديدة", P1].join("\n"));
  assert.equal(c.outlet, "نبض الرباط");
  assert.deepEqual(c.authors, ["عبد الرحيم العلوي"]);
  assert.equal(c.title, "المغرب يوقع اتفاقية جديدة");
});

test("a wire dateline on its own line and several credited sources on one source line", () => {
  const r = cleanLines(["الإمارات تدين الهجوم", "أبوظبي - وام:", P1, P2, "المصدر: صوت عمّان + وكالات"].join("\n"));
  assert.equal(r.dateline, "أبوظبي");
  assert.deepEqual(r.credited, ["وام", "صوت عمّان", "وكالات"]);
  assert.equal(r.body, [P1, P2].join("\n\n"));
  const q = cleanLines(["عنوان", "الجزائر: «المنصة اليومية»", P1].join("\n"));
  assert.equal(q.dateline, "الجزائر");
});

test("HTML: a staff byline is not an author; the outlet comes from JSON-LD WebSite or the <title> suffix", () => {
  const html = `<html><head><title>عنوان الخبر هنا | بوابة الطاقة</title><meta name="author" content="فريق التحرير">
    <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"بوابة الطاقة"},{"@type":"Article","headline":"عنوان الخبر هنا"}]}</script></head>
    <body><article><p>${P1}</p><p>${P2}</p></article></body></html>`;
  const r = cleanDocument({ path: null, name: "x", url: null, encoding: "utf-8", title: null, published: null, html, text: null });
  assert.deepEqual(r.authors, []);
  assert.equal(r.outlet, "بوابة الطاقة");
  assert.equal(r.title, "عنوان الخبر هنا");
});

test("HTML: scripts, styles and comments are dropped before parsing; JSON-LD metadata is kept", () => {
  const html = `<html><head><script>var x = "<p>not text</p>";</script><style>p{color:red}</style>
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان من البيانات","datePublished":"2024-02-03"}</script></head>
    <body><!-- تعليق مخفي --><article><p>${P1}</p><p>${P2}</p></article></body></html>`;
  const r = cleanDocument({ path: null, name: "x", url: null, encoding: "utf-8", title: null, published: null, html, text: null });
  assert.equal(r.title, "عنوان من البيانات");
  assert.equal(r.published, "2024-02-03");
  assert.equal(r.body, [P1, P2].join("\n\n"));
});

test("wordsOf splits like the punctuation-stripping regex it replaces", () => {
  const ref = (s: string) => s.replace(/[^\p{L}\p{N}\s+-]/gu, " ").split(/\s+/u).filter(Boolean);
  for (const s of ["", " ", "في القاهرة، أمس.", "covid-19 +5 «قال» a_b", "x\u00a0y\u3000z\ufeffw", "\ud83d\ude00ب\ud835\udc00c", "a\ud800b\udc00c", "٣٤ ١٢:٣٠", "\u064bا\u0640"]) {
    assert.deepEqual(wordsOf(s), ref(s), JSON.stringify(s));
  }
});

test("anyMatches: the start-anchored patterns joined into one regex match like the list", () => {
  const res = ["^abc", "^(?:x|y)z$", "^a|b", "q$", "^(A\\s*){2,3}$", "^(?<n>k)"].map((p) => new RegExp(p, "iu"));
  for (const s of ["abc", "xz", "yz", "xzz", "b", "cab", "aq", "A A", "A A A A", "k", "", "zzz"]) {
    assert.equal(anyMatches(res, s), res.some((re) => re.test(s)), s);
  }
});

test("duplicate and near-duplicate paragraphs are dropped, others kept", () => {
  const near = P1.replace("ثلاثة", "أربعة");
  const r = cleanLines(["العنوان", P1, P2, P1, near, P3].join("\n"));
  assert.equal(r.body, [P1, P2, P3].join("\n\n"));
  assert.deepEqual(r.trace.filter((t) => /duplicate/.test(t.rule)).map((t) => t.rule), ["duplicate-paragraph", "near-duplicate-paragraph"]);
});
