/**
 * Recall on unseen news: sentences written for this test (own wording; facts from public news) across regions and
 * topics that the dev articles do not cover: Gulf, Maghreb, Sahel, Horn of Africa, Iran talks, Israel/Lebanon,
 * Syria, Iraq, Yemen/Red Sea, Ukraine/Russia, China/Taiwan, EU, US. Entities are hand-built (no linker); the KB is
 * the product KB (nisba adjectives, capitals, metonyms).
 * Expected events are written «TYPE A>B» (directed), «TYPE A~B» (either direction: joint acts) or «TYPE A>-» (no
 * target); with `exact` the coded set must be exactly these, otherwise it must contain them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Event, TimeExpr } from "../record.js";
import { codeEvents } from "./index.js";
import { ents, time, type EntSpec } from "./testkit.js";

const PUB = "2025-03-10";
const key = (a: Event["source"] | null) => (a ? (a.igo ? a.igo : a.country) : "-");
const show = (evs: Event[]) => evs.map((e) => `${e.type}${e.mode ? ":" + e.mode : ""} ${key(e.source)}>${key(e.target)} ${e.status}`);

function has(evs: Event[], want: string): Event | undefined {
  const m = want.match(/^(\w+) ([\w-]+)([>~])([\w-]+)$/);
  if (!m) throw new Error(`bad expectation ${want}`);
  const [, type, a, rel, b] = m;
  return evs.find((e) => e.type === type && ((key(e.source) === a && key(e.target) === b)
    || (rel === "~" && key(e.source) === b && key(e.target) === a)));
}

interface Case {
  name: string;
  text: string;
  ents: EntSpec[];
  want: string[];
  exact?: boolean;
  status?: Event["status"];
  mode?: string | null;
  times?: (body: string) => TimeExpr[];
  date?: string | null;
}

// countries, capitals and organizations (KB ids where the KB has them)
const C = (id: string, country: string, ...say: string[]): EntSpec => ({ id, type: "country", country, say });
const P = (id: string, country: string, ...say: string[]): EntSpec => ({ id, type: "place", country, say });
const PER = (slug: string, country: string, ...say: string[]): EntSpec => ({ id: `rasd:person:${slug}`, type: "person", country, sector: "GOV", say });
const ORG = (id: string, country: string | null, igo: string | null, sector: string, ...say: string[]): EntSpec =>
  ({ id, type: "organization", country, igo, sector, say });

const X = {
  SAU: C("Q851", "SAU", "المملكة العربية السعودية", "السعودية"),
  IRN: C("Q794", "IRN", "إيران"),
  QAT: C("Q846", "QAT", "قطر"),
  ARE: C("Q878", "ARE", "الإمارات"),
  IND: C("Q668", "IND", "الهند"),
  ETH: C("Q115", "ETH", "إثيوبيا"),
  ERI: C("Q986", "ERI", "إريتريا"),
  SDN: C("Q1049", "SDN", "السودان"),
  YEM: C("Q805", "YEM", "اليمن"),
  UKR: C("Q212", "UKR", "أوكرانيا"),
  RUS: C("Q159", "RUS", "روسيا"),
  CHN: C("Q148", "CHN", "الصين"),
  TWN: C("rasd:country:taiwan-province-of-china", "TWN", "تايوان"),
  USA: C("Q30", "USA", "الولايات المتحدة"),
  DEU: C("Q183", "DEU", "ألمانيا"),
  FRA: C("Q142", "FRA", "فرنسا"),
  LBN: C("Q822", "LBN", "لبنان"),
  ISR: C("Q801", "ISR", "إسرائيل"),
  ARM: C("Q399", "ARM", "أرمينيا"),
  AZE: C("Q227", "AZE", "أذربيجان"),
  NER: C("Q1032", "NER", "النيجر"),
  BFA: C("Q965", "BFA", "بوركينا فاسو"),
  MLI: C("Q912", "MLI", "مالي"),
  DZA: C("Q262", "DZA", "الجزائر"),
  doha: P("rasd:place:doha", "QAT", "الدوحة"),
  rabat: P("rasd:place:rabat", "MAR", "الرباط"),
  riyadh: P("Q3692", "SAU", "الرياض"),
  nairobi: P("rasd:place:nairobi", "KEN", "نيروبي"),
  muscat: P("rasd:place:muscat", "OMN", "مسقط"),
  moscow: P("Q649", "RUS", "موسكو"),
  kyiv: P("Q1899", "UKR", "كييف"),
  beijing: P("Q956", "CHN", "بكين"),
  washington: P("Q61", "USA", "واشنطن"),
  cairo: P("Q85", "EGY", "القاهرة"),
  sf: P("rasd:place:san-francisco", "USA", "سان فرانسيسكو"),
  aleppo: P("rasd:place:aleppo", "SYR", "حلب"),
  kharkiv: P("rasd:place:kharkiv", "UKR", "خاركيف"),
  oman: C("Q842", "OMN", "سلطنة عمان"),
  un: ORG("Q1065", null, "UN", "IGO", "الأمم المتحدة"),
  unsc: ORG("Q37470", null, "UN", "IGO", "مجلس الأمن"),
  eu: ORG("Q458", null, "EU", "IGO", "الاتحاد الأوروبي"),
  al: ORG("Q7172", null, "AL", "IGO", "الجامعة العربية"),
  iaea: ORG("rasd:organization:iaea", null, "IAEA", "IGO", "الوكالة الدولية للطاقة الذرية"),
  ecowas: ORG("rasd:organization:ecowas", null, "ECOWAS", "IGO", "المجموعة الاقتصادية لدول غرب أفريقيا"),
  hamas: ORG("rasd:organization:hamas", "PSE", null, "REB", "حركة حماس"),
  hezbollah: ORG("rasd:organization:hezbollah", "LBN", null, "REB", "حزب الله"),
  houthis: ORG("rasd:organization:houthis", "YEM", null, "REB", "جماعة الحوثي"),
  tamim: PER("tamim-bin-hamad", "QAT", "الشيخ تميم بن حمد آل ثاني"),
  macron: PER("emmanuel-macron", "FRA", "إيمانويل ماكرون"),
  faisal: PER("faisal-bin-farhan", "SAU", "الأمير فيصل بن فرحان"),
  araghchi: PER("abbas-araghchi", "IRN", "عباس عراقجي"),
  sisi: PER("abdel-fattah-el-sisi", "EGY", "عبد الفتاح السيسي"),
  biden: PER("joe-biden", "USA", "جو بايدن"),
  erdogan: PER("recep-tayyip-erdogan", "TUR", "رجب طيب أردوغان"),
  putin: PER("vladimir-putin", "RUS", "فلاديمير بوتين"),
  merzouk: PER("mohamed-salem-ould-merzouk", "MRT", "محمد سالم ولد مرزوك"),
  bourita: PER("nasser-bourita", "MAR", "ناصر بوريطة"),
  abiy: PER("abiy-ahmed", "ETH", "آبي أحمد"),
  blinken: PER("antony-blinken", "USA", "أنتوني بلينكن"),
  xi: PER("xi-jinping", "CHN", "شي جين بينغ"),
  abbas: PER("mahmoud-abbas", "PSE", "محمود عباس"),
  witkoff: PER("steve-witkoff", "USA", "ستيف ويتكوف"),
  trump: PER("donald-trump", "USA", "دونالد ترامب"),
  netanyahu: PER("benjamin-netanyahu", "ISR", "بنيامين نتنياهو"),
  mbs: PER("mohammed-bin-salman", "SAU", "الأمير محمد بن سلمان"),
  pezeshkian: PER("masoud-pezeshkian", "IRN", "مسعود بزشكيان"),
  sharaa: PER("ahmed-al-sharaa", "SYR", "أحمد الشرع"),
  houthiLeader: { id: "rasd:person:abdul-malik-al-houthi", type: "person", country: "YEM", sector: "REB", say: ["عبد الملك الحوثي"] } as EntSpec,
};

const CASES: Case[] = [
  // ---- visits: host verbs reverse the direction; arrival verbs; talks in a foreign capital
  { name: "host verb with the place between host and guest", text: "استقبل أمير قطر الشيخ تميم بن حمد آل ثاني في الدوحة الرئيس الفرنسي إيمانويل ماكرون.",
    ents: [X.QAT, X.tamim, X.doha, X.macron], want: ["CONSULT FRA>QAT"], exact: true, mode: "visit" },
  { name: "host country of indirect talks", text: "واستضافت سلطنة عمان جولة جديدة من المحادثات غير المباشرة بين إيران والولايات المتحدة.",
    ents: [X.oman, X.IRN, X.USA], want: ["CONSULT IRN>OMN", "CONSULT USA>OMN", "CONSULT IRN~USA"], exact: true },
  { name: "host verb with a capital-city guest country", text: "استقبل الرئيس الأمريكي دونالد ترامب في البيت الأبيض رئيس الوزراء الإسرائيلي بنيامين نتنياهو.",
    ents: [X.trump, X.netanyahu], want: ["CONSULT ISR>USA"], exact: true, mode: "visit" },
  { name: "arrival in a foreign capital after a place head", text: "وصل رئيس الوزراء الإثيوبي آبي أحمد إلى العاصمة الكينية نيروبي في زيارة رسمية تستغرق يومين.",
    ents: [X.abiy, X.nairobi], want: ["CONSULT ETH>KEN"], exact: true, mode: "visit" },
  { name: "heading to a capital", text: "وتوجه وزير الخارجية الأمريكي أنتوني بلينكن إلى الدوحة لبحث مقترح الهدنة.",
    ents: [X.blinken, X.doha], want: ["CONSULT USA>QAT"], exact: true, mode: "visit" },
  { name: "talks with a counterpart in a foreign capital are a visit", text: "بحث وزير الخارجية الموريتاني محمد سالم ولد مرزوك في الرباط مع نظيره المغربي ناصر بوريطة ملف الهجرة.",
    ents: [X.merzouk, X.rabat, X.bourita], want: ["CONSULT MRT>MAR"], exact: true, mode: "visit" },
  { name: "meeting noun with a possessive pronoun, guest in the host's capital", text: "وأكد ولي العهد السعودي الأمير محمد بن سلمان خلال لقائه الرئيس الإيراني مسعود بزشكيان في الرياض أهمية الحوار.",
    ents: [X.mbs, X.pezeshkian, X.riyadh], want: ["CONSULT IRN>SAU"], exact: true },
  { name: "planned visit: expected", text: "ومن المقرر أن يزور الرئيس الصيني شي جين بينغ فرنسا الشهر المقبل.",
    ents: [X.xi, X.FRA], want: ["CONSULT CHN>FRA"], exact: true, status: "expected" },
  { name: "intended visit by a minister: expected", text: "ويعتزم وزير الخارجية الإيراني زيارة القاهرة الأسبوع المقبل.",
    ents: [X.cairo], want: ["CONSULT IRN>EGY"], exact: true, status: "expected" },
  // ---- calls and talks
  { name: "phone call with a counterpart named after the title", text: "وأجرى وزير الخارجية السعودي الأمير فيصل بن فرحان اتصالا هاتفيا مع نظيره الإيراني عباس عراقجي.",
    ents: [X.faisal, X.araghchi], want: ["CONSULT SAU~IRN"], exact: true, mode: "phone" },
  { name: "a received call: the caller is the source", text: "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الأمريكي جو بايدن.",
    ents: [X.sisi, X.biden], want: ["CONSULT USA>EGY"], exact: true, mode: "phone" },
  { name: "phone verb", text: "وهاتف الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين.",
    ents: [X.erdogan, X.putin], want: ["CONSULT TUR~RUS"], exact: true, mode: "phone" },
  { name: "talks of two envoys in a third country", text: "وأجرى المبعوث الأمريكي ستيف ويتكوف ووزير الخارجية الإيراني عباس عراقجي محادثات غير مباشرة في مسقط.",
    ents: [X.witkoff, X.araghchi, X.muscat], want: ["CONSULT USA~IRN"], exact: true },
  // ---- agreements, signings, the two parties as an anaphor
  { name: "signing a trade agreement", text: "ووقعت الإمارات والهند اتفاقية للتجارة الحرة.", ents: [X.ARE, X.IND], want: ["SUPPORT ARE~IND"], exact: true },
  { name: "«الجانبان» in the next sentence are the previous dyad", text: "التقى الرئيس الصيني شي جين بينغ نظيره الأمريكي جو بايدن في سان فرانسيسكو. واتفق الجانبان على استئناف الاتصالات العسكرية.",
    ents: [X.xi, X.biden, X.sf], want: ["CONSULT CHN>USA", "AGREE CHN~USA"], exact: true },
  { name: "«البلدان» sign agreements after a visit", text: "واستقبل الرئيس الجزائري في العاصمة نظيره الفرنسي إيمانويل ماكرون. ووقع البلدان عدة اتفاقيات في مجال الطاقة.",
    ents: [X.macron], want: ["SUPPORT DZA~FRA"] },
  { name: "announced mutual agreement («اتفاقهما»)", text: "وأعلنت أرمينيا وأذربيجان اتفاقهما على ترسيم الحدود بينهما.", ents: [X.ARM, X.AZE], want: ["AGREE ARM~AZE"], exact: true },
  { name: "mediators announce a ceasefire deal between two parties", text: "وأعلنت الولايات المتحدة وفرنسا التوصل إلى اتفاق لوقف إطلاق النار بين إسرائيل وحزب الله.",
    ents: [X.USA, X.FRA, X.ISR, X.hezbollah], want: ["AGREE ISR~LBN"], exact: true },
  { name: "welcoming «the step» supports both parties of the last dyad", text: "ووقعت أرمينيا وأذربيجان اتفاق سلام. ورحب الاتحاد الأوروبي بالخطوة.",
    ents: [X.ARM, X.AZE, X.eu], want: ["SUPPORT ARM~AZE", "SUPPORT EU>ARM", "SUPPORT EU>AZE"], exact: true },
  { name: "prisoner exchange", text: "وتبادلت روسيا وأوكرانيا مئات الأسرى بوساطة إماراتية.", ents: [X.RUS, X.UKR], want: ["RETREAT RUS~UKR"], mode: "release" },
  // ---- criticism, threats, requests, sanctions
  { name: "condemning Israeli strikes on south Lebanon", text: "وأدانت الجامعة العربية الغارات الإسرائيلية على جنوب لبنان.",
    ents: [X.al, X.LBN], want: ["ACCUSE AL>ISR", "ASSAULT ISR>LBN"], exact: true },
  { name: "IGO criticism", text: "وانتقدت الوكالة الدولية للطاقة الذرية إيران لتقليص تعاونها مع المفتشين.", ents: [X.iaea, X.IRN], want: ["ACCUSE IAEA>IRN"], exact: true },
  { name: "accusation of a neighbour", text: "واتهمت الحكومة الصومالية إثيوبيا بانتهاك سيادتها.", ents: [X.ETH], want: ["ACCUSE SOM>ETH"], exact: true, status: "occurred" },
  { name: "capitals as governments in an accusation", text: "واتهمت موسكو كييف بمهاجمة منشآت للطاقة بطائرات مسيرة.", ents: [X.moscow, X.kyiv], want: ["ACCUSE RUS>UKR"] },
  { name: "warning", text: "وحذرت الصين تايوان من أي محاولة للاستقلال.", ents: [X.CHN, X.TWN], want: ["THREATEN CHN>TWN"], exact: true },
  { name: "threat to target ships of a country", text: "وهدد زعيم جماعة الحوثي عبد الملك الحوثي باستهداف السفن الأمريكية في البحر الأحمر.",
    ents: [X.houthiLeader], want: ["THREATEN YEM>USA"], exact: true },
  { name: "demand of the Security Council", text: "وطالب الرئيس الفلسطيني محمود عباس مجلس الأمن بتوفير الحماية الدولية للشعب الفلسطيني.",
    ents: [X.abbas, X.unsc], want: ["REQUEST PSE>UN"], exact: true },
  { name: "call on two countries («دعا … إلى»)", text: "ودعت الأمم المتحدة إثيوبيا وإريتريا إلى ضبط النفس.", ents: [X.un, X.ETH, X.ERI], want: ["REQUEST UN>ETH", "REQUEST UN>ERI"], exact: true },
  { name: "call on a country to lift sanctions", text: "ودعا الرئيس السوري أحمد الشرع الولايات المتحدة إلى رفع العقوبات عن بلاده.", ents: [X.sharaa, X.USA], want: ["REQUEST SYR>USA"], exact: true },
  { name: "sanctions by a ministry", text: "وفرضت وزارة الخزانة الأمريكية عقوبات جديدة على شركات إيرانية.", ents: [], want: ["SANCTION USA>IRN"], exact: true },
  { name: "EU sanctions package", text: "وفرض الاتحاد الأوروبي حزمة جديدة من العقوبات على روسيا.", ents: [X.eu, X.RUS], want: ["SANCTION EU>RUS"], exact: true },
  { name: "possible sanctions", text: "وقد تفرض واشنطن عقوبات إضافية على بكين.", ents: [X.washington, X.beijing], want: ["SANCTION USA>CHN"], exact: true, status: "possible" },
  { name: "summoning an ambassador", text: "واستدعت وزارة الخارجية العراقية السفير التركي احتجاجا على القصف.", ents: [], want: ["SANCTION IRQ>TUR"], exact: true },
  { name: "expelling an ambassador", text: "وطردت السلطات المالية السفير الفرنسي.", ents: [], want: ["SANCTION MLI>FRA"], exact: true },
  // ---- force, coercion, release, aid
  { name: "shelling a town of a country", text: "وقصفت القوات الروسية مدينة خاركيف الأوكرانية بالصواريخ.", ents: [X.kharkiv], want: ["ASSAULT RUS>UKR"], exact: true },
  { name: "seizing a city", text: "وسيطرت فصائل المعارضة السورية على مدينة حلب.", ents: [X.aleppo], want: ["ASSAULT SYR>SYR"], exact: true },
  { name: "attack on a ship of a country", text: "وهاجمت جماعة الحوثي سفينة شحن يونانية في البحر الأحمر.", ents: [X.houthis], want: ["ASSAULT YEM>GRC"], exact: true },
  { name: "arrest of a foreign journalist", text: "واعتقلت السلطات الإيرانية صحفيا فرنسيا بتهمة التجسس.", ents: [], want: ["COERCE IRN>FRA"], exact: true },
  { name: "release of a foreign journalist", text: "وأفرجت روسيا عن صحفي أمريكي.", ents: [X.RUS], want: ["RETREAT RUS>USA"], exact: true, mode: "release" },
  { name: "aid delivery", text: "وأرسلت الإمارات طائرة محملة بالمساعدات الطبية إلى السودان.", ents: [X.ARE, X.SDN], want: ["AID ARE>SDN"], exact: true },
  { name: "humanitarian aid", text: "وقدمت المملكة العربية السعودية مساعدات إنسانية إلى اليمن.", ents: [X.SAU, X.YEM], want: ["AID SAU>YEM"], exact: true },
  { name: "future military aid after a pronoun complementizer", text: "وأعلنت ألمانيا أنها ستزود أوكرانيا بمنظومة دفاع جوي إضافية.", ents: [X.DEU, X.UKR], want: ["AID DEU>UKR"], exact: true, status: "expected" },
  { name: "denied arms deliveries", text: "ونفت إيران تزويد روسيا بصواريخ باليستية.", ents: [X.IRN, X.RUS], want: ["AID IRN>RUS"], exact: true, status: "denied" },
  { name: "protest of citizens", text: "وتظاهر آلاف الأردنيين في عمّان للمطالبة بوقف الحرب.", ents: [], want: ["PROTEST JOR>-"], exact: true },
  { name: "withdrawal from a regional bloc", text: "وأعلنت النيجر وبوركينا فاسو ومالي انسحابها من المجموعة الاقتصادية لدول غرب أفريقيا.",
    ents: [X.NER, X.BFA, X.MLI, X.ecowas], want: ["RETREAT NER>ECOWAS", "RETREAT BFA>ECOWAS", "RETREAT MLI>ECOWAS"], exact: true },
  { name: "recalling an ambassador (verbal noun)", text: "وأعلنت الجزائر استدعاء سفيرها لدى فرنسا للتشاور.", ents: [X.DZA, X.FRA], want: ["SANCTION DZA>FRA"], exact: true },
  { name: "military drills around an island", text: "وأجرت الصين مناورات عسكرية واسعة حول تايوان.", ents: [X.CHN, X.TWN], want: ["MOBILIZE CHN>-"] },
  // ---- more patterns
  { name: "an IGO head with a title welcomes «the step» of the previous sentence", text: "واتفقت السعودية وإيران على استئناف العلاقات. ورحب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالخطوة.",
    ents: [X.SAU, X.IRN, { id: "rasd:person:antonio-guterres", type: "person", country: "PRT", igo: "UN", sector: "IGO", say: ["أنطونيو غوتيريش"] }],
    want: ["AGREE SAU~IRN", "SUPPORT UN>SAU", "SUPPORT UN>IRN"], exact: true },
  { name: "a second verb shares the subject of the pronoun complementizer", text: "وقال الرئيس التركي رجب طيب أردوغان إنه سيعرض خطة للسلام وسيبحث مع نظيره الروسي فلاديمير بوتين ملف الحبوب.",
    ents: [X.erdogan, X.putin], want: ["CONSULT TUR~RUS"], exact: true, status: "expected" },
  { name: "dateline before a host verb", text: "الرياض - استقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الأمريكي دونالد ترامب.",
    ents: [X.riyadh, X.mbs, X.trump], want: ["CONSULT USA>SAU"], exact: true, mode: "visit" },
  { name: "a seized town's country is the target", text: "وأعلنت حركة حماس سيطرتها على مدينة رفح.",
    ents: [X.hamas, P("rasd:place:rafah", "PSE", "رفح")], want: ["ASSAULT PSE>PSE"], exact: true },
  { name: "visit noun with a possessive pronoun", text: "وقال الرئيس الفرنسي إيمانويل ماكرون خلال زيارته إلى موسكو إن الحوار ضروري.",
    ents: [X.macron, X.moscow], want: ["CONSULT FRA>RUS"], exact: true, mode: "visit" },
  { name: "arrival in a foreign capital after a coordinated title", text: "ووصل وزير الدفاع الأمريكي إلى بكين في أول زيارة منذ عامين.",
    ents: [X.beijing], want: ["CONSULT USA>CHN"], exact: true },
  { name: "killing of civilians of a nationality", text: "وقتلت القوات الإسرائيلية ثلاثة فلسطينيين في الضفة الغربية.", ents: [], want: ["ASSAULT ISR>PSE"], exact: true },
  { name: "joint air strikes on a group", text: "وشنت الولايات المتحدة وبريطانيا ضربات جوية على مواقع للحوثيين في اليمن.",
    ents: [X.USA, C("Q145", "GBR", "بريطانيا"), { ...X.houthis, say: ["حوثيين"] }, X.YEM], want: ["ASSAULT USA>YEM", "ASSAULT GBR>YEM"], exact: true },
  { name: "missile launch", text: "وأطلقت كوريا الشمالية صاروخا باليستيا باتجاه بحر اليابان.", ents: [C("Q423", "PRK", "كوريا الشمالية")], want: ["MOBILIZE PRK>-"], exact: true },
  { name: "pledge of aid", text: "وتعهدت اليابان بتقديم مساعدات بقيمة 500 مليون دولار لأوكرانيا.", ents: [C("Q17", "JPN", "اليابان"), X.UKR], want: ["AGREE JPN>UKR"], exact: true },
  { name: "delegation visit", text: "وزار وفد من حركة حماس القاهرة لبحث الهدنة.", ents: [X.hamas, X.cairo], want: ["CONSULT PSE>EGY"], exact: true, mode: "visit" },
  { name: "expected meeting in one party's country is a visit", text: "ومن المتوقع أن يلتقي الرئيس الأمريكي دونالد ترامب نظيره الروسي فلاديمير بوتين في ألاسكا.",
    ents: [X.trump, X.putin, P("rasd:place:alaska", "USA", "ألاسكا")], want: ["CONSULT RUS>USA"], exact: true, status: "expected", mode: "visit" },
  { name: "talks with a counterpart in his capital", text: "وأجرى الرئيس الإماراتي محادثات مع نظيره الفرنسي في باريس.", ents: [P("Q90", "FRA", "باريس")], want: ["CONSULT ARE>FRA"], exact: true, mode: "visit" },
  { name: "heading to a capital (nominal subject)", text: "وتوجه رئيس الوزراء العراقي إلى طهران في زيارة تستغرق يومين.", ents: [P("Q3616", "IRN", "طهران")], want: ["CONSULT IRQ>IRN"], exact: true, mode: "visit" },
  { name: "meeting of two ministers (dual construct)", text: "وعقد وزيرا خارجية مصر والأردن اجتماعا في عمّان.", ents: [C("Q79", "EGY", "مصر"), C("Q810", "JOR", "الأردن"), P("rasd:place:amman", "JOR", "عمّان")],
    want: ["CONSULT EGY>JOR"], exact: true },
  { name: "suspension of aid (verbal noun)", text: "وأعلنت واشنطن تعليق المساعدات العسكرية لأوكرانيا.", ents: [X.washington, X.UKR], want: ["SANCTION USA>UKR"], exact: true },
  { name: "rejection of a proposal of a country", text: "ورفضت إسرائيل مقترح الهدنة المصري.", ents: [X.ISR], want: ["REJECT ISR>EGY"], exact: true },
  { name: "alleged strike reported by sources", text: "وكشفت مصادر أن إسرائيل قصفت مواقع لحزب الله.", ents: [X.ISR, X.hezbollah], want: ["ASSAULT ISR>LBN"], exact: true, status: "alleged" },
  { name: "passive signing between two countries", text: "وتم توقيع مذكرة تفاهم بين مصر والسعودية في مجال الطاقة.", ents: [C("Q79", "EGY", "مصر"), X.SAU], want: ["SUPPORT EGY~SAU"], exact: true },
  { name: "meeting verb with «مع»", text: "واجتمع الرئيس الصومالي مع رئيس الوزراء الإثيوبي آبي أحمد.", ents: [X.abiy], want: ["CONSULT SOM~ETH"], exact: true },
  { name: "summit held by two leaders", text: "وعقد الرئيس الروسي فلاديمير بوتين والرئيس الصيني شي جين بينغ قمة ثنائية.", ents: [X.putin, X.xi], want: ["CONSULT RUS~CHN"], exact: true },
  { name: "official visit carried by a light verb", text: "وأجرى الرئيس الإندونيسي زيارة رسمية إلى الهند.", ents: [X.IND], want: ["CONSULT IDN>IND"], exact: true, mode: "visit" },
  { name: "expected arrival", text: "ومن المنتظر أن يصل وزير الخارجية الفرنسي إلى بيروت غدا.", ents: [P("Q3820", "LBN", "بيروت")], want: ["CONSULT FRA>LBN"], exact: true, status: "expected" },
  { name: "arrests announced by an army (genitive is the arrested)", text: "وأعلن الجيش الإسرائيلي اعتقال عشرات الفلسطينيين في الضفة الغربية.", ents: [], want: ["COERCE ISR>PSE"], exact: true },
  { name: "decided expulsion of diplomats (masdar after a light verb)", text: "وقررت الحكومة الجزائرية طرد 12 دبلوماسيا فرنسيا.", ents: [], want: ["SANCTION DZA>FRA"], exact: true, mode: "expel" },
  { name: "«دان» spelling, an attack noun with a nisba and a target", text: "ودانت السعودية بشدة الاعتداء الإسرائيلي على قطر.", ents: [X.SAU, X.QAT],
    want: ["ACCUSE SAU>ISR", "ASSAULT ISR>QAT"], exact: true },
  { name: "air defences shoot down drones of a country", text: "وأسقطت الدفاعات الجوية الأوكرانية مسيرات روسية.", ents: [], want: ["ASSAULT UKR>RUS"], exact: true },
  { name: "a drone of a country as the attacker", text: "واستهدفت مسيرة أوكرانية مصفاة نفط في روسيا.", ents: [X.RUS], want: ["ASSAULT UKR>RUS"] },
  { name: "warplanes of a country strike a group", text: "وشنت طائرات حربية إسرائيلية غارات على مواقع لحزب الله.", ents: [X.hezbollah], want: ["ASSAULT ISR>LBN"], exact: true },
  { name: "seizing a town qualified by a nisba", text: "وأعلنت وزارة الدفاع الروسية السيطرة على بلدة أوكرانية جديدة.", ents: [], want: ["ASSAULT RUS>UKR"], exact: true },
  { name: "release of a foreign tanker", text: "وأطلقت إيران سراح ناقلة نفط بريطانية.", ents: [X.IRN], want: ["RETREAT IRN>GBR"], exact: true, mode: "release" },
  { name: "demand to withdraw forces: the act demanded is not an event", text: "وطالبت الحكومة العراقية الولايات المتحدة بسحب قواتها من البلاد.", ents: [X.USA], want: ["REQUEST IRQ>USA"], exact: true },
  { name: "denied arms shipments (verbal noun with a destination)", text: "ونفت الصين إرسال أسلحة إلى روسيا.", ents: [X.CHN, X.RUS], want: ["AID CHN>RUS"], exact: true, status: "denied" },
  { name: "possible resumption of cooperation", text: "ويمكن أن تستأنف إيران والوكالة الدولية للطاقة الذرية تعاونهما الشهر المقبل.", ents: [X.IRN, X.iaea], want: ["COOPERATE IRN~IAEA"], exact: true, status: "possible" },
  { name: "possible meeting on the sidelines of a summit", text: "وقد يلتقي الرئيس الأمريكي نظيره الصيني على هامش القمة.", ents: [], want: ["CONSULT USA~CHN"], exact: true, status: "possible" },
  { name: "claimed attack on a ship of a country", text: "وأعلن الحوثيون مسؤوليتهم عن هجوم على سفينة إسرائيلية.", ents: [{ ...X.houthis, say: ["الحوثيون"] }], want: ["ASSAULT YEM>ISR"], exact: true },
  { name: "truce reached by a government and a rebel force", text: "وتوصلت الحكومة السودانية وقوات الدعم السريع إلى هدنة إنسانية.",
    ents: [{ id: "rasd:organization:rsf", type: "organization", country: "SDN", igo: null, sector: "REB", say: ["قوات الدعم السريع"] }], want: ["AGREE SDN~SDN"], exact: true },
  { name: "withdrawal of foreign forces", text: "وانسحبت القوات الأمريكية من قاعدة في شمال سوريا.", ents: [], want: ["RETREAT USA>-"], mode: "withdraw" },
  { name: "warning to a country by a minister", text: "وحذر وزير الخارجية الإيراني الولايات المتحدة من أي عمل عسكري.", ents: [X.USA], want: ["THREATEN IRN>USA"], exact: true },
  { name: "coordinated sources and targets of a call", text: "ودعت مصر وقطر إسرائيل وحركة حماس إلى العودة إلى طاولة المفاوضات.", ents: [C("Q79", "EGY", "مصر"), X.QAT, X.ISR, X.hamas],
    want: ["REQUEST EGY>ISR", "REQUEST EGY>PSE", "REQUEST QAT>ISR", "REQUEST QAT>PSE"], exact: true },
  { name: "arrest of journalists of a nationality", text: "واعتقلت قوات الأمن التركية صحفيين سويديين.", ents: [], want: ["COERCE TUR>SWE"], exact: true },
  { name: "landing in a foreign capital («حط رحاله في»)", text: "وحط الرئيس الإيراني مسعود بزشكيان رحاله في بكين في زيارة تستمر ثلاثة أيام.", ents: [X.pezeshkian, X.beijing],
    want: ["CONSULT IRN>CHN"], exact: true, mode: "visit" },
  { name: "host noun with a possessive pronoun («خلال استقباله»)", text: "وقال العاهل الأردني الملك عبد الله الثاني خلال استقباله الرئيس الفرنسي إيمانويل ماكرون إن الحل السياسي ضروري.",
    ents: [PER("abdullah-ii", "JOR", "الملك عبد الله الثاني"), X.macron], want: ["CONSULT FRA>JOR"], exact: true, mode: "visit" },
  { name: "expected reception announced by a metonym", text: "وأعلن الكرملين أن بوتين سيستقبل الرئيس الصيني في موسكو الأسبوع المقبل.",
    ents: [{ ...X.putin, say: ["بوتين"] }, X.moscow], want: ["CONSULT CHN>RUS"], exact: true, status: "expected", mode: "visit" },
  { name: "meeting reported by an agency («بأن»)", text: "وأفادت وكالة الأنباء الرسمية بأن الرئيس التونسي قيس سعيد التقى وزير الخارجية الإيطالي.",
    ents: [PER("kais-saied", "TUN", "قيس سعيد")], want: ["CONSULT TUN~ITA"], exact: true },
  { name: "army accuses a rebel force of shelling a camp", text: "واتهم الجيش السوداني قوات الدعم السريع بقصف مخيم زمزم للنازحين.",
    ents: [{ id: "rasd:organization:rsf", type: "organization", country: "SDN", igo: null, sector: "REB", say: ["قوات الدعم السريع"] }], want: ["ACCUSE SDN>SDN"], exact: true },
  { name: "host with a place before the guest (sultanate)", text: "واستقبل السلطان هيثم بن طارق في مسقط وزير الخارجية الإيراني.",
    ents: [PER("haitham-bin-tariq", "OMN", "السلطان هيثم بن طارق"), X.muscat], want: ["CONSULT IRN>OMN"], exact: true, mode: "visit" },
  { name: "EU pledge of funds", text: "وتعهد الاتحاد الأوروبي بتقديم 50 مليار يورو لأوكرانيا.", ents: [X.eu, X.UKR], want: ["AGREE EU>UKR"], exact: true },
  { name: "welcoming a ceasefire agreement between two countries", text: "ورحبت الجامعة العربية باتفاق وقف إطلاق النار بين الهند وباكستان.",
    ents: [X.al, X.IND, C("Q843", "PAK", "باكستان")], want: ["SUPPORT AL>IND", "SUPPORT AL>PAK", "AGREE IND~PAK"], exact: true },
  { name: "condemning abuses of the previous sentence's aggressor", text: "واقتحمت القوات الإسرائيلية مدينة جنين. وأدانت الأمم المتحدة الانتهاكات بحق المدنيين.",
    ents: [X.un, P("rasd:place:jenin", "PSE", "جنين")], want: ["ACCUSE UN>ISR"] },
  // ---- precision guards: no event without credible arguments
  { name: "«الجانبان» without a previous dyad", text: "واتفق الجانبان على مواصلة المشاورات.", ents: [], want: [], exact: true },
  { name: "«the step» without a previous event", text: "ورحب الاتحاد الأوروبي بالخطوة.", ents: [X.eu], want: [], exact: true },
  { name: "«under the control of» is not a seizure", text: "وتقع المدينة تحت سيطرة الجيش السوداني منذ عامين.", ents: [], want: [], exact: true },
  { name: "a plan of withdrawal is not a withdrawal", text: "وعرضت الحكومة الإسرائيلية خطة الانسحاب على الكنيست.", ents: [], want: [], exact: true },
  { name: "an agreement that enters into force is not a new event", text: "وقال المسؤول القطري إن الاتفاق يدخل حيز التنفيذ يوم الأحد.", ents: [], want: [], exact: true },
  { name: "a condemnation of abuses without a previous use of force has no target", text: "واجتمع وزير الخارجية الفرنسي مع نظيره المصري. وأدانت الأمم المتحدة الانتهاكات بحق المدنيين.",
    ents: [X.un], want: ["CONSULT FRA~EGY"], exact: true },
  { name: "«هناك» is not a congratulation", text: "وكان هناك تواصل مستمر بين الصين وروسيا.", ents: [X.CHN, X.RUS], want: [], exact: true },
  { name: "«اتفاقية تعاون» is a signed object, not an anaphor or a cooperation verb", text: "وقعت مصر والأردن اتفاقا. وأعلنت تونس أنها ستوقع اتفاقية تعاون أمني مع إيطاليا الشهر المقبل.",
    ents: [C("Q79", "EGY", "مصر"), C("Q810", "JOR", "الأردن"), C("Q948", "TUN", "تونس"), C("Q38", "ITA", "إيطاليا")],
    want: ["SUPPORT EGY~JOR", "SUPPORT TUN>ITA"], exact: true },
  { name: "dated host visit", text: "واستقبل الرئيس الكيني وليام روتو يوم الثلاثاء في نيروبي الرئيس الصومالي حسن شيخ محمود.",
    ents: [PER("william-ruto", "KEN", "وليام روتو"), X.nairobi, PER("hassan-sheikh-mohamud", "SOM", "حسن شيخ محمود")],
    times: (b) => [time(b, "يوم الثلاثاء", "2025-03-04")], want: ["CONSULT SOM>KEN"], exact: true, mode: "visit", date: "2025-03-04" },
  { name: "dated seizure announced by a rebel force, denied by the government", text: "ونفت الحكومة السودانية سيطرة قوات الدعم السريع على مدينة بابنوسة.",
    ents: [{ id: "rasd:organization:rsf", type: "organization", country: "SDN", igo: null, sector: "REB", say: ["قوات الدعم السريع"] }, P("rasd:place:babanusa", "SDN", "بابنوسة")],
    want: ["ASSAULT SDN>SDN"], exact: true, status: "denied" },
  { name: "a negated withdrawal is not an event", text: "ولم تنسحب القوات الروسية من المدينة.", ents: [], want: [], exact: true },
  { name: "a negated future visit is not an event", text: "ولن يزور الرئيس الأمريكي الصين هذا العام.", ents: [X.CHN], want: [], exact: true },
  // ---- negation
  { name: "a negated meeting is not an event", text: "ولم يلتق وزير الخارجية الأمريكي نظيره الصيني خلال القمة.", ents: [], want: [], exact: true },
];

for (const c of CASES) {
  test(`unseen: ${c.name}`, () => {
    const evs = codeEvents({ body: c.text, published: PUB, entities: ents(c.text, c.ents), times: c.times?.(c.text) ?? [] });
    const got = show(evs);
    for (const w of c.want) assert.ok(has(evs, w), `missing ${w} in ${JSON.stringify(got)}`);
    if (c.exact) assert.equal(evs.length, c.want.length, `expected exactly ${JSON.stringify(c.want)}, got ${JSON.stringify(got)}`);
    for (const w of c.want) {
      const e = has(evs, w)!;
      if (c.status) assert.equal(e.status, c.status, `status of ${w}: ${JSON.stringify(got)}`);
      if (c.mode !== undefined) assert.equal(e.mode, c.mode, `mode of ${w}: ${JSON.stringify(got)}`);
      if (c.date !== undefined) assert.equal(e.date, c.date, `date of ${w}: ${JSON.stringify(got)}`);
    }
  });
}


test("unseen: a linker mention that includes its proclitics («لليابان») keeps the preposition", () => {
  const text = "وتعهدت رئيسة الوزراء اليابانية بتعزيز القدرات الدفاعية لليابان ومواصلة التنسيق مع الولايات المتحدة.";
  const entities = ents(text, [X.USA]);
  const at = text.indexOf("لليابان");
  entities.push({ id: "Q17", name: { ar: "اليابان", en: "Japan" }, type: "country", country: "JPN", igo: null, known: true, sector: null,
    mentions: [{ start: at, end: at + "لليابان".length, text: "لليابان" }] });
  const evs = codeEvents({ body: text, published: PUB, entities, times: [] });
  assert.deepEqual(show(evs), ["AGREE JPN>USA occurred"], `got ${JSON.stringify(show(evs))}`);
});
