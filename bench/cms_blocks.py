"""`bench_text_templates.py --cms A|B`: furniture as the common CMS plugins and themes of
2017-2021 shipped it, with their real class names and markup shapes (written from
knowledge of them; nothing downloaded, no benchmark's gold read).

Two disjoint families, fixed before any result was seen; tune on A only, B is held out:

  A  WordPress classic/Twenty themes and tagDiv Newspaper and an Arc XP body; Jetpack
     (related posts, sharedaddy "Share this:", likes "Like this:"), `wp-caption` with
     Getty credits, BBC 2019 figures ("Image copyright"/"Image caption"), YARPP,
     Mailchimp for WP, Simple Author Box, tagDiv's author box, related block and tags,
     AddToAny, the "Continue reading" more-link, "Posted in … | Tagged …", Outbrain,
     Revcontent, Disqus, Gutenberg tweet embeds and pull quotes, inline "RELATED:" /
     "READ MORE:" / "ALSO READ:" paragraphs, "Updated at …", "Listen to this article".
  B  Genesis, Drupal 8, Ghost, Chorus (Vox Media) and Brightspot bodies; Gutenberg
     `wp-block-image` figures with "AP Photo/…" credits, Drupal's image-caption field and
     `node__links`, Ghost's `kg-card` images, bookmark cards, embeds and subscribe form,
     Chorus' related list and newsletter box, Brightspot enhancements, Starbox, a theme's
     `about-author`, ShareThis, Genesis' "Filed Under: … Tagged With: …", Taboola,
     Zergnet, Facebook comments, inline "SEE ALSO:" / "MORE:" / "[Related: …]"
     paragraphs, "Sign up for our newsletter" paragraphs, "Last updated …", "Click to
     expand", classic pull quotes.

Added after the first run of A (which found no leak), to both families alike: the
`the_content` filters (CONTENT_FILTERS) placed inside the content element, as WordPress
puts them, and each theme's own comment section and post navigation.

Truth decisions: a caption of the story's own photo, a pull quote that repeats a body
sentence (its words would count twice), an embedded tweet, an inline "RELATED: <linked
headline>" paragraph and an "Updated at" line are furniture; an editor's note or a
correction at the story's end is body (30 % of pages carry one, in the truth).
"""

from __future__ import annotations

import html
import random

from cms_page import placer

CREDITS = {
    "A": ("Photo by {n}/Getty Images", "{n}/Getty Images", "Photo: {n}/Reuters"),
    "B": ("AP Photo/{n}", "(AP Photo/{n})", "Photo: {n} | AP"),
}
INLINE_LABELS = {"A": ("RELATED:", "READ MORE:", "ALSO READ:"),
                 "B": ("SEE ALSO:", "MORE:", "Related:")}
UPDATED = {"A": ("Updated at 4:12 p.m. ET", "Updated at 10:47 a.m."),
           "B": ("Last updated on May 3, 2019", "UPDATED: Oct. 12, 2020, 9:05 a.m.")}
STORY_NOTES = {
    "A": ("Editor's note: This story has been updated to include comment from the "
          "mayor's office and the latest figures from the county.",
          "Correction: An earlier version of this article misstated the year the bridge "
          "was built; it opened in 1987."),
    "B": ("CORRECTION: A previous version of this article gave the wrong year for the "
          "opening of the stadium, which was 2004.",
          "This story has been updated to reflect a statement released by the company "
          "on Thursday afternoon."),
}


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _n(r: random.Random) -> int:
    return r.randrange(10**5)


def cms_block(kind: str, f, body: list[str]) -> tuple[str, list[str]]:
    """(HTML, the texts it shows that must not reach the article) for one kind; `f` is the
    bench's Furniture, `body` the story's paragraphs (a pull quote repeats one)."""
    r = f.rnd
    # --- family A ---------------------------------------------------------------
    if kind == "wp_caption":
        s, n = f.teaser(), _n(r)
        credit = r.choice(CREDITS["A"]).format(n=f.name())
        cap = f"{s} ({credit})" if r.random() < 0.6 else f"{s}. {credit}"
        return (f'<div id="attachment_{n}" style="width: 650px" class="wp-caption aligncenter">'
                f'<img class="size-large wp-image-{n}" src="/wp-content/uploads/2019/05/p{n}.jpg"'
                f' alt="" width="640" height="427"><p id="caption-attachment-{n}" '
                f'class="wp-caption-text">{_esc(cap)}</p></div>', [s])
    if kind == "bbc_figure":
        s = f.teaser()
        return ('<figure class="media-landscape has-caption full-width"><span class="image-and-'
                'copyright-container"><img class="js-image-replace" alt="" src="/i/p.jpg">'
                '<span class="off-screen">Image copyright</span><span class="story-image-'
                f'copyright">Getty Images</span></span><figcaption class="media-caption">'
                '<span class="off-screen">Image caption</span><span class="media-caption__'
                f'text">{_esc(s)}</span></figcaption></figure>', [s, "Image copyright"])
    if kind == "inline_related_a":
        return _inline_related("A", f)
    if kind == "tweet_a":
        s = f.sentence()
        return ('<figure class="wp-block-embed-twitter wp-block-embed is-type-rich '
                'is-provider-twitter"><div class="wp-block-embed__wrapper"><blockquote '
                f'class="twitter-tweet" data-width="550"><p lang="en" dir="ltr">{_esc(s)}</p>'
                f'&mdash; {f.name()} (@{f.name().split()[1].lower()}) <a href="https://twitter.'
                f'com/x/status/{_n(r)}">May 3, 2019</a></blockquote></div></figure>', [s])
    if kind == "pullquote_a":
        s = _quotable(body, r)
        return (f'<figure class="wp-block-pullquote"><blockquote><p>{_esc(s)}</p><cite>'
                f"{f.name()}</cite></blockquote></figure>", [s])
    if kind == "mc4wp":
        s = f.sentence()
        return (f'<form id="mc4wp-form-1" class="mc4wp-form mc4wp-form-{_n(r)}" method="post" '
                'data-id="77" data-name="Newsletter"><div class="mc4wp-form-fields"><p>'
                f"<strong>Sign up for our daily newsletter</strong><br>{_esc(s)}</p><p><input "
                'type="email" name="EMAIL" placeholder="Your email address" required></p><p>'
                '<input type="submit" value="Sign up"></p></div><label style="display: none '
                '!important;">Leave this field empty if you\'re human: <input type="text" '
                'name="_mc4wp_honeypot" value="" tabindex="-1" autocomplete="off"></label>'
                '<div class="mc4wp-response"></div></form>', [s, "Sign up for our daily"])
    if kind == "listen_a":
        return ('<div class="wp-block-audio-wrap"><p class="listen-label"><strong>Listen to '
                'this article</strong></p><figure class="wp-block-audio"><audio controls '
                f'src="/wp-content/uploads/a{_n(r)}.mp3"></audio></figure></div>',
                ["Listen to this article"])
    if kind == "updated_a":
        u = r.choice(UPDATED["A"])
        return f"<p><em>{_esc(u)}</em></p>", [u]
    if kind == "jp_related":
        items = [(f.teaser(), f.sentence()) for _ in range(3)]
        posts = "".join(
            f'<div class="jp-relatedposts-post jp-relatedposts-post{i} jp-relatedposts-post-'
            f'thumbs" data-post-id="{_n(r)}" data-post-format="false"><a class="jp-relatedposts-'
            f'post-a" href="/2019/05/{_n(r)}/" title="{_esc(t)}" rel="nofollow" data-origin="1"'
            f' data-position="{i}"><img class="jp-relatedposts-post-img" src="/r.jpg" '
            'width="350" alt=""></a><h4 class="jp-relatedposts-post-title"><a class="jp-'
            f'relatedposts-post-a" href="/2019/05/{_n(r)}/" rel="nofollow">{_esc(t)}</a></h4>'
            f'<p class="jp-relatedposts-post-excerpt">{_esc(s)}</p><p class="jp-relatedposts-'
            'post-date">May 3, 2019</p><p class="jp-relatedposts-post-context">In "News"</p>'
            "</div>" for i, (t, s) in enumerate(items))
        return ('<div id="jp-relatedposts" class="jp-relatedposts" style="display: block;">'
                '<h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-'
                f'relatedposts-items jp-relatedposts-items-visual">{posts}</div></div>',
                [x for pair in items for x in pair])
    if kind == "sharedaddy":
        return ('<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent '
                'sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">'
                'Share this:</h3><div class="sd-content"><ul><li class="share-twitter"><a '
                'rel="nofollow noopener noreferrer" class="share-twitter sd-button share-icon" '
                'href="?share=twitter" target="_blank" title="Click to share on Twitter">'
                '<span>Twitter</span></a></li><li class="share-facebook"><a class="share-'
                'facebook sd-button share-icon" href="?share=facebook" title="Click to share '
                'on Facebook"><span>Facebook</span></a></li><li class="share-end"></li></ul>'
                '</div></div></div>', ["Share this: Twitter Facebook"])
    if kind == "jp_likes":
        return (f'<div id="like-post-wrapper-1-{_n(r)}" class="sharedaddy sd-block sd-like '
                'jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded" data-src="" '
                'data-name="like-post-frame"><h3 class="sd-title">Like this:</h3><div class='
                '"likes-widget-placeholder post-likes-widget-placeholder" style="height: 55px;">'
                '<span class="button"><span>Like</span></span> <span class="loading">Loading...'
                '</span></div><span class="sd-text-color"></span><a class="sd-link-color"></a>'
                "</div>", ["Like this: Like Loading"])
    if kind == "yarpp":
        items = [f.teaser() for _ in range(4)]
        lis = "".join(f'<li><a href="/2018/{_n(r)}/" rel="bookmark" title="{_esc(t)}">'
                      f"{_esc(t)}</a></li>" for t in items)
        return ("<div class='yarpp-related'><h3>Related posts:</h3><ol>"
                f"{lis}</ol></div>", items)
    if kind == "sab":
        s, n = f.sentence(), f.author
        return ('<div class="saboxplugin-wrap" itemtype="http://schema.org/Person" itemscope '
                'itemprop="author"><div class="saboxplugin-tab"><div class="saboxplugin-'
                f'gravatar"><img src="/avatar.jpg" width="100" height="100" alt="{n}" '
                'itemprop="image"></div><div class="saboxplugin-authorname"><a href="/author/'
                f'x/" class="vcard author" rel="author" itemprop="url"><span class="fn" '
                f'itemprop="name">{n}</span></a></div><div class="saboxplugin-desc"><div '
                f'itemprop="description"><p>{n} is a staff writer. {_esc(s)}</p></div></div>'
                '<div class="clearfix"></div><div class="saboxplugin-socials "><a title="'
                'Twitter" target="_self" href="https://twitter.com/x" rel="nofollow noopener" '
                'class="saboxplugin-icon-grey"></a></div></div></div>', [s])
    if kind == "td_author":
        s, n = f.sentence(), f.author
        return ('<div class="author-box-wrap"><a href="/author/x/"><img alt="" src="/av.jpg" '
                'class="avatar avatar-96 photo" height="96" width="96"></a><div class="desc">'
                f'<div class="td-author-name vcard author"><span class="fn"><a href="/author/x/">'
                f'{n}</a></span></div><div class="td-author-url"><a href="https://x.example/">'
                f'https://x.example/</a></div><div class="td-author-description">{_esc(s)}</div>'
                '<div class="td-author-social"></div><div class="clearfix"></div></div></div>',
                [s])
    if kind == "td_tags":
        words = [w for w in f.teaser().split() if len(w) > 4][:3] or ["News"]
        tags = "".join(f'<li><a href="/tag/{_esc(w.lower())}/">{_esc(w)}</a></li>' for w in words)
        return ('<div class="td-post-source-tags"><ul class="td-tags td-post-small-box '
                f'clearfix"><li><span>TAGS</span></li>{tags}</ul></div>', [" ".join(words)])
    if kind == "twenty_footer":
        cat, words = f.teaser().split()[0], [w for w in f.teaser().split() if len(w) > 4][:3]
        tags = ", ".join(f'<a href="/tag/{_esc(w.lower())}/" rel="tag">{_esc(w)}</a>'
                         for w in words or ["News"])
        return ('<footer class="entry-footer"><span class="cat-links"><span class="screen-'
                f'reader-text">Categories </span>Posted in <a href="/category/x/" rel="category '
                f'tag">{_esc(cat)}</a></span> | <span class="tags-links">Tagged {tags}</span> | '
                '<span class="comments-link"><a href="#respond">Leave a comment</a></span>'
                "</footer>", [f"Posted in {cat}", "Leave a comment"])
    if kind == "addtoany":
        return ('<div class="addtoany_share_save_container addtoany_content addtoany_content_'
                'bottom"><div class="addtoany_header">Share this:</div><div class="a2a_kit '
                'a2a_kit_size_32 addtoany_list" data-a2a-url="https://x.example/p/" data-a2a-'
                'title="x"><a class="a2a_button_facebook" href="https://www.addtoany.com/add_to'
                '/facebook" title="Facebook" rel="nofollow noopener" target="_blank"></a><a '
                'class="a2a_button_twitter" href="https://www.addtoany.com/add_to/twitter" '
                'title="Twitter" rel="nofollow noopener" target="_blank"></a><a class="a2a_dd '
                'addtoany_share_save addtoany_share" href="https://www.addtoany.com/share">'
                "Share</a></div></div>", ["Share this: Share"])
    if kind == "more_link":
        return (f'<p><a href="/2019/05/{_n(r)}/#more-{_n(r)}" class="more-link">Continue '
                'reading<span class="screen-reader-text"> "the story"</span></a></p>',
                ['Continue reading "the story"'])
    if kind == "outbrain":
        items = [f.teaser() for _ in range(4)]
        recs = "".join(
            f'<li class="ob-dynamic-rec-container ob-recIdx-{i}"><a class="ob-dynamic-rec-link" '
            f'href="https://paid.outbrain.com/network/redir?p={_n(r)}" target="_blank"><div '
            'class="ob-rec-image-container"><img class="ob-rec-image" src="/o.jpg" alt="">'
            f'</div><span class="ob-unit ob-rec-text">{_esc(t)}</span><span class="ob-unit '
            'ob-rec-source">Sponsored</span></a></li>' for i, t in enumerate(items))
        return ('<div class="OUTBRAIN" data-src="https://x.example/p/" data-widget-id="AR_1" '
                'data-ob-template="x"><div class="ob-widget ob-feed-layout AR_1"><div class="ob-'
                'widget-header">Recommended for you</div><ul class="ob-widget-items-container">'
                f'{recs}</ul><a class="ob_what" href="https://www.outbrain.com/what-is/">What '
                "is</a></div></div>", items)
    if kind == "revcontent":
        items = [f.teaser() for _ in range(4)]
        cells = "".join(
            f'<div class="rc-item"><a class="rc-cta" href="https://trends.revcontent.com/'
            f'click.php?d={_n(r)}" rel="nofollow" target="_blank"><div class="rc-photo-'
            f'container"><div class="rc-photo"></div></div><div class="rc-headline">{_esc(t)}'
            '</div><div class="rc-provider">Sponsored</div></a></div>' for t in items)
        return (f'<div id="rcjsload_{_n(r)}"><div class="rc-wc rc-bp rc-uid-{_n(r)} rc-g-p">'
                '<div class="rc-header"><div class="rc-headline-label">Promoted Content</div>'
                f'</div><div class="rc-row">{cells}</div></div></div>', items)
    if kind == "disqus":
        return ('<div id="comments" class="comments-area"><div id="disqus_thread"></div>'
                '<noscript>Please enable JavaScript to view the <a href="https://disqus.com/'
                '?ref_noscript" rel="nofollow">comments powered by Disqus.</a></noscript></div>',
                ["Please enable JavaScript to view the comments powered by Disqus"])
    if kind == "td_related":
        items = [f.teaser() for _ in range(3)]
        mods = "".join(
            '<div class="td-related-span4 td-related-post-ajax-box"><div class="td_module_'
            'related_posts td-animation-stack td_mod_related_posts"><div class="td-module-'
            f'image"><div class="td-module-thumb"><a href="/{_n(r)}/" rel="bookmark" title='
            f'"{_esc(t)}"><img class="entry-thumb" src="/t.jpg" alt=""></a></div></div><div '
            'class="item-details"><h3 class="entry-title td-module-title"><a href="/'
            f'{_n(r)}/" rel="bookmark">{_esc(t)}</a></h3></div></div></div>' for t in items)
        return ('<div class="td_block_wrap td_block_related_posts td_uid_3_5cc tdi_3 '
                'td_with_ajax_pagination td-pb-border-top td_block_template_1"><h4 class="td-'
                'related-title td-block-title"><a id="td_uid_4" class="td-related-left td-cur-'
                'simple-item" data-td_filter_value="" href="#">RELATED ARTICLES</a><a id='
                '"td_uid_5" class="td-related-right" href="#">MORE FROM AUTHOR</a></h4><div '
                f'class="td_block_inner"><div class="td-related-row">{mods}</div></div></div>',
                ["RELATED ARTICLES MORE FROM AUTHOR", *items])
    # --- family B ---------------------------------------------------------------
    if kind == "gb_figure":
        s = f.teaser()
        credit = r.choice(CREDITS["B"]).format(n=f.name())
        return (f'<figure class="wp-block-image size-large"><img src="/wp-content/uploads/2020/'
                f'06/a{_n(r)}.jpg" alt="" class="wp-image-{_n(r)}"><figcaption>{_esc(s)} '
                f"{_esc(credit)}</figcaption></figure>", [s])
    if kind == "drupal_caption":
        s = f.teaser()
        credit = r.choice(CREDITS["B"]).format(n=f.name())
        return ('<div class="field field--name-field-image field--type-image field--label-'
                f'hidden field__item"><img src="/sites/default/files/2019-05/i{_n(r)}.jpg" '
                'alt="" typeof="foaf:Image"></div><div class="field field--name-field-image-'
                f'caption field--type-string field--label-hidden field__item">{_esc(s)} '
                f"{_esc(credit)}</div>", [s])
    if kind == "kg_image":
        s = f.teaser()
        return ('<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/'
                f'images/2020/06/i{_n(r)}.jpg" class="kg-image" alt="" loading="lazy">'
                f"<figcaption>{_esc(s)}</figcaption></figure>", [s])
    if kind == "kg_bookmark":
        t, s = f.teaser(), f.sentence()
        return ('<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" '
                f'href="https://x.example/{_n(r)}/"><div class="kg-bookmark-content"><div '
                f'class="kg-bookmark-title">{_esc(t)}</div><div class="kg-bookmark-description">'
                f'{_esc(s)}</div><div class="kg-bookmark-metadata"><img class="kg-bookmark-icon"'
                ' src="/favicon.png" alt=""><span class="kg-bookmark-author">Example</span>'
                '</div></div><div class="kg-bookmark-thumbnail"><img src="/b.jpg" alt="">'
                "</div></a></figure>", [t, s])
    if kind == "tweet_b":
        s = f.sentence()
        return ('<figure class="kg-card kg-embed-card"><blockquote class="twitter-tweet">'
                f'<p lang="en" dir="ltr">{_esc(s)} <a href="https://t.co/x">pic.twitter.com/x'
                f'</a></p>&mdash; {f.name()} (@desk) <a href="https://twitter.com/desk/status/'
                f'{_n(r)}?ref_src=twsrc%5Etfw">June 4, 2020</a></blockquote></figure>', [s])
    if kind == "inline_related_b":
        return _inline_related("B", f)
    if kind == "newsletter_para":
        s = r.choice(("Sign up for our newsletter to get the day's top stories in your inbox.",
                      "Sign up for our free Morning Briefing newsletter.",
                      "Get the best of our journalism: sign up for the weekly newsletter."))
        return (f'<p><em>{_esc(s)} <a href="/newsletters/">Subscribe here</a>.</em></p>', [s])
    if kind == "pullquote_b":
        s = _quotable(body, r)
        side = r.choice(("left", "right"))
        return f'<blockquote class="pullquote align{side}"><p>{_esc(s)}</p></blockquote>', [s]
    if kind == "chorus_related":
        items = [f.teaser() for _ in range(3)]
        lis = "".join(f'<li><a href="https://x.example/{_n(r)}/">{_esc(t)}</a></li>'
                      for t in items)
        return ('<aside id="AQ6Fdc" class="c-related-list"><h2 class="c-related-list__head">'
                f'Related</h2><ul class="c-related-list__list">{lis}</ul></aside>', items)
    if kind == "brightspot_enh":
        t = f.teaser()
        return ('<div class="Enhancement" data-align-center><div class="Enhancement-item">'
                '<div class="PromoB"><div class="PromoB-content"><div class="PromoB-category">'
                f'Related</div><div class="PromoB-title"><a class="Link" href="/{_n(r)}">'
                f"{_esc(t)}</a></div></div></div></div></div>", [t])
    if kind == "updated_b":
        u = r.choice(UPDATED["B"])
        return f'<p class="updated-date">{_esc(u)}</p>', [u]
    if kind == "click_expand":
        return ('<div class="article-expander"><button class="expand-button" type="button">'
                "Click to expand</button></div>", ["Click to expand"])
    if kind == "starbox":
        s, n = f.sentence(), f.author
        posts = [f.teaser() for _ in range(2)]
        lis = "".join(f'<li><a href="/{_n(r)}/">{_esc(t)}</a><span> - May 3, 2019</span></li>'
                      for t in posts)
        return ('<div class="abh_box abh_box_down abh_box_business"><ul class="abh_tabs"><li '
                'class="abh_about abh_active"><a href="#abh_about">About</a></li><li class="abh'
                '_posts"><a href="#abh_posts">Latest Posts</a></li></ul><div class="abh_tab_'
                'content"><section class="vcard author abh_about_tab abh_tab" itemscope '
                'itemprop="author" itemtype="http://schema.org/Person" style="display:block">'
                '<div class="abh_image"><img src="/g.jpg" class="photo" alt="" width="250"></div>'
                f'<div class="abh_text"><div class="abh_name fn name" itemprop="name">{n}</div>'
                '<div class="abh_job"><span class="title">Reporter</span></div><div class='
                f'"description note abh_description" itemprop="description">{_esc(s)}</div></div>'
                '</section><section class="abh_posts_tab abh_tab"><div class="abh_image"></div>'
                f'<div class="abh_text"><div class="abh_name">Latest posts by {n} <span class='
                '"abh_allposts">(<a href="/author/x/">see all</a>)</span></div><div class="abh_'
                f'description note"><ul>{lis}</ul></div></div></section></div></div>',
                [s, *posts])
    if kind == "about_author":
        s, n = f.sentence(), f.author
        return ('<div class="about-author clearfix"><div class="author-avatar"><img src="/a.jpg"'
                ' alt="" class="avatar"></div><div class="author-info"><h4 class="author-title">'
                f'About {n}</h4><p class="author-description">{_esc(s)}</p><a class="author-'
                f'link" href="/author/x/" rel="author">View all posts by {n}</a></div></div>',
                [s, "View all posts by"])
    if kind == "sharethis":
        return ('<div class="sharethis-inline-share-buttons st-center st-has-labels st-inline-'
                'share-buttons st-animated" id="st-1"><div class="st-btn st-first" data-'
                'network="facebook"><span class="st-label">Share</span></div><div class="st-btn"'
                ' data-network="twitter"><span class="st-label">Tweet</span></div><div class='
                '"st-btn st-last" data-network="email"><span class="st-label">Email</span></div>'
                "</div>", ["Share Tweet Email"])
    if kind == "genesis_footer":
        words = [w for w in f.teaser().split() if len(w) > 4][:3] or ["News"]
        tags = ", ".join(f'<a href="/tag/{_esc(w.lower())}/" rel="tag">{_esc(w)}</a>'
                         for w in words)
        return ('<footer class="entry-footer"><p class="entry-meta"><span class="entry-'
                'categories">Filed Under: <a href="/category/news/" rel="category tag">News'
                f'</a></span> <span class="entry-tags">Tagged With: {tags}</span></p></footer>',
                ["Filed Under: News", "Tagged With: " + " ".join(words)])
    if kind == "drupal_links":
        return ('<div class="node__links"><ul class="links inline"><li class="comment-forbidden">'
                '<a href="/user/login?destination=/node/1%23comment-form">Log in</a> to post '
                'comments</li><li class="statistics-counter">2,314 views</li></ul></div>',
                ["Log in to post comments"])
    if kind == "ghost_subscribe":
        s = f.sentence()
        return ('<section class="subscribe-form"><h3 class="subscribe-form-title">Subscribe to '
                f'Example Weekly</h3><p class="subscribe-form-description">{_esc(s)}</p><form '
                'data-members-form="subscribe"><div class="form-group"><input class="subscribe-'
                'email" data-members-email placeholder="youremail@example.com" autocomplete='
                '"false"><button class="button primary" type="submit"><span class="button-'
                'content">Subscribe</span></button></div><div class="message-success"><strong>'
                "Great!</strong> Check your inbox and click the link to confirm your "
                "subscription.</div></form></section>",
                [s, "Subscribe to Example Weekly", "Check your inbox and click the link"])
    if kind == "chorus_newsletter":
        s = f.sentence()
        return ('<div class="c-newsletter_signup_box c-newsletter_signup_box--inline"><div '
                'class="c-newsletter_signup_box__main"><h2 class="c-newsletter_signup_box__'
                f'title">Sign up for the newsletter Today, Explained</h2><p class="c-newsletter'
                f'_signup_box__description">{_esc(s)}</p><form class="c-newsletter_signup_box__'
                'form"><input type="email" name="email" placeholder="Your email"><input type='
                '"submit" value="Subscribe"></form></div></div>',
                ["Sign up for the newsletter", s])
    if kind == "taboola":
        items = [f.teaser() for _ in range(4)]
        cubes = "".join(
            f'<div class="videoCube trc_spotlight_item origin-default thumbnail_top syndicated'
            f'Item" data-item-id="~~V1~~{_n(r)}"><a title="{_esc(t)}" href="https://x.example/'
            f'?utm_source=taboola" class="item-thumbnail-href" rel="nofollow" target="_blank">'
            '<div class="thumbBlock_holder"><span class="thumbBlock"></span></div></a><a class='
            '"item-label-href" rel="nofollow"><span class="video-label-box trc-main-label">'
            f'<span class="video-label video-title trc_ellipsis">{_esc(t)}</span><span class='
            '"branding">Sponsored</span></span></a></div>' for t in items)
        return ('<div id="taboola-below-article-thumbnails" class="trc_related_container '
                'trc_spotlight_widget trc_elastic trc_elastic_thumbnails-a"><div class="trc_rbox_'
                'container"><div class="trc_rbox thumbnails-a trc-content-sponsored"><div class='
                '"trc_rbox_header trc_rbox_border_elm"><div class="trc_rbox_header_span">You May '
                f'Like</div></div><div class="trc_rbox_outer"><div class="trc_rbox_div">{cubes}'
                "</div></div></div></div></div>", ["You May Like", *items])
    if kind == "zergnet":
        items = [f.teaser() for _ in range(4)]
        ents = "".join(
            f'<div class="zergentity"><a href="https://www.zergnet.com/i/{_n(r)}/" target='
            '"_blank" rel="nofollow" class="zergimg"><img src="/z.jpg"></a><div class="zerg'
            f'headline"><a href="https://www.zergnet.com/i/{_n(r)}/" target="_blank">'
            f"{_esc(t)}</a></div></div>" for t in items)
        return (f'<div class="zergnet-widget" id="zergnet-widget-{_n(r)}"><div class="zerg-'
                f'widget-header">From The Web</div><div class="zerglayoutcl">{ents}</div></div>',
                items)
    if kind == "fb_comments":
        return ('<div class="comments-wrap"><h3 class="comments-title">Comments</h3><div '
                'class="fb-comments" data-href="https://x.example/p/" data-numposts="5" data-'
                'width="100%"></div><p class="comment-policy">Facebook comments are moderated; '
                'please keep them civil.</p></div>',
                ["Facebook comments are moderated"])
    # --- the themes' own comment sections and post navigation (both families, each in
    # its theme's markup; added after the first run, which found no leak in A) ---------
    if kind == "wp_comments":
        return _wp_comments(f)
    if kind == "wp_post_nav":
        t1, t2 = f.teaser(), f.teaser()
        return ('<nav class="navigation post-navigation" role="navigation" aria-label="Posts">'
                '<h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div '
                f'class="nav-previous"><a href="/2019/05/{_n(r)}/" rel="prev"><span class="meta-'
                f'nav">Previous Post</span> <span class="post-title">{_esc(t1)}</span></a></div>'
                f'<div class="nav-next"><a href="/2019/05/{_n(r)}/" rel="next"><span class="meta'
                f'-nav">Next Post</span> <span class="post-title">{_esc(t2)}</span></a></div>'
                "</div></nav>", [t1, t2])
    if kind == "genesis_comments":
        ss = [f.sentence() for _ in range(2)]
        lis = "".join(
            f'<li class="comment even thread-even depth-1" id="comment-{_n(r)}"><article id='
            f'"article-comment-{_n(r)}"><header class="comment-header"><p class="comment-author">'
            '<img alt="" src="/g.jpg" class="avatar avatar-48 photo" height="48" width="48">'
            f'<span class="comment-author-name">{f.name()}</span> <span class="says">says</span>'
            '</p><p class="comment-meta"><time class="comment-time" datetime="2020-06-05T09:14:'
            '00+00:00"><a class="comment-time-link" href="#comment-1">June 5, 2020 at 9:14 am'
            f'</a></time></p></header><div class="comment-content"><p>{_esc(s)}</p></div><div '
            'class="comment-reply"><a rel="nofollow" class="comment-reply-link" href="#respond">'
            "Reply</a></div></article></li>" for s in ss)
        return ('<div class="entry-comments" id="comments"><h3>Comments</h3><ol class="comment-'
                f'list">{lis}</ol></div>', ss)
    if kind == "genesis_post_nav":
        t1, t2 = f.teaser(), f.teaser()
        return ('<div class="adjacent-entry-pagination pagination"><div class="pagination-'
                f'previous alignleft"><a href="/{_n(r)}/" rel="prev"><span class="screen-reader-'
                f'text">Previous Post: </span><span class="adjacent-post-link">&#xAB; {_esc(t1)}'
                '</span></a></div><div class="pagination-next alignright"><a href="/'
                f'{_n(r)}/" rel="next"><span class="screen-reader-text">Next Post: </span><span '
                f'class="adjacent-post-link">{_esc(t2)} &#xBB;</span></a></div></div>', [t1, t2])
    raise ValueError(kind)


def _wp_comments(f) -> tuple[str, list[str]]:
    """WordPress's own comments (Twenty-series markup) and its "Leave a Reply" form."""
    r, ss = f.rnd, [f.sentence() for _ in range(2)]
    lis = "".join(
        f'<li id="comment-{_n(r)}" class="comment even thread-even depth-1"><article class="'
        'comment-body"><footer class="comment-meta"><div class="comment-author vcard"><img '
        f'alt="" src="/g.jpg" class="avatar avatar-32 photo"><b class="fn">{f.name()}</b> '
        '<span class="says">says:</span></div><div class="comment-metadata"><a href="#c"><time '
        'datetime="2019-05-04T08:12:00+00:00">May 4, 2019 at 8:12 am</time></a></div></footer>'
        f'<div class="comment-content"><p>{_esc(s)}</p></div><div class="reply"><a rel='
        '"nofollow" class="comment-reply-link" href="#respond">Reply</a></div></article></li>'
        for s in ss)
    form = ('<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-'
            'title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href='
            '"#respond" style="display:none;">Cancel reply</a></small></h3><form action="/wp-'
            'comments-post.php" method="post" id="commentform" class="comment-form"><p class='
            '"comment-notes"><span id="email-notes">Your email address will not be published.'
            '</span> Required fields are marked <span class="required">*</span></p><p class='
            '"comment-form-comment"><label for="comment">Comment</label> <textarea id="comment" '
            'name="comment" cols="45" rows="8"></textarea></p><p class="comment-form-author">'
            '<label for="author">Name <span class="required">*</span></label> <input id="author" '
            'name="author" type="text"></p><p class="comment-form-email"><label for="email">'
            'Email <span class="required">*</span></label> <input id="email" name="email" type='
            '"text"></p><p class="comment-form-cookies-consent"><input id="wp-comment-cookies-'
            'consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for='
            '"wp-comment-cookies-consent">Save my name, email, and website in this browser for '
            'the next time I comment.</label></p><p class="form-submit"><input name="submit" '
            'type="submit" id="submit" class="submit" value="Post Comment"></p></form></div>')
    return ('<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on '
            f'&ldquo;the story&rdquo;</h2><ol class="comment-list">{lis}</ol>{form}</div>',
            [*ss, "Your email address will not be published",
             "Save my name, email, and website in this browser"])


def _inline_related(family: str, f) -> tuple[str, list[str]]:
    """An inline "RELATED: <linked headline>" paragraph inside the story."""
    r, t = f.rnd, f.teaser()
    label = r.choice(INLINE_LABELS[family])
    href = f"/news/{_n(r)}/"
    if family == "A":
        shape = r.choice(("strong", "plain", "caps_link"))
        if shape == "strong":
            return f'<p><strong>{label}</strong> <a href="{href}">{_esc(t)}</a></p>', [t]
        if shape == "plain":
            return f'<p>{label} <a href="{href}">{_esc(t)}</a></p>', [t]
        return f'<p><strong>{label} <a href="{href}">{_esc(t.upper())}</a></strong></p>', [t]
    shape = r.choice(("em", "bracket", "b"))
    if shape == "em":
        return f'<p><em>{label} <a href="{href}">{_esc(t)}</a></em></p>', [t]
    if shape == "bracket":
        return f'<p>[<a href="{href}">{label} {_esc(t)}</a>]</p>', [t]
    return f'<p><b>{label}</b> <a href="{href}"><b>{_esc(t)}</b></a></p>', [t]


def _quotable(body: list[str], r: random.Random) -> str:
    """A sentence of the story itself, as a pull quote repeats one."""
    import re

    sentences = [s for p in body for s in re.split(r"(?<=[.!?])\s+", p) if len(s.split()) >= 8]
    return r.choice(sentences) if sentences else r.choice(body)


# Where each family's kinds go: inside the body, at its top, after it inside the
# article, outside the article.
CMS_KINDS = {
    "A": {"inside": ("wp_caption", "bbc_figure", "inline_related_a", "inline_related_a",
                     "tweet_a", "pullquote_a", "mc4wp", "wp_caption"),
          "before": ("listen_a", "updated_a"),
          "after": ("jp_related", "sharedaddy", "jp_likes", "yarpp", "sab", "td_author",
                    "td_tags", "twenty_footer", "addtoany", "more_link"),
          "outside": ("outbrain", "revcontent", "disqus", "td_related", "wp_comments",
                      "wp_post_nav")},
    "B": {"inside": ("gb_figure", "drupal_caption", "kg_image", "kg_bookmark", "tweet_b",
                     "inline_related_b", "inline_related_b", "newsletter_para", "pullquote_b",
                     "chorus_related", "brightspot_enh"),
          "before": ("updated_b", "click_expand"),
          "after": ("starbox", "about_author", "sharethis", "genesis_footer", "drupal_links",
                    "ghost_subscribe", "chorus_newsletter"),
          "outside": ("taboola", "zergnet", "fb_comments", "genesis_comments",
                      "genesis_post_nav")},
}
# The plugins that WordPress runs as `the_content` filters (and Chorus' inline newsletter):
# their markup is appended INSIDE the post's content element ("entry-content"), after the
# story's last paragraph, not beside it as a theme's own footer is.
CONTENT_FILTERS = frozenset(("jp_related", "sharedaddy", "jp_likes", "yarpp", "sab",
                             "addtoany", "starbox", "sharethis", "chorus_newsletter"))
CMS_WRAPPERS = {"A": ("wp_twenty", "tagdiv", "arc"),
                "B": ("genesis", "drupal8", "ghost", "chorus", "brightspot")}


def cms_story(wrapper: str, title: str, author: str, inner: str, after: str) -> str:
    """One story in a theme's markup: the body `inner`, then `after` (the article's own
    footer furniture) inside the article element."""
    t, a = _esc(title), _esc(author)
    if wrapper == "wp_twenty":
        return ('<article id="post-4821" class="post-4821 post type-post status-publish format-'
                'standard has-post-thumbnail hentry category-news"><header class="entry-header">'
                f'<h1 class="entry-title">{t}</h1><div class="entry-meta"><span class="posted-on">'
                '<time class="entry-date published" datetime="2019-05-03T09:12:00+00:00">May 3, '
                f'2019</time></span><span class="byline"> by <span class="author vcard"><a class='
                f'"url fn n" href="/author/x/">{a}</a></span></span></div></header><div class='
                f'"entry-content">{inner}</div>{after}</article>')
    if wrapper == "tagdiv":
        return ('<div class="td-post-header"><header class="td-post-title"><h1 class="entry-'
                f'title">{t}</h1><div class="td-module-meta-info"><div class="td-post-author-'
                f'name"><div class="td-author-by">By</div> <a href="/author/x/">{a}</a></div>'
                '<span class="td-post-date"><time class="entry-date updated td-module-date" '
                'datetime="2019-05-03T09:12:00+00:00">May 3, 2019</time></span></div></header>'
                '</div><div class="td-post-content tagdiv-type"><div class="td-post-featured-'
                f'image"><img class="entry-thumb" src="/f.jpg" alt=""></div>{inner}</div>'
                f'<footer>{after}</footer>')
    if wrapper == "arc":
        return (f'<article class="article-body" data-qa="article-body"><h1 data-qa="headline">'
                f'{t}</h1><div class="byline"><span>By <a href="/people/x/">{a}</a></span>'
                f'</div><div class="article-body-inner">{inner}</div>{after}</article>')
    if wrapper == "genesis":
        return ('<article class="post-7712 post type-post status-publish entry" itemscope '
                'itemtype="https://schema.org/CreativeWork"><header class="entry-header"><h1 '
                f'class="entry-title" itemprop="headline">{t}</h1><p class="entry-meta"><time '
                'class="entry-time" itemprop="datePublished" datetime="2020-06-04T08:00:00+00:00">'
                'June 4, 2020</time> by <span class="entry-author" itemprop="author" itemscope '
                'itemtype="https://schema.org/Person"><a href="/author/x/" class="entry-author-'
                f'link" rel="author"><span class="entry-author-name" itemprop="name">{a}</span>'
                '</a></span></p></header><div class="entry-content" itemprop="text">'
                f"{inner}</div>{after}</article>")
    if wrapper == "drupal8":
        return ('<article role="article" about="/node/1" class="node node--type-article node--'
                'promoted node--view-mode-full"><h1 class="page-title"><span class="field field--'
                f'name-title field--type-string field--label-hidden">{t}</span></h1><footer class'
                f'="node__meta"><div class="node__submitted">Submitted by <span>{a}</span> on '
                'Fri, 05/03/2019 - 09:12</div></footer><div class="node__content clearfix"><div '
                'class="clearfix text-formatted field field--name-body field--type-text-with-'
                f'summary field--label-hidden field__item">{inner}</div></div>{after}</article>')
    if wrapper == "ghost":
        return ('<article class="post-full post tag-news"><header class="post-full-header"><h1 '
                f'class="post-full-title">{t}</h1><div class="post-full-byline"><h4 class="author'
                f'-name"><a href="/author/x/">{a}</a></h4><time class="byline-meta-date" datetime='
                '"2020-06-04">4 Jun 2020</time></div></header><section class="post-full-content">'
                f'<div class="post-content">{inner}</div></section>{after}</article>')
    if wrapper == "chorus":
        return ('<div class="l-col__main"><div class="c-entry-hero"><h1 class="c-page-title">'
                f'{t}</h1><div class="c-byline"><span class="c-byline__item"><a href="/authors/x">'
                f'{a}</a></span><time class="c-byline__item" datetime="2021-02-11T10:00:00-05:00">'
                'Feb 11, 2021, 10:00am EST</time></div></div><div class="c-entry-content ">'
                f"{inner}</div>{after}</div>")
    if wrapper == "brightspot":
        return ('<div class="Page-content"><h1 class="Page-headline">'
                f'{t}</h1><div class="Page-byline"><div class="Page-authors">By <a class="Link" '
                f'href="/people/x">{a}</a></div><div class="Page-datePublished">May 3, 2019'
                '</div></div><div class="RichTextArticleBody RichTextBody"><div class="'
                f'RichTextArticleBody-body RichTextBody">{inner}</div></div>{after}</div>')
    raise ValueError(wrapper)


def render_cms(paras: list[str], headline: str, f, family: str, note: str | None
               ) -> tuple[str, list[tuple[str, list[str]]]]:
    """One page of `family`'s theme and plugins: the HTML and its furniture blocks. `note`
    (an editor's note or correction, part of the truth) closes the body when given."""
    r, kinds = f.rnd, CMS_KINDS[family]
    f.author = f.name()
    placed: list[tuple[str, list[str]]] = []
    body = [f"<p>{_esc(p)}</p>" for p in paras]
    if note:
        body.append(f"<p><em>{_esc(note)}</em></p>")
    add = placer(None, lambda kind, f: cms_block(kind, f, paras), f, placed)
    # not cms_page.insert_inside: A/B draw the kind before its place (their pages stay)
    for _ in range(r.randint(2, 4)):
        kind = r.choice(kinds["inside"])
        body.insert(r.randint(1, len(paras) - 1), add(kind))
    for kind in r.sample(kinds["before"], r.randint(0, 1)):
        body.insert(0, add(kind))
    after = ""
    for kind in r.sample(kinds["after"], r.randint(1, 3)):
        if kind in CONTENT_FILTERS:  # appended to the post's content by the plugin
            body.append(add(kind))
        else:
            after += add(kind)
    outside = "".join(add(k) for k in r.sample(kinds["outside"], r.randint(0, 2)))
    story = cms_story(r.choice(CMS_WRAPPERS[family]), headline, f.author, "".join(body), after)
    head = (f"<head><meta charset='utf-8'><title>{_esc(headline)} - Example News</title>"
            "</head>")
    nav = ('<header id="masthead" class="site-header"><nav class="main-navigation"><ul id="menu"'
           '><li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li><a href="/sport'
           '/">Sport</a></li></ul></nav></header>')
    foot = ('<footer id="colophon" class="site-footer"><div class="site-info">© 2019 Example '
            'News. Proudly powered by WordPress</div></footer>')
    page = (f'<!DOCTYPE html><html lang="en">{head}<body class="post-template-default single">'
            f'{nav}<div id="content" class="site-content"><div id="primary" class="content-area">'
            f'<main id="main" class="site-main">{story}{outside}</main></div></div>{foot}'
            "</body></html>")
    return page, placed
