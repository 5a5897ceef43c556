#!/usr/bin/env python3
"""Writes the pages the Worker test posts (tests/node/workerd.test.mjs): short invented
articles in several languages, saved in the charset each is sent in. ko-euc-kr declares its
charset in the page; ru-koi8-r declares a stale one (windows-1251) that the request's
Content-Type overrules; fr-utf-8-bom starts with a byte order mark, which wins over the
Content-Type; the others rely on the Content-Type alone. Run it from anywhere; the files are
committed. zh-utf-8 is posted as a JSON body."""
from pathlib import Path

HERE = Path(__file__).parent

PAGES = {
    "ja-shift_jis": ("shift_jis", "ja", None, "港町の古い灯台が博物館として生まれ変わる", "港町新報", [
        "明治時代に建てられた港町の灯台が、この春から小さな博物館として公開されることになりました。",
        "灯台は三十年前に役目を終えてから、長いあいだ立ち入りが禁止されていました。",
        "地元の保存会が寄付を集め、錆びた階段や割れた窓を一つずつ修理してきました。",
        "館内には灯台守の日誌や古いレンズ、港の写真などが展示される予定です。",
        "保存会の代表は「子どもたちに港の歴史を知ってもらいたい」と話しています。",
    ]),
    "ru-windows-1251": ("windows-1251", "ru", None, "В городской библиотеке открылся зал настольных игр", "Вечерний вестник", [
        "В центральной городской библиотеке на прошлой неделе открылся зал настольных игр.",
        "Каждый вечер туда приходят школьники, студенты и пенсионеры, чтобы сыграть партию в шахматы или го.",
        "Игры подарили жители города, а столы и стулья сделали ученики местного колледжа.",
        "Библиотекари говорят, что за первую неделю зал посетили больше трёхсот человек.",
        "По субботам в зале будут проходить турниры для начинающих и опытных игроков.",
    ]),
    "ar-utf-8": ("utf-8", "ar", "rtl", "افتتاح حديقة جديدة على ضفاف النهر", "صحيفة المدينة", [
        "افتتحت البلدية يوم الجمعة حديقة عامة جديدة على ضفاف النهر في وسط المدينة.",
        "تضم الحديقة ممرات للمشي وملعبا للأطفال وأكثر من خمسمئة شجرة زرعها متطوعون.",
        "وقال رئيس البلدية إن المشروع استغرق عامين من التخطيط والعمل المتواصل.",
        "ويأمل السكان أن تصبح الحديقة مكانا تلتقي فيه العائلات في أمسيات الصيف.",
        "وستقام في الحديقة كل شهر سوق صغيرة للمزارعين والحرفيين من القرى المجاورة.",
    ]),
    "el-iso-8859-7": ("iso-8859-7", "el", None, "Το λιμάνι του νησιού αποκτά νέο πλωτό σταθμό", "Νέα του Αιγαίου", [
        "Το μικρό λιμάνι του νησιού θα αποκτήσει τον επόμενο μήνα έναν νέο πλωτό σταθμό για τα πλοία.",
        "Οι ψαράδες ζητούσαν εδώ και χρόνια μια ασφαλέστερη θέση για να δένουν τις βάρκες τους.",
        "Ο σταθμός κατασκευάστηκε σε ναυπηγείο της ηπειρωτικής χώρας και μεταφέρθηκε με ρυμουλκό.",
        "Ο δήμαρχος δήλωσε ότι το έργο θα βοηθήσει και τον τουρισμό τους καλοκαιρινούς μήνες.",
        "Οι κάτοικοι καλούνται στα εγκαίνια το πρώτο Σάββατο του μήνα.",
    ]),
    "ko-euc-kr": ("euc-kr", "ko", None, "시골 마을 도서관에 첫 번째 작가가 찾아왔다", "산골신문", [
        "작은 시골 마을 도서관에 처음으로 소설가가 찾아와 주민들과 이야기를 나누었습니다.",
        "도서관은 폐교된 초등학교 교실을 고쳐서 지난해 문을 열었습니다.",
        "이날 행사에는 어린이부터 어르신까지 마을 주민 마흔 명이 모였습니다.",
        "작가는 자신의 어린 시절과 처음 글을 쓰게 된 계기에 대해 이야기했습니다.",
        "도서관 측은 앞으로 매달 한 번씩 작가 초청 행사를 열 계획이라고 밝혔습니다.",
    ]),
    "ru-koi8-r": ("koi8-r", "ru", None, "Старый трамвай вернулся на набережную", "Северная газета", [
        "После ремонта старый трамвай снова ходит по набережной от моста до рыбного рынка.",
        "Вагон построили почти сто лет назад, и последние двадцать лет он стоял в депо.",
        "Мастера заменили колёса и проводку, но сохранили деревянные скамейки и латунные поручни.",
        "Трамвай будет ходить по выходным каждые полчаса с утра до заката.",
        "Билеты продаёт кондуктор в форме, сшитой по старым фотографиям.",
    ]),
    "fr-utf-8-bom": ("utf-8-sig", "fr", None, "Le marché couvert rouvre après l’incendie", "Le Courrier du Port", [
        "Deux ans après l’incendie, le marché couvert de la vieille ville a rouvert ses portes samedi matin.",
        "Les charpentiers ont reconstruit la halle à l’identique, avec des poutres de chêne venues du pays.",
        "Une trentaine de marchands ont retrouvé leur place, du fromager au vendeur d’épices.",
        "Les habitants étaient nombreux dès l’aube, café à la main, pour voir la façade restaurée.",
        "Le marché sera ouvert du mardi au dimanche, de sept heures à treize heures.",
    ]),
    "zh-utf-8": ("utf-8", "zh-CN", None, "老城区的夜市重新开张", "城市晚报", [
        "经过半年的整修，老城区的夜市在上周末重新开张，吸引了大批市民前来。",
        "新的夜市保留了原来的小吃摊位，同时增加了手工艺品和旧书的摊位。",
        "管理部门在街道两旁安装了新的路灯，并设置了更多的垃圾桶和座椅。",
        "一位经营了二十年馄饨摊的老板说，老顾客们都回来了，生意比以前还好。",
        "夜市每天傍晚六点开放，到晚上十一点结束，周末延长到午夜。",
    ]),
}


def page(lang, direction, title, site, paragraphs, declared):
    meta = f'<meta charset="{declared}">\n' if declared else ""
    dir_attr = f' dir="{direction}"' if direction else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"{dir_attr}><head>{meta}<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
</head><body>
<header><nav><a href="/">{site}</a> <a href="/news">1</a> <a href="/about">2</a></nav></header>
<main><article><h1>{title}</h1>
{body}
</article></main>
<footer><p>{site} 2026</p></footer>
</body></html>
"""


for name, (charset, lang, direction, title, site, paragraphs) in PAGES.items():
    declared = {"ko-euc-kr": "euc-kr", "ru-koi8-r": "windows-1251"}.get(name)
    (HERE / f"{name}.html").write_bytes(page(lang, direction, title, site, paragraphs, declared).encode(charset))
