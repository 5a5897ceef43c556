//! Function words (stop words) of the languages the web writes most, for the block classifier
//! (`blocks.rs`): prose is dense in them, menus, link lists, captions and credits are not.
//!
//! The lists are short on purpose: the forty to sixty most common function words of each
//! language (articles, pronouns, prepositions, conjunctions, auxiliary verbs), written for
//! unboil from general knowledge of each language, under the crate's own licence (MIT OR
//! Apache-2.0). They are not taken from any other project. A short list covers a smaller share
//! of running text than jusText's long ones, so the thresholds in `blocks.rs` are lower.
//!
//! Languages written without spaces (Chinese, Japanese, Thai) have no list: there the
//! classifier goes by length and link density alone, as jusText does for a language it lacks.

use std::sync::OnceLock;

use super::fnv::FnvMap;

/// Each language's code and its words, space-separated, lower case.
const LISTS: &[(&str, &str)] = &[
    (
        "en",
        "the of and to a in is that for it as was with on be by at this are from or have an they which \
         one you were her all she there would their we him been has when who will more no if out so said \
         what up its about into than them can only other new some could these two may then do first any \
         my now such like our over also did because should how where not but his he i",
    ),
    (
        "de",
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an \
         werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war \
         haben nur oder aber vor zur bis mehr durch man sein wurde sei kann ich wir ihre ihr wenn dann \
         schon diese dieser vom unter",
    ),
    (
        "fr",
        "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il sont \
         ou avec son sa mais comme on nous vous elle ses aux été leur cette y fait être ont aussi tout \
         ces dont je lui sans bien entre deux encore leurs",
    ),
    (
        "es",
        "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o \
         este fue ha sí porque esta son entre cuando muy sin sobre también me hasta hay donde quien desde \
         todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos",
    ),
    (
        "it",
        "di e il la che a in un per è del della non le i con una da si al dei sono come gli ha più delle \
         anche nel alla ma lo questo ci o se nella ne cui suo sua loro tra essere stato dalla sul stata \
         sulla ed fra quando questa degli hanno",
    ),
    (
        "pt",
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das \
         tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era \
         depois sem mesmo aos ter seus quem nas são essa",
    ),
    (
        "nl",
        "de en van het een in is dat op te zijn met voor niet die aan er om ook als bij door maar dan \
         was nog naar uit worden wordt hij zij heeft hebben kan over we ze wel al deze dit of meer tot \
         geen werd wat zo onder",
    ),
    (
        "pl",
        "w i na z się nie do to że jest o jak a od po za co tak ale przez dla jego już są by tym czy lub \
         oraz go które był była było może tylko jednak ich który która pod także przy ze do tego przed \
         bardzo też gdy jej",
    ),
    (
        "ru",
        "и в не на что с по я он как а то это к из у за о же от так но все она для мы бы было ты его был \
         вы если уже или только ее их до быть при когда также может этого были есть чтобы который \
         которые после где этом",
    ),
    (
        "uk",
        "і в на що з не та до у як за це й від по а але він його про для які була так ми було вони також \
         яка який може при під після щоб або їх ще цього тому коли вже між",
    ),
    (
        "sv",
        "och i att det som en på är av för med till den har de inte om ett var jag men man vi från kan \
         sig så han hon eller detta när efter ska skulle också vid under hade blev nu där mot än denna \
         sina alla",
    ),
    (
        "da",
        "og i at det er en til på den af for med som de har ikke et var om han vi kan fra men så jeg \
         efter eller skal også når blev ved sig hun dette der over have mod være havde alle sin",
    ),
    (
        "no",
        "og i det som på er en til av at for med ikke den har de et var om jeg men vi kan fra så han \
         etter eller skal også når ble ved seg hun dette der over være mot hadde alle sin sine ut",
    ),
    (
        "cs",
        "a v se na je že s z do o to i k jako ve by pro ale jsou jeho jak po za nebo byl která který \
         které bylo také už jen od při tak než její podle jejich mezi ze před aby však být",
    ),
    (
        "tr",
        "ve bir bu da de için ile olarak daha çok olan gibi en ama o ne kadar sonra ise her şey var \
         değil olduğu göre ya veya ancak kendi bunu bu ki mi yeni tarafından ilk içinde",
    ),
    (
        "fi",
        "ja on ei se että oli hän ovat mutta kun myös niin tai jo sen kuin ole joka ovat vain mukaan \
         voi sekä ollut nyt tämä jos siitä hänen jotka olla vielä kanssa mitä sitä",
    ),
    (
        "hu",
        "a az és hogy nem is egy meg van de csak már ez el ki mint volt még ha vagy azt kell lesz pedig \
         sem után szerint között ezt fel majd minden mert amely akkor most így",
    ),
    (
        "ro",
        "și de în a la cu o pe că nu să din se un este mai pentru au care ca sau dar fost fi al ce lui \
         iar acest prin după către sunt această până despre sale fiind",
    ),
    (
        "id",
        "yang dan di dengan untuk ini itu dari dalam tidak akan pada juga ke karena ada oleh atau saya \
         kami mereka telah sudah bisa lebih dia sebagai tersebut hanya seperti saat bahwa",
    ),
    (
        "ca",
        "de la i el que a les en els del per un una amb no es al com més però són seu seva ha va hi dels \
         també quan o ser aquest aquesta fins entre sobre",
    ),
    (
        "hr",
        "i je u na se da su za od s o a to ne koji kao ali što iz ili će bi sam biti do bio samo koja \
         koje nije već još može te nakon prema kako",
    ),
    (
        "el",
        "και το να η της του την των με που τα για στο σε ο από στην θα δεν είναι οι ένα τους στη μια \
         ως αλλά όπως στα στις μετά",
    ),
    (
        "ar",
        "في من على أن إلى عن مع هذا التي الذي ما لا هذه كان أو بين قد ذلك كما بعد عند هو هي كل إن ثم \
         لم حتى",
    ),
    ("he", "של את על לא עם כי זה הוא היא גם אבל או מה כל אם יש הם אני רק עוד היה אל כמו בין"),
    (
        "vi",
        "và của là có được trong cho không những với các một này người đã để khi từ như đến về thì \
         cũng nhưng theo",
    ),
];

// Each list is a bit of a `u32` word mask.
const _: () = assert!(LISTS.len() <= 32);

/// The merged table: every word with a bit per language that lists it, and the longest
/// word's length in bytes (longer words are never looked up).
struct Table {
    words: FnvMap<&'static str, u32>,
    longest: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words = FnvMap::default();
        let mut longest = 0;
        for (bit, (_, list)) in LISTS.iter().enumerate() {
            for w in list.split_whitespace() {
                *words.entry(w).or_insert(0) |= 1u32 << bit;
                longest = longest.max(w.len());
            }
        }
        Table { words, longest }
    })
}

/// How many languages have a list.
pub const LANGUAGES: usize = LISTS.len();

/// The languages (one bit each, in [`LISTS`] order) whose list holds `word` (lower case).
pub fn languages_of(word: &str) -> u32 {
    let t = table();
    if word.len() > t.longest {
        return 0;
    }
    t.words.get(word).copied().unwrap_or(0)
}

/// Calls `f` with each word of `text` (runs of letters and digits that start with a letter),
/// lower-cased in a reused buffer; words longer than any function word are passed as empty
/// (they count as words, never as function words).
pub fn each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let longest = table().longest;
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() || !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if w.len() > longest {
            f("");
            continue;
        }
        if w.bytes().all(|b| b.is_ascii_lowercase()) {
            f(w);
            continue;
        }
        buf.clear();
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            for c in w.chars() {
                buf.extend(c.to_lowercase());
            }
        }
        f(buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_and_found() {
        for (code, list) in LISTS {
            for w in list.split_whitespace() {
                assert_eq!(w, w.to_lowercase(), "{code}: {w}");
                assert_ne!(languages_of(w), 0, "{code}: {w}");
            }
        }
        assert_eq!(languages_of("xyzzy"), 0);
        let de = LISTS.iter().position(|l| l.0 == "de").unwrap();
        assert_ne!(languages_of("und") & (1 << de), 0);
    }

    #[test]
    fn words_are_split_and_lowered() {
        let mut buf = String::new();
        let mut seen = Vec::new();
        each_word("Die Katze, 42 Mäuse — ÉTÉ.", &mut buf, |w| seen.push(w.to_string()));
        assert_eq!(seen, ["die", "katze", "mäuse", "été"]);
    }
}
