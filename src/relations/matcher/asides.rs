//! Asides: phrases a sentence is also read without ("أرمينيا، التي تعد حليفة لموسكو، تشتري …" read as "أرمينيا
//! تشتري …"), and the item ranges a gap that starts inside one may not leave.

use std::ops::Range;

use super::items::{Item, ItemKind, entity_at, is_comma, word_at};
use crate::relations::RelationLayer;
use crate::text::lang::Lang;
use crate::text::TextDoc;

/// Words that go on a list rather than open an aside ("Egypt, and Eritrea").
const LIST_WORDS: &[&str] = &["and", "or", "the", "as", "both"];

/// Prepositions that open a Persian adverbial phrase after the subject ("با امضای قراردادی،", "ضمن …،", "پس از …،").
const PERSIAN_ADVERBIAL_HEADS: &[&str] = &["با", "ضمن", "پس", "طي", "بدون", "براي", "بنابر", "بنا", "در"];

/// How far (in items) an aside may run to its closing comma.
const ASIDE_REACH: usize = 16;

/// How many words a Persian attribution inside a clause ("به گفته مقام‌های نظامی این کشور") may name its source by.
const ATTRIBUTION_REACH: usize = 6;

/// The sentence's items without its asides — a phrase between commas that opens with an aside head
/// ("according to", "بحسب", "به گزارش", "which", "التي"), or in English any phrase set off after the
/// sentence's first name — or `None` if it has none.
pub(super) fn without_asides(doc: &TextDoc, relations: &RelationLayer, lang: Lang, items: &[Item]) -> Option<Vec<Item>> {
    let keep = aside_mask(doc, relations, lang, items);
    if keep.iter().all(|&k| k) {
        return None;
    }
    Some(items.iter().zip(keep).filter(|(_, k)| *k).map(|(it, _)| it.clone()).collect())
}

/// The item ranges of the sentence's asides (see `without_asides`), commas included.
pub(super) fn aside_ranges(doc: &TextDoc, relations: &RelationLayer, lang: Lang, items: &[Item]) -> Vec<Range<usize>> {
    let keep = aside_mask(doc, relations, lang, items);
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, &k) in keep.iter().enumerate() {
        match out.last_mut() {
            Some(r) if !k && r.end == i => r.end = i + 1,
            _ if !k => out.push(i..i + 1),
            _ => {}
        }
    }
    out
}

/// For each item, whether it stays when the asides are left out.
fn aside_mask(doc: &TextDoc, relations: &RelationLayer, lang: Lang, items: &[Item]) -> Vec<bool> {
    let comma_at = |i: usize| matches!(items.get(i).map(|it| &it.kind), Some(ItemKind::Word { key, punct: true, .. }) if is_comma(key));
    let mut keep = vec![true; items.len()];
    let mut i = 0;
    // (in English, any phrase set off after the sentence's first name: "Egypt, locked in a dispute with
    // Ethiopia over the dam, signed a defence protocol with Somalia"; not a list, which goes on with a name)
    let entity_at = |i: usize| entity_at(items, i);
    // (the name may come with its article and head noun: "The Super Mushshak trainer, built by PAC, has …")
    // (but not "The son of Khalifa Haftar, …": the name is not the subject there)
    let plain_word = |j: usize| matches!(items.get(j).map(|it| &it.kind), Some(ItemKind::Word { punct: false, key, .. }) if key != "of");
    // (…or after a pair of names: "Pezeshkian and Erdogan, on the sidelines of the summit, held talks")
    let pair = |i: usize| i == 3 && entity_at(0) && word_at(items, 1) == Some("and") && entity_at(2);
    let opening = |i: usize| lang == Lang::En && i <= 4 && ((0..i).filter(|&j| entity_at(j)).count() == 1 && (0..i).all(|j| entity_at(j) || plain_word(j)) || pair(i));
    // (…also when the first name's apposition runs on past the office the entity layer took: "Saddam
    // Haftar, the commander of the ground forces of the eastern-based LNA, held talks …")
    let open_apposition = lang == Lang::En && entity_at(0) && {
        let span = &doc.tokens[items[0].tokens.clone()];
        span.iter().any(|t| is_comma(&t.key)) && span.last().is_some_and(|t| !is_comma(&t.key))
    };
    if let Some(j) = open_apposition.then(|| (1..items.len().min(1 + ASIDE_REACH)).find(|&j| comma_at(j))).flatten() {
        keep[1..=j].iter_mut().for_each(|k| *k = false);
        i = j + 1;
    }
    // (a Persian adverbial phrase after the sentence's subject, up to its comma: "ترکیه با امضای قراردادی، ۴۰ فروند
    // جنگنده اف-۱۶ از آمریکا خریداری می‌کند", "منامه در پی حمله به سفارت عربستان در تهران، روابط … را قطع کرد")
    // (after "نیز", "too", if it comes first: "تل‌آویو سال گذشته نیز پس از بیش از یک دهه تنش، روابط خود را …")
    // (the subject may carry a courtesy title: "آقای پوتین پس از شرکت در نشست …، به پکن رفت")
    let first = usize::from(lang == Lang::Fa && matches!(word_at(items, 0), Some("اقاي" | "خانم")));
    let head = first + if matches!(word_at(items, first + 1), Some("نيز" | "هم" | "همچنين")) { 2 } else { 1 };
    let adverbial = lang == Lang::Fa && entity_at(first) && word_at(items, head).is_some_and(|w| PERSIAN_ADVERBIAL_HEADS.contains(&w));
    // (…and a Persian apposition of the subject that runs on into a relative clause, up to its comma: "شرکت «لئوناردو»،
    // بزرگ‌ترین گروه صنایع دفاعی ایتالیا که در ساخت … سهیم است، یادداشت تفاهمی با … امضا کرد")
    // (the subject may follow an opening phrase and its comma: "در حاشیهٔ این سفر، شرکت «لئوناردو»، …")
    let subject = (0..items.len().min(8)).find(|&k| entity_at(k)).filter(|&k| k == 0 || comma_at(k - 1));
    let apposition_fa = subject.filter(|&s| lang == Lang::Fa && comma_at(s + 1) && !entity_at(s + 2));
    let relative_in = |r: Range<usize>| r.into_iter().any(|k| word_at(items, k) == Some("كه"));
    let apposition_end = apposition_fa.and_then(|s| (s + 3..items.len().min(s + 3 + 2 * ASIDE_REACH)).find(|&j| comma_at(j)).filter(|&j| relative_in(s + 3..j)).map(|j| (s, j)));
    if let Some((s, j)) = apposition_end {
        keep[s + 1..=j].iter_mut().for_each(|k| *k = false);
        i = j + 1;
    }
    // (longer where a relative clause runs inside it: "پوتین … برای شرکت در «مجمع …» که به مناسبت … برگزار شد، به
    // عشق‌آباد سفر کرد")
    // (…but not past the main clause's own verb: in "X در خردادماه با Y که به باکو سفر کرده بود دیدار کرد و …، …" the
    // comma follows the main clause; each relative clause has one finite verb of its own)
    let finite_verbs = |r: Range<usize>| r.filter(|&k| word_at(items, k).is_some_and(|w| relations.modality.is_clause_end(lang, w))).count();
    let relatives = |r: Range<usize>| r.filter(|&k| word_at(items, k) == Some("كه")).count();
    let after_head = head + 1;
    let adverbial_end = (after_head..items.len().min(after_head + 2 * ASIDE_REACH))
        .find(|&j| comma_at(j))
        .filter(|&j| j < after_head + ASIDE_REACH || relative_in(after_head..j))
        .filter(|&j| finite_verbs(after_head..j) <= relatives(after_head..j));
    if let Some(mut j) = adverbial.then_some(adverbial_end).flatten() {
        // (…and the adverbials that follow it, each up to its comma: "… در مراسمی در پایگاه هوایی بیشوفتو، در جنوب شرقی
        // آدیس‌آبابا، پهپادهای … را …")
        let next_end = |j: usize| (j + 3..items.len().min(j + 2 + ASIDE_REACH)).find(|&k| comma_at(k)).filter(|&k| finite_verbs(j + 1..k) == 0);
        while let Some(k) = word_at(items, j + 1).filter(|w| PERSIAN_ADVERBIAL_HEADS.contains(w)).and_then(|_| next_end(j)) {
            j = k;
        }
        keep[first + 1..=j].iter_mut().for_each(|k| *k = false);
        i = j + 1;
    }
    while i < items.len() {
        // (a Persian relative clause after a name needs no comma before "که", only after it: "بالگرد میل-۲۸ که
        // در ناتو با نام «هاوک» شناخته می‌شود، پیش‌تر به عراق … فروخته شده"; without one it ends at its finite verb
        // where the main clause goes on: "با X فرمانده نیروی هوایی پاکستان که به باکو سفر کرده بود دیدار کرد")
        if lang == Lang::Fa && i > 0 && word_at(items, i) == Some("كه") && entity_at(i - 1) {
            let main_goes_on = |j: usize| items.get(j + 1).is_some_and(|it| matches!(&it.kind, ItemKind::Word { key, punct: false, .. } if key != "و") || entity_at(j + 1));
            let verb_end = |j: usize| word_at(items, j).is_some_and(|w| relations.modality.is_clause_end(lang, w)) && main_goes_on(j);
            if let Some(j) = (i + 2..items.len().min(i + 1 + ASIDE_REACH)).find(|&j| comma_at(j) || verb_end(j)) {
                keep[i..=j].iter_mut().for_each(|k| *k = false);
                i = j + 1;
                continue;
            }
        }
        // (a Persian attribution inside a clause runs to the next preposition: "… را که به گفته مقام‌های نظامی این کشور از
        // ترکیه تحویل گرفته"; its source is not the clause's subject)
        if lang == Lang::Fa && i > 0 && word_at(items, i) == Some("به") && matches!(word_at(items, i + 1), Some("گفته" | "نوشته")) {
            let stop = |k: usize| comma_at(k) || matches!(word_at(items, k), Some("در" | "از" | "با" | "به" | "را" | "كه" | "براي"));
            if let Some(j) = (i + 3..items.len().min(i + 3 + ATTRIBUTION_REACH)).find(|&k| stop(k)) {
                let end = if comma_at(j) { j + 1 } else { j };
                keep[i..end].iter_mut().for_each(|k| *k = false);
                i = end;
                continue;
            }
        }
        let word_after = matches!(items.get(i + 1).map(|it| &it.kind), Some(ItemKind::Word { punct: false, key, .. }) if !LIST_WORDS.contains(&key.as_str()));
        // ("the" and a plain word open a description, "the" and a name a list member: "Cooper, the head of
        // U.S. Central Command, visited …" / "Israel, the United States and …")
        // (…and so do a possessive name and a plain word: "Athens, Nicosia's closest ally, has backed …")
        let possessive = entity_at(i + 1) && items[i + 1].tokens.end > items[i + 1].tokens.start && doc.tokens[items[i + 1].tokens.end - 1].key.ends_with("'s") && plain_word(i + 2);
        let description = word_at(items, i + 1) == Some("the") && plain_word(i + 2) || possessive;
        let head = comma_at(i) && (word_after && (opening(i) || relations.asides.at(lang, &doc.tokens, items[i + 1].tokens.start, doc.tokens.len()).is_some()) || description && opening(i));
        let close = head.then(|| (i + 2..items.len().min(i + 2 + ASIDE_REACH)).find(|&j| comma_at(j))).flatten();
        match close {
            Some(j) => {
                keep[i..=j].iter_mut().for_each(|k| *k = false);
                i = j + 1;
            }
            None => i += 1,
        }
    }
    keep
}
