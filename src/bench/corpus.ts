/**
 * A deterministic generator of realistic Arabic news pages for benchmarks: scraped text pages (3–12 KB) and
 * HTML pages (~50 KB, with the head, navigation, scripts, share bars, related lists and comment forms that real
 * pages carry). Sentences are assembled from templates we wrote, with varied actors, places, dates and numbers,
 * so no two pages share a body.
 */

import { rng } from "../store/sample.js";

export { rng };

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const ACTORS = ["الرئيس المصري", "وزير الخارجية السعودي", "رئيس الوزراء العراقي", "الرئيس التركي", "وزير الدفاع الأمريكي",
  "المتحدث باسم الخارجية الإيرانية", "الأمين العام للأمم المتحدة", "رئيس الحكومة المغربية", "ولي العهد الكويتي", "الرئيس الروسي",
  "وزيرة الخارجية الألمانية", "رئيس الوزراء الياباني", "الرئيس الأوكراني", "وزير الخارجية القطري", "الرئيس الجزائري",
  "رئيس المجلس الرئاسي الليبي", "العاهل الأردني", "الرئيس الفرنسي", "وزير الخارجية الصيني", "رئيس الوزراء الهندي"];
const COUNTRIES = ["مصر", "السعودية", "العراق", "تركيا", "الولايات المتحدة", "إيران", "المغرب", "الكويت", "روسيا", "ألمانيا",
  "اليابان", "أوكرانيا", "قطر", "الجزائر", "ليبيا", "الأردن", "فرنسا", "الصين", "الهند", "تونس", "السودان", "لبنان", "سوريا", "اليمن"];
const CITIES = ["القاهرة", "الرياض", "بغداد", "أنقرة", "واشنطن", "طهران", "الرباط", "الكويت", "موسكو", "برلين", "طوكيو", "كييف",
  "الدوحة", "الجزائر", "طرابلس", "عمّان", "باريس", "بكين", "نيودلهي", "تونس", "الخرطوم", "بيروت", "دمشق", "صنعاء", "جدة", "أبوظبي"];
const VERBS = ["بحث", "ناقش", "استعرض", "وقع", "أكد", "رحب", "انتقد", "أدان", "دعا إلى", "حذر من"];
const TOPICS = ["التعاون الاقتصادي", "الأمن الإقليمي", "أزمة المياه", "ملف اللاجئين", "مشروعات الطاقة المتجددة", "التبادل التجاري",
  "مكافحة الإرهاب", "الأوضاع الإنسانية", "إعادة الإعمار", "أسعار النفط", "الملف النووي", "التغير المناخي", "الاستثمارات المشتركة"];
const WHEN = ["اليوم الأحد", "أمس الاثنين", "يوم الثلاثاء", "مساء الأربعاء", "صباح الخميس", "الأسبوع الماضي", "الشهر الماضي",
  "في 12 مارس", "في يونيو/حزيران", "خلال العام الماضي", "في 3 أكتوبر 2024", "منذ عام 2019", "في التسعينيات"];
const MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const AUTHORS = ["سارة المنصوري", "محمد العتيبي", "خالد الزين", "ليلى حداد", "يوسف بن علي", "هدى الكبيسي", "عمر الشريف", "نور الهدى سالم"];
const OUTLETS = ["نبض العرب", "المرصد اليومي", "صوت الخليج", "أخبار المغرب الكبير", "الشرق نيوز", "بوابة النيل"];

/**
 * One sentence. Real news sentences do not all carry a named actor, a place and a date: about a third name a
 * date, about half a place, and some are plain commentary — the mix below keeps the density of entities, dates
 * and event triggers close to that of real articles.
 */
function sentence(r: () => number): string {
  const a = pick(r, ACTORS), c = pick(r, COUNTRIES), city = pick(r, CITIES), v = pick(r, VERBS), t = pick(r, TOPICS);
  const w = r() < 0.35 ? ` ${pick(r, WHEN)}` : "";
  const n = 2 + Math.floor(r() * 900);
  switch (Math.floor(r() * 9)) {
    case 0: return `و${v} ${a}${w} في ${city} مع نظيره من ${c} ${t}، مؤكدا أهمية تعزيز العلاقات الثنائية بين البلدين.`;
    case 1: return `وقال ${a} إن بلاده ستواصل العمل على ${t}، مشيرا إلى أن المحادثات ستستأنف${w || " قريبا"}.`;
    case 2: return `وأفادت وكالة الأنباء الرسمية بأن ${n} شخصا شاركوا${w} في اجتماع لبحث ${t}.`;
    case 3: return `ومن المقرر أن يزور ${a} ${city}${w} لإجراء محادثات حول ${t}، بحسب مصادر دبلوماسية.`;
    case 4: return `واتهمت ${c} جهات خارجية بعرقلة الجهود المبذولة في ملف ${t}، فيما نفت هذه الجهات الاتهامات.`;
    case 5: return `وأظهرت بيانات رسمية أن حجم ${t} بلغ ${n} مليون دولار${w}، بزيادة ملحوظة عن الفترة السابقة.`;
    case 6: return `ويرى محللون أن الملف يواجه تحديات كبيرة في ظل الظروف الاقتصادية الراهنة وتراجع الاهتمام الدولي.`;
    case 7: return `وأوضح مسؤول في الوزارة، طلب عدم الكشف عن هويته، أن الخطة تتضمن عدة مراحل تبدأ بتقييم الاحتياجات.`;
    default: return `وتشير التقديرات إلى أن ${t} سيبقى على رأس الأولويات خلال المرحلة المقبلة.`;
  }
}

function paragraph(r: () => number): string {
  const k = 1 + Math.floor(r() * 3);
  return Array.from({ length: k }, () => sentence(r)).join(" ");
}

export interface GeneratedPage {
  name: string;
  kind: "text" | "html";
  content: string;
}

function body(r: () => number, minChars: number): string[] {
  const paras: string[] = [];
  let len = 0;
  while (len < minChars) {
    const p = paragraph(r);
    paras.push(p);
    len += p.length;
  }
  return paras;
}

/** A scraped text page with the furniture of real ones: header, share line, byline, date, tags, read-also. */
export function textPage(i: number): GeneratedPage {
  const r = rng(i * 7919 + 1);
  const outlet = pick(r, OUTLETS);
  const title = `${pick(r, ACTORS)} ${pick(r, VERBS)} ${pick(r, TOPICS)} في ${pick(r, CITIES)}`;
  const paras = body(r, 1500 + Math.floor(r() * 4500));
  const lines = [
    `الموقع الرسمي | ${outlet}`, "", title, "", "  • مشاركة :", `${outlet} - ${pick(r, AUTHORS)}`, "",
    `تاريخ النشر: ${1 + Math.floor(r() * 28)}th, ${["January", "March", "June", "September", "November"][Math.floor(r() * 5)]} 202${Math.floor(r() * 5)} GMT`, "",
    `${pick(r, CITIES)} - ${paras[0]}`, ...paras.slice(1).flatMap((p) => ["", p]), "",
    `المصدر: صحيفة ${outlet}`, `كلمات دلالية: ${pick(r, COUNTRIES)} ${pick(r, TOPICS)}`, "إقرأ أيضاً:",
    `${pick(r, ACTORS)} يصل إلى ${pick(r, CITIES)}`, paragraph(r), paragraph(r),
  ];
  return { name: `t${String(i).padStart(6, "0")}`, kind: "text", content: lines.join("\n") };
}

const SCRIPT = `(function(){var d=document,s=d.createElement('script');window.dataLayer=window.dataLayer||[];function g(){dataLayer.push(arguments)}g('js',new Date());g('config','G-XXXX');})();\n`;
const STYLE = `.nav{display:flex;gap:8px}.article p{line-height:1.8;font-size:18px}.share a{margin:0 4px}.ad{min-height:250px}\n`;

/** An HTML page of about 50 KB: head with metadata, navigation, scripts, the article, related links, comments. */
export function htmlPage(i: number): GeneratedPage {
  const r = rng(i * 104729 + 3);
  const outlet = pick(r, OUTLETS);
  const title = `${pick(r, ACTORS)} ${pick(r, VERBS)} ${pick(r, TOPICS)} في ${pick(r, CITIES)}`;
  const y = 2019 + Math.floor(r() * 6), m = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28);
  const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const paras = body(r, 3000 + Math.floor(r() * 6000));
  const nav = Array.from({ length: 40 }, (_, k) => `<li><a href="/section/${k}">${pick(r, TOPICS)}</a></li>`).join("");
  const relatedList = Array.from({ length: 25 }, () => `<li><a href="/news/${Math.floor(r() * 1e6)}">${pick(r, ACTORS)} ${pick(r, VERBS)} ${pick(r, TOPICS)}</a></li>`).join("");
  const comments = Array.from({ length: 6 }, () => `<div class="comment"><b>${pick(r, AUTHORS)}</b><p>${sentence(r)}</p></div>`).join("");
  const html = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title} - ${outlet}</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="${iso}T10:00:00+03:00"><link rel="canonical" href="https://example.org/news/${i}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"${iso}T10:00:00+03:00","author":{"@type":"Person","name":"${pick(r, AUTHORS)}"},"publisher":{"@type":"Organization","name":"${outlet}"}}</script>
<style>${STYLE.repeat(60)}</style><script>${SCRIPT.repeat(90)}</script></head>
<body><header><nav class="nav"><ul>${nav}</ul></nav></header><div class="ad">إعلان</div>
<main><article class="article"><h1>${title}</h1><div class="byline"><span>${pick(r, AUTHORS)}</span> <time datetime="${iso}">${d} ${MONTHS[m - 1]} ${y}</time></div>
<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a> <a href="#">نسخ الرابط</a></div>
<figure><img src="/img/${i}.jpg" alt=""><figcaption>صورة أرشيفية من ${pick(r, CITIES)}</figcaption></figure>
<div class="article-body">${paras.map((p) => `<p>${p}</p>`).join("\n")}</div>
<p>كلمات دلالية: ${pick(r, COUNTRIES)}، ${pick(r, TOPICS)}</p></article>
<aside class="related"><h3>الأكثر قراءة</h3><ul>${relatedList}</ul></aside>
<section class="comments"><h3>التعليقات</h3>${comments}<form><textarea></textarea><button>إرسال</button></form></section></main>
<footer><p>جميع الحقوق محفوظة © ${outlet}</p></footer><script>${SCRIPT.repeat(60)}</script></body></html>`;
  return { name: `h${String(i).padStart(6, "0")}`, kind: "html", content: html };
}

/** Page i of the mixed corpus: even pages are text, odd pages HTML. */
export function page(i: number): GeneratedPage {
  return i % 2 === 0 ? textPage(i) : htmlPage(i);
}
