/**
 * Hand-written Arabic example records (sentences written for this project) used by the store and API tests:
 * a visit announced and then made, a syndicated copy, a signing, criticism, and unrelated stories.
 */
import type { ArticleRecord } from "../record.js";
import { makeRecord, type EntitySpec } from "./sample.js";

const PUTIN: EntitySpec = { id: "Q7747", ar: "فلاديمير بوتين", en: "Vladimir Putin", country: "RUS", sector: "GOV", forms: ["فلاديمير بوتين", "بوتين", "بوتن"] };
const KIM: EntitySpec = { id: "Q56226", ar: "كيم جونغ أون", en: "Kim Jong Un", country: "PRK", sector: "GOV", forms: ["كيم جونغ أون", "كيم جونج أون"] };
const PYONGYANG: EntitySpec = { id: "Q18808", ar: "بيونغ يانغ", en: "Pyongyang", type: "place", country: "PRK", forms: ["بيونغ يانغ", "بيونج يانج", "بيونغيانغ"] };
const RUSSIA: EntitySpec = { id: "Q159", ar: "روسيا", en: "Russia", type: "country", country: "RUS", forms: ["روسيا"] };
const USA: EntitySpec = { id: "Q30", ar: "الولايات المتحدة", en: "United States", type: "country", country: "USA", forms: ["الولايات المتحدة", "واشنطن"] };

const VISIT = { type: "CONSULT", mode: "visit", source: { entity: "Q7747", country: "RUS", sector: "GOV" }, target: { country: "PRK", sector: "GOV" }, score: 4 };

const SYNDICATED_BODY =
  "وصل الرئيس الروسي بوتن إلى بيونج يانج صباح اليوم الأربعاء في زيارة رسمية تستغرق يومين، هي الأولى له منذ أكثر من عقدين. " +
  "وكان في استقباله في المطار الزعيم كيم جونج أون وعدد من كبار المسؤولين في الحزب والحكومة.\n\n" +
  "ومن المنتظر أن يعقد الجانبان جلسة مباحثات موسعة تتناول التعاون الاقتصادي والعسكري بين البلدين والوضع في شبه الجزيرة الكورية. " +
  "وقالت وسائل إعلام رسمية إن العاصمة زينت شوارعها بالأعلام وصور الضيف.";

export function exampleRecords(): ArticleRecord[] {
  return [
    makeRecord({
      id: "ex-announce", title: "الكرملين: بوتين يزور بيونغ يانغ الأسبوع المقبل", published: "2024-06-14", outlet: "وكالة الشرق",
      url: "https://example.org/announce",
      body: "أعلن الكرملين اليوم الجمعة أن الرئيس الروسي فلاديمير بوتين سيزور بيونغ يانغ الأسبوع المقبل لإجراء محادثات مع الزعيم الكوري الشمالي كيم جونغ أون. " +
        "وأوضح المتحدث باسم الرئاسة أن الزيارة تأتي تلبية لدعوة رسمية، وأن جدول الأعمال يشمل توقيع وثائق تعاون.\n\n" +
        "وتشهد العلاقات بين موسكو وبيونغ يانغ تقاربا ملحوظا منذ عامين، فيما تبدي واشنطن قلقها من هذا التقارب.",
      entities: [PUTIN, KIM, PYONGYANG],
      events: [{ ...VISIT, date: "2024-W25", status: "expected", evidence: "سيزور" }],
    }),
    makeRecord({
      id: "ex-arrive", title: "بوتن يصل إلى بيونج يانج في زيارة رسمية", published: "2024-06-19", outlet: "صحيفة المساء",
      url: "https://example.org/arrive", body: SYNDICATED_BODY,
      entities: [{ ...PUTIN }, { ...KIM }, { ...PYONGYANG }],
      events: [{ ...VISIT, date: "2024-06-19", status: "occurred", evidence: "وصل" }],
    }),
    makeRecord({
      id: "ex-arrive-copy", title: "الرئيس الروسي في بيونج يانج", published: "2024-06-19", outlet: "موقع النهار",
      url: "https://example.org/copy",
      body: SYNDICATED_BODY + " (المصدر: وكالات)",
      entities: [PUTIN, KIM, PYONGYANG],
      events: [{ ...VISIT, date: "2024-06-19", status: "occurred", evidence: "وصل" }],
    }),
    makeRecord({
      id: "ex-treaty", title: "توقيع اتفاقية شراكة في بيونغيانغ", published: "2024-06-20", outlet: "وكالة الشرق",
      body: "وقع الزعيمان في بيونغيانغ أمس اتفاقية شراكة استراتيجية شاملة تتضمن بندا للدفاع المشترك. " +
        "وانتقدت الولايات المتحدة الاتفاقية ووصفتها بأنها تهديد للاستقرار في المنطقة، بينما قالت روسيا إنها لا تستهدف أي طرف ثالث.",
      entities: [PYONGYANG, USA, RUSSIA],
      events: [
        { type: "SUPPORT", source: { country: "RUS", sector: "GOV" }, target: { country: "PRK", sector: "GOV" }, date: "2024-06-19", status: "occurred", score: 5, evidence: "وقع" },
        { type: "ACCUSE", source: { country: "USA", sector: "GOV" }, target: { country: "RUS", sector: "GOV" }, date: "2024-06-19", status: "occurred", score: -3, evidence: "وانتقدت" },
      ],
    }),
    makeRecord({
      id: "ex-trade", title: "محادثات تجارية بين بكين وواشنطن", published: "2024-07-02", outlet: "قناة الخليج",
      body: "قال وزير التجارة الصيني إن بلاده مستعدة لاستئناف الحوار التجاري مع الولايات المتحدة، مضيفا أن الرسوم الجمركية التي فرضتها واشنطن أضرت بالطرفين. " +
        "وأشار إلى أن وفدا صينيا سيتوجه للولايات المتحدة الشهر المقبل، وأن الصين وروسيا تنسقان مواقفهما في مجموعة العشرين.",
      entities: [USA, RUSSIA, { id: "Q148", ar: "الصين", en: "China", type: "country", country: "CHN", forms: ["الصين"] }],
      events: [
        { type: "CONSULT", mode: null, source: { country: "CHN", sector: "GOV" }, target: { country: "USA", sector: "GOV" }, date: "2024-08", status: "expected", score: 2.5, evidence: "سيتوجه" },
      ],
    }),
    makeRecord({
      id: "ex-talks", title: "جولة حوار أمريكية صينية في جنيف", published: "2024-08-12", outlet: "شبكة الأخبار",
      body: "اختتمت الولايات المتحدة والصين جولة حوار تجاري في جنيف استمرت يومين، وأكد الطرفان في بيان مشترك رغبتهما في خفض التوتر. " +
        "وتناولت المباحثات الرسوم الجمركية وقيود التصدير على أشباه الموصلات.",
      entities: [USA, { id: "Q148", ar: "الصين", en: "China", type: "country", country: "CHN", forms: ["الصين"] }],
      events: [
        // Reported in the other direction: talks are mutual, so this joins the expected CHN→USA report.
        { type: "CONSULT", mode: null, source: { country: "USA", sector: "GOV" }, target: { country: "CHN", sector: "GOV" }, date: "2024-08-10/2024-08-11", status: "occurred", score: 2.5, evidence: "اختتمت" },
      ],
    }),
  ];
}
