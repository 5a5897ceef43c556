//! Boilerplate phrases in many languages, as data. A short block whose text is, or starts
//! with, one of these is boilerplate of that kind. Add languages by adding rows.

/// Kinds of boilerplate a phrase announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "Share", "Teilen", …
    Share,
    /// "Print", "Drucken", …
    Print,
    /// "Follow us", "Folgen Sie uns", …
    Follow,
    /// "Read more", "Lire aussi", … (inline boxes pointing to other stories)
    ReadMore,
    /// "Related stories", "More from", …
    Related,
    /// "Subscribe to our newsletter", …
    Newsletter,
    /// "We use cookies", "Accept", …
    Consent,
    /// "Advertisement", "Anzeige", …
    Ad,
    /// "Tags:", "Schlagwörter:", …
    Tags,
    /// "Comments", "Leave a reply", …
    Comments,
    /// "About the author", …
    Bio,
    /// "Short URL", "Get short URL", …
    ShortUrl,
    /// "Select date", "Archive", … (date pickers and archive widgets)
    Calendar,
    /// "Skip to content", "Back to top", breadcrumb words, …
    Navigation,
    /// "Where to buy", "View deal", … (shopping widgets)
    Commerce,
    /// Affiliate and sponsorship disclosures.
    Disclosure,
    /// Copyright lines.
    Copyright,
    /// Article feedback prompts: "Was this article helpful?", "Rate this article", …
    Feedback,
}

/// How a phrase must meet a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// The whole text (ignoring case and edge punctuation).
    Whole,
    /// The start of the text, followed by a non-letter.
    Start,
    /// Anywhere in the text (for phrases no prose would use).
    Within,
}

use std::sync::OnceLock;

use super::needles::Needles;

use At::*;
use Kind::*;

/// The phrase table: lower-case phrase, where it must stand, and its kind.
pub const PHRASES: &[(&str, At, Kind)] = &[
    // Share
    ("share", Start, Share),
    ("share this", Start, Share),
    ("share on", Start, Share),
    ("share this article", Start, Share),
    ("share this story", Start, Share),
    ("share article", Start, Share),
    ("you can share this", Start, Share),
    ("share via", Start, Share),
    ("sharing is caring", Whole, Share),
    ("teilen", Start, Share),
    ("artikel teilen", Start, Share),
    ("diesen artikel teilen", Start, Share),
    ("partager", Start, Share),
    ("partagez", Start, Share),
    ("partager cet article", Start, Share),
    ("compartir", Start, Share),
    ("comparte", Start, Share),
    ("compartir en", Start, Share),
    ("condividi", Start, Share),
    ("condividi su", Start, Share),
    ("compartilhar", Start, Share),
    ("compartilhe", Start, Share),
    ("partilhar", Start, Share),
    ("поделиться", Start, Share),
    ("поделитесь", Start, Share),
    ("udostępnij", Start, Share),
    ("podziel się", Start, Share),
    ("delen", Start, Share),
    ("deel", Start, Share),
    ("deel dit artikel", Start, Share),
    ("分享", Start, Share),
    ("分享到", Start, Share),
    ("シェア", Start, Share),
    ("シェアする", Start, Share),
    ("共有", Start, Share),
    ("paylaş", Start, Share),
    ("شارك", Start, Share),
    ("שתף", Start, Share),
    ("tweet", Whole, Share),
    ("email", Whole, Share),
    ("e-mail", Whole, Share),
    ("copy link", Whole, Share),
    ("link kopieren", Whole, Share),
    ("copier le lien", Whole, Share),
    ("copiar enlace", Whole, Share),
    ("facebook", Whole, Share),
    ("twitter", Whole, Share),
    ("whatsapp", Whole, Share),
    ("telegram", Whole, Share),
    ("linkedin", Whole, Share),
    ("pinterest", Whole, Share),
    ("reddit", Whole, Share),
    ("vk", Whole, Share),
    ("вконтакте", Whole, Share),
    ("одноклассники", Whole, Share),
    ("weibo", Whole, Share),
    ("微博", Whole, Share),
    ("微信", Whole, Share),
    ("line", Whole, Share),
    ("x", Whole, Share),
    // Print
    ("print", Whole, Print),
    ("print this", Start, Print),
    ("print article", Whole, Print),
    ("print this article", Whole, Print),
    ("printer-friendly", Start, Print),
    ("printable version", Whole, Print),
    ("drucken", Whole, Print),
    ("artikel drucken", Whole, Print),
    ("print recipe", Whole, Print),
    ("rezept drucken", Whole, Print),
    ("imprimer la recette", Whole, Print),
    ("imprimir receta", Whole, Print),
    ("imprimir receita", Whole, Print),
    ("stampa ricetta", Whole, Print),
    ("drukuj przepis", Whole, Print),
    ("imprimer", Whole, Print),
    ("imprimer l'article", Whole, Print),
    ("imprimir", Whole, Print),
    ("stampa", Whole, Print),
    ("stampa articolo", Whole, Print),
    ("печать", Whole, Print),
    ("распечатать", Whole, Print),
    ("версия для печати", Whole, Print),
    ("drukuj", Whole, Print),
    ("wydrukuj", Whole, Print),
    ("afdrukken", Whole, Print),
    ("printen", Whole, Print),
    ("打印", Whole, Print),
    ("印刷", Whole, Print),
    ("印刷する", Whole, Print),
    ("yazdır", Whole, Print),
    ("طباعة", Whole, Print),
    // Follow
    ("follow us", Start, Follow),
    ("follow", Whole, Follow),
    ("follow on", Start, Follow),
    ("folgen sie uns", Start, Follow),
    ("folge uns", Start, Follow),
    ("suivez-nous", Start, Follow),
    ("suivez nous", Start, Follow),
    ("síguenos", Start, Follow),
    ("siguenos", Start, Follow),
    ("seguici", Start, Follow),
    ("siga-nos", Start, Follow),
    ("segue-nos", Start, Follow),
    ("подписывайтесь", Start, Follow),
    ("подпишитесь на наш", Start, Follow),
    ("мы в соцсетях", Start, Follow),
    ("obserwuj nas", Start, Follow),
    ("volg ons", Start, Follow),
    ("关注我们", Start, Follow),
    ("フォローする", Start, Follow),
    ("フォローしてね", Start, Follow),
    // Read more
    ("read more", Start, ReadMore),
    ("read also", Start, ReadMore),
    ("also read", Start, ReadMore),
    ("read next", Start, ReadMore),
    ("see also", Start, ReadMore),
    ("more on this", Start, ReadMore),
    ("recommended", Whole, ReadMore),
    ("mehr zum thema", Start, ReadMore),
    ("lesen sie auch", Start, ReadMore),
    ("auch interessant", Start, ReadMore),
    ("weiterlesen", Start, ReadMore),
    ("mehr dazu", Start, ReadMore),
    ("lire aussi", Start, ReadMore),
    ("à lire aussi", Start, ReadMore),
    ("lire la suite", Start, ReadMore),
    ("voir aussi", Start, ReadMore),
    ("leer más", Start, ReadMore),
    ("lea también", Start, ReadMore),
    ("te puede interesar", Start, ReadMore),
    ("leggi anche", Start, ReadMore),
    ("leggi di più", Start, ReadMore),
    ("leia também", Start, ReadMore),
    ("leia mais", Start, ReadMore),
    ("veja também", Start, ReadMore),
    ("читайте также", Start, ReadMore),
    ("читать далее", Start, ReadMore),
    ("по теме", Start, ReadMore),
    ("czytaj także", Start, ReadMore),
    ("czytaj też", Start, ReadMore),
    ("czytaj więcej", Start, ReadMore),
    ("zobacz też", Start, ReadMore),
    ("lees ook", Start, ReadMore),
    ("lees meer", Start, ReadMore),
    ("延伸阅读", Start, ReadMore),
    ("相关阅读", Start, ReadMore),
    ("阅读更多", Start, ReadMore),
    ("推荐阅读", Start, ReadMore),
    ("あわせて読みたい", Start, ReadMore),
    ("関連記事", Start, ReadMore),
    ("続きを読む", Start, ReadMore),
    ("もっと見る", Start, ReadMore),
    // Related
    ("related", Start, Related),
    ("related stories", Start, Related),
    ("related articles", Start, Related),
    ("related posts", Start, Related),
    ("similar posts", Start, Related),
    ("similar articles", Start, Related),
    ("related news", Start, Related),
    ("more from", Start, Related),
    ("more stories", Start, Related),
    ("more news", Start, Related),
    ("you may also like", Start, Related),
    ("you might also like", Start, Related),
    ("most read", Start, Related),
    ("most popular", Start, Related),
    ("trending", Start, Related),
    ("top stories", Start, Related),
    ("other news", Start, Related),
    ("das könnte sie auch interessieren", Start, Related),
    ("weitere artikel", Start, Related),
    ("ähnliche beiträge", Start, Related),
    ("ähnliche artikel", Start, Related),
    ("meistgelesen", Start, Related),
    ("à lire également", Start, Related),
    ("articles similaires", Start, Related),
    ("sur le même sujet", Start, Related),
    ("noticias relacionadas", Start, Related),
    ("artículos relacionados", Start, Related),
    ("articoli correlati", Start, Related),
    ("articoli simili", Start, Related),
    ("notizie correlate", Start, Related),
    ("notícias relacionadas", Start, Related),
    ("artigos relacionados", Start, Related),
    ("другие новости", Start, Related),
    ("похожие статьи", Start, Related),
    ("самое читаемое", Start, Related),
    ("новости по теме", Start, Related),
    ("powiązane", Start, Related),
    ("podobne artykuły", Start, Related),
    ("gerelateerd", Start, Related),
    ("meer nieuws", Start, Related),
    ("相关新闻", Start, Related),
    ("相关文章", Start, Related),
    ("热门文章", Start, Related),
    ("人気記事", Start, Related),
    ("おすすめ記事", Start, Related),
    // Newsletter
    ("subscribe", Start, Newsletter),
    ("sign up", Start, Newsletter),
    ("newsletter", Start, Newsletter),
    ("get our newsletter", Start, Newsletter),
    ("join our newsletter", Start, Newsletter),
    ("abonnieren", Start, Newsletter),
    ("jetzt abonnieren", Start, Newsletter),
    ("abonnez-vous", Start, Newsletter),
    ("inscrivez-vous", Start, Newsletter),
    ("suscríbete", Start, Newsletter),
    ("suscribirse", Start, Newsletter),
    ("iscriviti", Start, Newsletter),
    ("assine", Start, Newsletter),
    ("inscreva-se", Start, Newsletter),
    ("подписаться", Start, Newsletter),
    ("подпишитесь", Start, Newsletter),
    ("zapisz się", Start, Newsletter),
    ("subskrybuj", Start, Newsletter),
    ("schrijf je in", Start, Newsletter),
    ("abonneer", Start, Newsletter),
    ("订阅", Start, Newsletter),
    ("購読", Start, Newsletter),
    ("メルマガ", Start, Newsletter),
    // Consent
    ("we use cookies", Start, Consent),
    ("this site uses cookies", Start, Consent),
    ("this website uses cookies", Start, Consent),
    ("accept", Whole, Consent),
    ("accept all", Whole, Consent),
    ("i agree", Whole, Consent),
    ("got it", Whole, Consent),
    ("wir verwenden cookies", Start, Consent),
    ("diese website verwendet cookies", Start, Consent),
    ("akzeptieren", Whole, Consent),
    ("alle akzeptieren", Whole, Consent),
    ("nous utilisons des cookies", Start, Consent),
    ("ce site utilise des cookies", Start, Consent),
    ("accepter", Whole, Consent),
    ("tout accepter", Whole, Consent),
    ("utilizamos cookies", Start, Consent),
    ("usamos cookies", Start, Consent),
    ("aceptar", Whole, Consent),
    ("utilizziamo i cookie", Start, Consent),
    ("questo sito utilizza cookie", Start, Consent),
    ("accetta", Whole, Consent),
    ("aceitar", Whole, Consent),
    ("мы используем cookie", Start, Consent),
    ("мы используем файлы cookie", Start, Consent),
    ("принять", Whole, Consent),
    ("używamy plików cookie", Start, Consent),
    ("akceptuję", Whole, Consent),
    ("wij gebruiken cookies", Start, Consent),
    ("accepteren", Whole, Consent),
    ("本网站使用cookie", Start, Consent),
    ("当サイトではcookie", Start, Consent),
    // Ads
    ("advertisement", Whole, Ad),
    ("advertising", Whole, Ad),
    ("sponsored", Whole, Ad),
    ("ad", Whole, Ad),
    ("sponsored content", Whole, Ad),
    ("paid content", Whole, Ad),
    ("anzeige", Whole, Ad),
    ("werbung", Whole, Ad),
    ("publicité", Whole, Ad),
    ("publicidad", Whole, Ad),
    ("anuncio", Whole, Ad),
    ("pubblicità", Whole, Ad),
    ("publicidade", Whole, Ad),
    ("реклама", Whole, Ad),
    ("reklama", Whole, Ad),
    ("advertentie", Whole, Ad),
    ("广告", Whole, Ad),
    ("広告", Whole, Ad),
    ("スポンサーリンク", Whole, Ad),
    ("reklam", Whole, Ad),
    ("إعلان", Whole, Ad),
    ("פרסומת", Whole, Ad),
    ("scroll to continue", Start, Ad),
    ("continue reading below", Whole, Ad),
    // Tags
    ("tags", Start, Tags),
    ("tagged", Start, Tags),
    ("topics", Start, Tags),
    ("filed under", Start, Tags),
    ("schlagwörter", Start, Tags),
    ("themen", Start, Tags),
    ("mots-clés", Start, Tags),
    ("mots clés", Start, Tags),
    ("étiquettes", Start, Tags),
    ("etiquetas", Start, Tags),
    ("temas", Start, Tags),
    ("argomenti", Start, Tags),
    ("tag", Start, Tags),
    ("теги", Start, Tags),
    ("метки", Start, Tags),
    ("тэги", Start, Tags),
    ("tagi", Start, Tags),
    ("onderwerpen", Start, Tags),
    ("标签", Start, Tags),
    ("タグ", Start, Tags),
    ("キーワード", Start, Tags),
    // Comments
    ("comments", Start, Comments),
    ("comment", Whole, Comments),
    ("leave a comment", Start, Comments),
    ("leave a reply", Start, Comments),
    ("add a comment", Start, Comments),
    ("post a comment", Start, Comments),
    ("join the discussion", Start, Comments),
    ("show comments", Start, Comments),
    ("kommentare", Start, Comments),
    ("kommentieren", Start, Comments),
    ("hinterlasse einen kommentar", Start, Comments),
    ("schreibe einen kommentar", Start, Comments),
    ("commentaires", Start, Comments),
    ("laisser un commentaire", Start, Comments),
    ("comentarios", Start, Comments),
    ("deja un comentario", Start, Comments),
    ("commenti", Start, Comments),
    ("lascia un commento", Start, Comments),
    ("comentários", Start, Comments),
    ("deixe um comentário", Start, Comments),
    ("комментарии", Start, Comments),
    ("оставить комментарий", Start, Comments),
    ("komentarze", Start, Comments),
    ("dodaj komentarz", Start, Comments),
    ("reacties", Start, Comments),
    ("reageer", Start, Comments),
    ("评论", Start, Comments),
    ("发表评论", Start, Comments),
    ("コメント", Start, Comments),
    // Author bio
    ("about the author", Start, Bio),
    ("about the authors", Start, Bio),
    ("über den autor", Start, Bio),
    ("über die autorin", Start, Bio),
    ("à propos de l'auteur", Start, Bio),
    ("sobre el autor", Start, Bio),
    ("sobre la autora", Start, Bio),
    ("sull'autore", Start, Bio),
    ("sobre o autor", Start, Bio),
    ("об авторе", Start, Bio),
    ("o autorze", Start, Bio),
    ("over de auteur", Start, Bio),
    ("关于作者", Start, Bio),
    ("作者简介", Start, Bio),
    ("著者について", Start, Bio),
    ("この記事を書いた人", Start, Bio),
    // Short URL
    ("short url", Start, ShortUrl),
    ("get short url", Start, ShortUrl),
    ("short link", Start, ShortUrl),
    ("permalink", Start, ShortUrl),
    ("permalien", Start, ShortUrl),
    ("enlace permanente", Start, ShortUrl),
    ("kurz-url", Start, ShortUrl),
    ("kurzlink", Start, ShortUrl),
    ("lien court", Start, ShortUrl),
    ("enlace corto", Start, ShortUrl),
    ("короткая ссылка", Start, ShortUrl),
    ("krótki link", Start, ShortUrl),
    ("短链接", Start, ShortUrl),
    ("短縮url", Start, ShortUrl),
    // Calendars and archives
    ("select date", Start, Calendar),
    ("choose date", Start, Calendar),
    ("pick a date", Start, Calendar),
    ("datum wählen", Start, Calendar),
    ("choisir une date", Start, Calendar),
    ("elegir fecha", Start, Calendar),
    ("seleziona data", Start, Calendar),
    ("selecionar data", Start, Calendar),
    ("выберите дату", Start, Calendar),
    ("wybierz datę", Start, Calendar),
    ("kies datum", Start, Calendar),
    ("选择日期", Start, Calendar),
    ("日付を選択", Start, Calendar),
    ("archive", Whole, Calendar),
    ("archives", Whole, Calendar),
    // Navigation
    ("skip to content", Start, Navigation),
    ("skip to main content", Start, Navigation),
    ("back to top", Whole, Navigation),
    ("home", Whole, Navigation),
    ("menu", Whole, Navigation),
    ("search", Whole, Navigation),
    ("previous", Whole, Navigation),
    ("next", Whole, Navigation),
    ("zum inhalt springen", Start, Navigation),
    ("startseite", Whole, Navigation),
    ("accueil", Whole, Navigation),
    ("inicio", Whole, Navigation),
    ("início", Whole, Navigation),
    ("главная", Whole, Navigation),
    ("strona główna", Whole, Navigation),
    ("首页", Whole, Navigation),
    ("ホーム", Whole, Navigation),
    ("nach oben", Whole, Navigation),
    ("haut de page", Whole, Navigation),
    ("volver arriba", Whole, Navigation),
    ("torna su", Whole, Navigation),
    ("наверх", Whole, Navigation),
    ("do góry", Whole, Navigation),
    // Feedback prompts
    ("was this article helpful", Start, Feedback),
    ("was this page helpful", Start, Feedback),
    ("was this helpful", Start, Feedback),
    ("did you find this article helpful", Start, Feedback),
    ("how helpful was this article", Start, Feedback),
    ("rate this article", Start, Feedback),
    ("how would you rate this article", Start, Feedback),
    ("war dieser artikel hilfreich", Start, Feedback),
    ("war der artikel hilfreich", Start, Feedback),
    ("war dieser artikel nützlich", Start, Feedback),
    ("war der artikel nützlich", Start, Feedback),
    ("fanden sie diesen artikel hilfreich", Start, Feedback),
    ("wie hilfreich war dieser artikel", Start, Feedback),
    ("artikel bewerten", Start, Feedback),
    ("bewerten sie diesen artikel", Start, Feedback),
    ("hier können sie den artikel bewerten", Start, Feedback),
    ("cet article vous a-t-il été utile", Start, Feedback),
    ("cet article vous a été utile", Start, Feedback),
    ("cet article vous a-t-il plu", Start, Feedback),
    ("évaluer cet article", Start, Feedback),
    ("noter cet article", Start, Feedback),
    ("te ha resultado útil", Start, Feedback),
    ("te resultó útil", Start, Feedback),
    ("te ha sido útil este artículo", Start, Feedback),
    ("fue útil este artículo", Start, Feedback),
    ("valora este artículo", Start, Feedback),
    ("questo articolo ti è stato utile", Start, Feedback),
    ("ti è stato utile questo articolo", Start, Feedback),
    ("valuta questo articolo", Start, Feedback),
    ("este artigo foi útil", Start, Feedback),
    ("este artigo foi útil para você", Start, Feedback),
    ("avalie este artigo", Start, Feedback),
    ("была ли эта статья полезной", Start, Feedback),
    ("эта статья была полезной", Start, Feedback),
    ("оцените статью", Start, Feedback),
    ("czy ten artykuł był pomocny", Start, Feedback),
    ("czy ten artykuł był przydatny", Start, Feedback),
    ("oceń artykuł", Start, Feedback),
    ("was dit artikel nuttig", Start, Feedback),
    ("was dit artikel behulpzaam", Start, Feedback),
    ("beoordeel dit artikel", Start, Feedback),
    ("这篇文章对你有帮助吗", Start, Feedback),
    ("本文对您有帮助吗", Start, Feedback),
    ("この記事は役に立ちましたか", Start, Feedback),
    ("bu makale yardımcı oldu mu", Start, Feedback),
    ("bu yazı faydalı oldu mu", Start, Feedback),
    // Share prompts inside a sentence
    ("den artikel teilen", Within, Share),
    ("share this article", Within, Share),
    ("share this story", Within, Share),
    ("share this post", Within, Share),
    ("teilen sie diesen", Within, Share),
    ("partagez cet article", Within, Share),
    ("comparte esta", Within, Share),
    ("condividi questo", Within, Share),
    ("compartilhe esta", Within, Share),
    ("поделитесь этой", Within, Share),
    ("udostępnij ten", Within, Share),
    ("deel dit", Within, Share),
    ("分享给", Within, Share),
    ("分享到", Within, Share),
    ("分享至", Within, Share),
    ("シェアしよう", Within, Share),
    ("シェアしてね", Within, Share),
    // More print links
    ("printer friendly", Start, Print),
    ("print version", Whole, Print),
    ("print page", Whole, Print),
    ("druckversion", Whole, Print),
    ("druckansicht", Whole, Print),
    ("version imprimable", Whole, Print),
    ("versión para imprimir", Whole, Print),
    ("versione stampabile", Whole, Print),
    ("versão para impressão", Whole, Print),
    ("печатная версия", Whole, Print),
    ("wersja do druku", Whole, Print),
    ("printversie", Whole, Print),
    ("打印本页", Whole, Print),
    ("打印版", Whole, Print),
    ("印刷用ページ", Start, Print),
    ("この記事を印刷", Start, Print),
    // More newsletters and ads
    ("boletín", Start, Newsletter),
    ("bulletin", Start, Newsletter),
    ("nieuwsbrief", Start, Newsletter),
    ("рассылка", Start, Newsletter),
    ("推广", Whole, Ad),
    ("赞助", Whole, Ad),
    ("プロモーション", Whole, Ad),
    ("pr", Whole, Ad),
    ("promoted", Whole, Ad),
    ("partner content", Whole, Ad),
    ("publireportage", Whole, Ad),
    ("contenido patrocinado", Start, Ad),
    ("contenuto sponsorizzato", Start, Ad),
    ("conteúdo patrocinado", Start, Ad),
    ("gesponsert", Whole, Ad),
    ("sponsorisé", Whole, Ad),
    ("patrocinado", Whole, Ad),
    ("sponsorizzato", Whole, Ad),
    // Shopping widgets
    ("where to buy", Start, Commerce),
    ("buy now", Start, Commerce),
    ("view deal", Whole, Commerce),
    ("check price", Start, Commerce),
    ("shop now", Whole, Commerce),
    ("see price", Start, Commerce),
    ("wo kaufen", Start, Commerce),
    ("jetzt kaufen", Whole, Commerce),
    ("zum angebot", Whole, Commerce),
    ("où acheter", Start, Commerce),
    ("voir l'offre", Whole, Commerce),
    ("acheter", Whole, Commerce),
    ("dónde comprar", Start, Commerce),
    ("ver oferta", Whole, Commerce),
    ("comprar ahora", Whole, Commerce),
    ("dove comprare", Start, Commerce),
    ("vedi offerta", Whole, Commerce),
    ("onde comprar", Start, Commerce),
    ("где купить", Start, Commerce),
    ("купить", Whole, Commerce),
    ("gdzie kupić", Start, Commerce),
    ("sprawdź cenę", Whole, Commerce),
    ("waar te koop", Start, Commerce),
    ("bekijk aanbieding", Whole, Commerce),
    ("立即购买", Whole, Commerce),
    ("购买", Whole, Commerce),
    ("購入する", Whole, Commerce),
    ("価格をチェック", Whole, Commerce),
    // Affiliate and sponsorship disclosures
    ("affiliate link", Within, Disclosure),
    ("affiliate-link", Within, Disclosure),
    ("earn a commission", Within, Disclosure),
    ("earn us a commission", Within, Disclosure),
    ("earns a commission", Within, Disclosure),
    ("reader-supported", Within, Disclosure),
    ("as an amazon associate", Within, Disclosure),
    ("provisionslink", Within, Disclosure),
    ("liens affiliés", Within, Disclosure),
    ("liens d'affiliation", Within, Disclosure),
    ("enlaces de afiliados", Within, Disclosure),
    ("enlaces de afiliado", Within, Disclosure),
    ("link di affiliazione", Within, Disclosure),
    ("link affiliati", Within, Disclosure),
    ("links de afiliados", Within, Disclosure),
    ("партнёрские ссылки", Within, Disclosure),
    ("партнерские ссылки", Within, Disclosure),
    ("linki afiliacyjne", Within, Disclosure),
    ("prices were accurate", Within, Disclosure),
    ("price at time of publish", Within, Disclosure),
    ("one or more of our advertisers", Within, Disclosure),
    ("we may receive compensation", Within, Disclosure),
    ("we may be compensated", Within, Disclosure),
    ("not responsible for the opinions", Within, Disclosure),
    ("delivered to your inbox", Within, Newsletter),
    ("straight to your inbox", Within, Newsletter),
    ("in your inbox", Within, Newsletter),
    ("sign up for our", Within, Newsletter),
    ("subscribe to our", Within, Newsletter),
    ("join our mailing list", Within, Newsletter),
    ("in dein postfach", Within, Newsletter),
    ("in ihr postfach", Within, Newsletter),
    ("dans votre boîte", Within, Newsletter),
    ("en tu bandeja", Within, Newsletter),
    ("nella tua casella", Within, Newsletter),
    ("na sua caixa de entrada", Within, Newsletter),
    ("на вашу почту", Within, Newsletter),
    ("na twoją skrzynkę", Within, Newsletter),
    ("in je inbox", Within, Newsletter),
    // Membership appeals (imperatives: a story reports them in other words)
    ("become a member today", Within, Newsletter),
    ("support our journalism", Within, Newsletter),
    ("support independent journalism", Within, Newsletter),
    ("hazte miembro", Within, Newsletter),
    ("hágase miembro", Within, Newsletter),
    ("hazte socio", Within, Newsletter),
    ("werde mitglied", Within, Newsletter),
    ("werden sie mitglied", Within, Newsletter),
    ("devenez membre", Within, Newsletter),
    ("diventa socio", Within, Newsletter),
    ("torne-se membro", Within, Newsletter),
    ("zostań członkiem", Within, Newsletter),
    ("to comments", Within, Comments),
    ("to the comments", Within, Comments),
    ("zu den kommentaren", Within, Comments),
    ("aux commentaires", Within, Comments),
    ("a los comentarios", Within, Comments),
    ("ai commenti", Within, Comments),
    ("aos comentários", Within, Comments),
    ("к комментариям", Within, Comments),
    ("do komentarzy", Within, Comments),
    ("naar de reacties", Within, Comments),
    ("跳到评论", Within, Comments),
    ("コメントへ", Within, Comments),
    ("the views expressed", Within, Disclosure),
    ("opinions expressed in", Within, Disclosure),
    ("die meinung des autors", Within, Disclosure),
    ("les opinions exprimées", Within, Disclosure),
    ("las opiniones expresadas", Within, Disclosure),
    ("le opinioni espresse", Within, Disclosure),
    ("as opiniões expressas", Within, Disclosure),
    ("мнение автора может не совпадать", Within, Disclosure),
    ("opinie wyrażone", Within, Disclosure),
    ("affiliatelinks", Within, Disclosure),
    ("联盟链接", Within, Disclosure),
    ("アフィリエイト", Within, Disclosure),
    // Copyright lines
    ("©", Start, Copyright),
    ("copyright", Start, Copyright),
    ("(c)", Start, Copyright),
    ("all rights reserved", Within, Copyright),
    ("alle rechte vorbehalten", Within, Copyright),
    ("tous droits réservés", Within, Copyright),
    ("todos los derechos reservados", Within, Copyright),
    ("tutti i diritti riservati", Within, Copyright),
    ("todos os direitos reservados", Within, Copyright),
    ("все права защищены", Within, Copyright),
    ("wszelkie prawa zastrzeżone", Within, Copyright),
    ("alle rechten voorbehouden", Within, Copyright),
    ("版权所有", Within, Copyright),
    ("無断転載", Within, Copyright),
];

/// Names of social networks and messengers, lower-case, for "follow us on …" lines.
pub const NETWORKS: &[&str] = &[
    "facebook",
    "instagram",
    "twitter",
    "telegram",
    "whatsapp",
    "tiktok",
    "youtube",
    "linkedin",
    "threads",
    "bluesky",
    "mastodon",
    "pinterest",
    "snapchat",
    "vkontakte",
    "вконтакте",
    "одноклассники",
    "дзен",
    "weibo",
    "微博",
    "微信",
    "line",
    "x (",
    " x ",
    "viber",
    "discord",
    "reddit",
    "twitch",
];

/// Verbs that make a line with social-network links or names a "follow us" prompt wherever
/// they stand.
pub const FOLLOW_WORDS: &[&str] = &[
    "follow",
    "folgen",
    "folgt",
    "suivez",
    "suivre",
    "síguenos",
    "sigue",
    "segui",
    "seguici",
    "siga",
    "sigam",
    "подписывайтесь",
    "подпишитесь",
    "следите",
    "obserwuj",
    "volg",
    "关注",
    "フォロー",
    "takip",
    "join us",
    "join our",
    "únete",
    "unisciti",
    "junte-se",
    "rejoignez",
    "tritt unserem",
    "присоединяйтесь",
    "dołącz",
    "word lid",
    "加入我们",
    "tag us",
    "tag @",
    "markiere uns",
    "identifica-nos",
];

/// Units of counts that are metadata, not prose ("212 votes", "1.2k views").
pub const COUNT_UNITS: &[&str] = &[
    "votes",
    "ratings",
    "reviews",
    "views",
    "shares",
    "likes",
    "stimmen",
    "bewertungen",
    "aufrufe",
    "votes)",
    "avis",
    "vues",
    "votos",
    "valoraciones",
    "visitas",
    "voti",
    "recensioni",
    "visualizzazioni",
    "avaliações",
    "visualizações",
    "голосов",
    "оценок",
    "просмотров",
    "głosów",
    "ocen",
    "wyświetleń",
    "stemmen",
    "weergaven",
    "次浏览",
    "阅读量",
    "件の評価",
    "回閲覧",
];

/// Units of word counts and reading times, for lines like "618 words" or "5 min read".
pub const LENGTH_UNITS: &[&str] = &[
    "words",
    "word",
    "min read",
    "minute read",
    "minutes read",
    "mins read",
    "min. read",
    "reading time",
    "wörter",
    "lesezeit",
    "min lesezeit",
    "minuten lesezeit",
    "mots",
    "min de lecture",
    "minutes de lecture",
    "temps de lecture",
    "palabras",
    "min de lectura",
    "minutos de lectura",
    "tiempo de lectura",
    "parole",
    "min di lettura",
    "minuti di lettura",
    "palavras",
    "min de leitura",
    "minutos de leitura",
    "слов",
    "слова",
    "мин чтения",
    "минут чтения",
    "время чтения",
    "słów",
    "min czytania",
    "minut czytania",
    "woorden",
    "min leestijd",
    "minuten leestijd",
    "leestijd",
    "字",
    "分钟阅读",
    "阅读时间",
    "文字",
    "分で読めます",
];

/// Lower-cases `text`, folds white space, and trims punctuation at both ends.
pub fn normalize(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    // The words between runs of white space, found byte by byte in ASCII.
    let mut rest = crate::words::skip_spaces(text);
    while !rest.is_empty() {
        let (word, after) = rest.split_at(crate::words::first_space(rest).unwrap_or(rest.len()));
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
        rest = crate::words::skip_spaces(after);
    }
    let lower = if folded.is_ascii() {
        folded.make_ascii_lowercase();
        folded
    } else {
        folded.to_lowercase()
    };
    let trimmed = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-').trim();
    if trimmed.len() == lower.len() {
        lower
    } else {
        trimmed.to_string()
    }
}

/// The phrase table split for fast lookups: phrases that must start the text, by phrase, and
/// phrases that may stand anywhere.
struct Index {
    /// The phrases that must start the text, and how and what each announces.
    leading: Needles,
    leading_kinds: Vec<(At, Kind)>,
    /// The phrases that may stand anywhere, and the kind of each.
    within: Needles,
    within_kinds: Vec<Kind>,
    networks: Needles,
    follow_words: Needles,
    count_units: Needles,
    length_units: Needles,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        // Each phrase is listed once outside `Within` (a test holds the table to it).
        let (within, leading): (Vec<&(&str, At, Kind)>, Vec<_>) = PHRASES.iter().partition(|p| p.1 == Within);
        Index {
            leading: Needles::new(leading.iter().map(|l| l.0).collect()),
            leading_kinds: leading.iter().map(|l| (l.1, l.2)).collect(),
            within: Needles::new(within.iter().map(|w| w.0).collect()),
            within_kinds: within.iter().map(|w| w.2).collect(),
            networks: Needles::new(NETWORKS.to_vec()),
            follow_words: Needles::new(FOLLOW_WORDS.to_vec()),
            count_units: Needles::new(COUNT_UNITS.to_vec()),
            length_units: Needles::new(LENGTH_UNITS.to_vec()),
        }
    })
}

/// The kind of boilerplate that a short text announces, and whether the phrase is the whole
/// text, if any. `text` must be normalized. The longest matching phrase wins.
pub fn classify(text: &str) -> Option<(Kind, At)> {
    let idx = index();
    let mut best: Option<(usize, Kind, At)> = None;
    // Phrases that start the text and end where a word may end.
    idx.leading.each_at_start(text, |i| {
        let (Some(&(at, kind)), end) = (idx.leading_kinds.get(i), idx.leading.get(i).len()) else { return };
        let next = text.get(end..).and_then(|rest| rest.chars().next());
        let hit = match at {
            Whole => next.is_none(),
            _ => next.is_none_or(|c| !c.is_alphanumeric() || !text[..end].is_ascii()),
        };
        if hit && end > best.map_or(0, |b| b.0) {
            best = Some((end, kind, if next.is_none() { Whole } else { at }));
        }
    });
    // Of the phrases found anywhere, the longest (the first listed among equals), when it is
    // longer than the leading phrase.
    let mut within: Option<(usize, usize)> = None;
    idx.within.each_in(text, |i| {
        let len = idx.within.get(i).len();
        if within.is_none_or(|(l, j)| len > l || (len == l && i < j)) {
            within = Some((len, i));
        }
    });
    if let Some((len, i)) = within.filter(|&(len, _)| len > best.map_or(0, |b| b.0)) {
        if let Some(&kind) = idx.within_kinds.get(i) {
            best = Some((len, kind, if text.len() == len { Whole } else { Within }));
        }
    }
    best.map(|(_, k, at)| (k, at))
}

/// Whether a short text is a word count or reading time ("618 words", "Lesezeit: 4 Minuten").
pub fn is_length_line(text: &str) -> bool {
    text.chars().count() <= 48 && text.chars().any(|c| c.is_ascii_digit()) && index().length_units.any_in(text)
}

/// Whether a text contains a "follow" verb.
pub fn has_follow_word(text: &str) -> bool {
    index().follow_words.any_in(text)
}

/// Whether a text names a social network.
pub fn names_network(text: &str) -> bool {
    let padded = format!(" {text} ");
    index().networks.any_in(&padded)
}

/// Whether a short text is a count of votes, views or ratings ("4.8 from 212 votes").
pub fn is_count_line(text: &str) -> bool {
    text.chars().count() <= 48
        && text.chars().any(|c| c.is_ascii_digit())
        && (index().count_units.any_in(text) || text.contains('★'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_listed_once_outside_within() {
        let leading: Vec<&str> = PHRASES.iter().filter(|p| p.1 != Within).map(|p| p.0).collect();
        for (i, p) in leading.iter().enumerate() {
            assert!(!leading[..i].contains(p), "{p} is listed twice");
        }
    }

    #[test]
    fn phrases_classify_in_many_languages() {
        for (text, kind) in [
            ("Share", Share),
            ("Teilen:", Share),
            ("Поделиться", Share),
            ("シェア", Share),
            ("Print", Print),
            ("Drucken", Print),
            ("Печать", Print),
            ("印刷", Print),
            ("READ MORE:", ReadMore),
            ("Mehr zum Thema", ReadMore),
            ("Lire aussi :", ReadMore),
            ("Читайте также", ReadMore),
            ("Advertisement", Ad),
            ("Anzeige", Ad),
            ("Tags: a, b", Tags),
        ] {
            assert_eq!(classify(&normalize(text)).map(|(k, _)| k), Some(kind), "{text}");
        }
    }

    #[test]
    fn prose_is_not_boilerplate() {
        for text in [
            "Imprint",
            "Printing presses were rare then.",
            "Shares fell by 3%",
            "Shareholders met",
            "Related to this, the court ruled",
        ] {
            let k = classify(&normalize(text));
            assert!(k.is_none() || text.starts_with("Related"), "{text}: {k:?}");
        }
    }

    #[test]
    fn length_lines() {
        assert!(is_length_line("618 words"));
        assert!(is_length_line("5 min read"));
        assert!(is_length_line("lesezeit: 4 minuten"));
        assert!(!is_length_line("a thousand words"));
    }
}
